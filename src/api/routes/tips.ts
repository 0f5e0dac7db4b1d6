import { Hono, type Context } from 'hono';
import { isLocale, localeOfPath, type Locale } from '../../i18n/locales.ts';
import { localeFromAcceptLanguage } from '../../i18n/negotiate.ts';
import { TIP_FIELDS, type TipField } from '../../schemas/tip.ts';
import type { TipFormPage, TipFormState } from '../../schemas/tip-form-state.ts';
import { RateLimitedError, ValidationError, type ClientError } from '../../http/errors.ts';
import { sameOriginOnly } from '../../http/same-origin.ts';
import { readSubmissionBody, submissionKind } from '../../http/submission-body.ts';
import type { SubmitResult } from '../../tips/submit-tip.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The keyed hash the limiter knows this client by (computed once per request). */
    clientId: string;
  }
}

/** 64 KB: room for 4,000 characters of any script, percent-encoded, plus the other fields. */
export const TIP_BODY_LIMIT = 64 * 1024;

export interface TipRouteDeps {
  /** The public origin (SITE_URL), accepted as our own by the cross-site check. */
  publicOrigin: string;
  /** The keyed, daily-changing hash of the client's address (never the address itself). */
  clientIdOf: (c: Context) => string;
  /** The flood limit on every POST. */
  checkPost: (clientId: string) => Promise<{ success: boolean; retryAfterSeconds: number }>;
  submit: (input: unknown, clientId: string) => Promise<SubmitResult>;
  /** Renders the tip page for no-JavaScript form posts; `freshForm` starts a new form fill around given values. */
  tipPage: (c: Context, locale: Locale, state: TipFormState) => Promise<Response>;
  freshForm: (values: Partial<Record<TipField, string>>, idempotencyKey: string | undefined) => TipFormPage;
}

/**
 * POST /api/tips. JSON in → JSON out (201 `{ reference }`); a form post
 * (urlencoded, the no-JavaScript form) → a whole page in the form's language:
 * the confirmation (200) or the form again with its errors (422) — never a
 * redirect, so the reference never appears in a URL.
 */
export function tipRoutes(deps: TipRouteDeps): Hono {
  const app = new Hono();
  app.post(
    '/',
    sameOriginOnly(deps.publicOrigin),
    async function floodLimit(c, next) {
      if (submissionKind(c) === 'form') preparePageAnswers(c, deps, guessLocale(c), {});
      const clientId = deps.clientIdOf(c);
      c.set('clientId', clientId);
      const decision = await deps.checkPost(clientId);
      if (!decision.success) throw new RateLimitedError(decision.retryAfterSeconds);
      await next();
    },
    async function acceptTip(c) {
      const body = await readSubmissionBody(c, TIP_BODY_LIMIT);
      const locale = isLocale(body.fields.lang) ? body.fields.lang : guessLocale(c);
      c.set('answerLocale', locale);
      if (body.kind === 'form') preparePageAnswers(c, deps, locale, body.fields);
      const { reference } = await deps.submit(body.fields, c.get('clientId'));
      if (body.kind === 'form') return deps.tipPage(c, locale, { kind: 'confirmation', reference });
      c.header('Cache-Control', 'no-store');
      return c.json({ reference }, 201);
    },
  );
  return app;
}

/** The language before the body is read: the page the form was on (same-origin Referer), else Accept-Language. */
function guessLocale(c: Context): Locale {
  const referer = c.req.header('Referer');
  if (referer) {
    try {
      return localeOfPath(new URL(referer).pathname);
    } catch {
      // An unparseable Referer tells us nothing.
    }
  }
  return localeFromAcceptLanguage(c.req.header('Accept-Language'));
}

/** For a form post, validation and rate-limit errors are answered with the tip page itself. */
function preparePageAnswers(c: Context, deps: TipRouteDeps, locale: Locale, fields: Record<string, unknown>): void {
  c.set('answerLocale', locale);
  const formAgain = () =>
    deps.freshForm(
      enteredValues(fields),
      typeof fields.idempotencyKey === 'string' ? fields.idempotencyKey : undefined,
    );
  c.set('errorPage', async (error: ClientError) => {
    if (error instanceof RateLimitedError) {
      const retryAfterSeconds = error.retryAfterSeconds;
      // Refused after the body was read (a tip limit): the person keeps what they wrote.
      const state: TipFormState =
        Object.keys(fields).length > 0
          ? { ...formAgain(), rateLimitedSeconds: retryAfterSeconds }
          : { kind: 'rate-limited', retryAfterSeconds };
      return deps.tipPage(c, locale, state);
    }
    if (error instanceof ValidationError) return deps.tipPage(c, locale, { ...formAgain(), errors: error.fields });
    return undefined;
  });
}

function enteredValues(fields: Record<string, unknown>): Partial<Record<TipField, string>> {
  const values: Partial<Record<TipField, string>> = {};
  for (const field of TIP_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string') values[field] = value.slice(0, 8000);
  }
  return values;
}
