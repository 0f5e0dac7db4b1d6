import { Hono, type Context } from 'hono';
import { TIP_BODY_LIMIT } from '../api/routes/tips.ts';
import { CONFIRM_PERSONAL_DATA_FIELD } from '../components/tip-form/field-ids.ts';
import { BodyTooLargeError, MalformedBodyError, UnsupportedContentTypeError } from '../http/errors.ts';
import { clientIdOf, noteRefusal } from '../http/request-context.ts';
import { readFormSubmission } from '../http/submission-body.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { pathFor } from '../i18n/routes.ts';
import type { Clock } from '../platform/clock.ts';
import type { TipFormPage } from '../schemas/tip-form-state.ts';
import { TIP_FIELDS, type TipField } from '../schemas/tip.ts';
import type { FormTokens } from '../tips/form-token.ts';
import type { SubmitTip } from '../tips/submit-tip.ts';
import { asBytes, type RefusalPages } from './refusal-pages.ts';
import { freshFormState, newIdempotencyKey, type TipPageRenderer } from './tip-pages.ts';

export interface TipFormRouteDeps {
  /** The submission use case (src/tips/submit-tip.ts), the same the API calls. */
  submit: SubmitTip;
  renderTipPage: TipPageRenderer;
  refusalPages: RefusalPages;
  formTokens: FormTokens;
  clock: Clock;
}

/**
 * POST to the tip page's own URL in each language (`/tipsa/`, `/en/report/`,
 * `/ar/report/`): the form without JavaScript. It calls the same use case as
 * the API and answers with a page in the page's language — never a
 * redirect, so the reference never appears in a URL:
 * - the confirmation (200);
 * - the form again with what was entered, a fresh token and the same
 *   idempotency key: with its errors (422), held for personal data in the
 *   text with a box to send it as it is (200), or refused by a tip limit
 *   with the notice above (429, Retry-After);
 * - the form again with a new idempotency key when the old one was used for
 *   other content (409);
 * - a prerendered refusal page when the post cannot be read: not a form
 *   (415), too large (413), unreadable or a repeated field (400).
 * The cross-site check and the flood limit are the edge's, before this.
 */
export function tipFormRoutes(deps: TipFormRouteDeps): Hono {
  const app = new Hono();
  for (const locale of LOCALES) {
    app.post(pathFor('report', locale), (c) => answerFormPost(c, locale, deps));
  }
  return app;
}

async function answerFormPost(c: Context, locale: Locale, deps: TipFormRouteDeps): Promise<Response> {
  let fields: Record<string, string>;
  try {
    fields = await readFormSubmission(c, TIP_BODY_LIMIT);
  } catch (error) {
    const reason =
      error instanceof UnsupportedContentTypeError
        ? 'unsupported'
        : error instanceof BodyTooLargeError
          ? 'too-large'
          : error instanceof MalformedBodyError
            ? 'malformed'
            : undefined;
    if (!reason || !(error instanceof Error)) throw error;
    noteRefusal(c, error.name);
    const page = deps.refusalPages.refused(reason, locale, c.req.header('Accept-Encoding'));
    return new Response(asBytes(page.body), { status: page.status, headers: page.headers });
  }

  // The box is the page's, not the tip's; the form's language is its page's.
  const { [CONFIRM_PERSONAL_DATA_FIELD]: confirmBox, ...tipFields } = fields;
  tipFields.lang = locale;
  const result = await deps.submit(tipFields, clientIdOf(c), { personalData: { confirmed: confirmBox === 'on' } });

  const sentKey = fields.idempotencyKey;
  const formAgain = (idempotencyKey = sentKey && KEY.test(sentKey) ? sentKey : newIdempotencyKey()): TipFormPage =>
    freshFormState(deps.formTokens, deps.clock(), enteredValues(fields), idempotencyKey);
  switch (result.kind) {
    case 'accepted':
      return deps.renderTipPage(c, locale, { kind: 'confirmation', reference: result.reference });
    case 'invalid':
      noteRefusal(c, 'ValidationError');
      return deps.renderTipPage(c, locale, { ...formAgain(), errors: result.errors });
    case 'confirm-personal-data':
      return deps.renderTipPage(c, locale, { ...formAgain(), heldForPersonalData: result.personalData });
    case 'rate-limited':
      noteRefusal(c, result.overloaded ? 'OverloadedError' : 'RateLimitedError');
      // Refused by a tip limit after the body was read: the person keeps what they wrote.
      return deps.renderTipPage(c, locale, {
        ...formAgain(),
        rateLimitedSeconds: result.retryAfterSeconds,
        ...(result.overloaded ? { overloaded: true } : {}),
      });
    case 'key-reused':
      noteRefusal(c, 'IdempotencyKeyReusedError');
      // A new key, so that sending again makes this a tip of its own.
      return deps.renderTipPage(c, locale, { ...formAgain(newIdempotencyKey()), errors: { form: 'form.keyReused' } });
  }
}

/** An idempotency key as the schema takes it; any other is replaced, or the form could never be sent. */
const KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** What the person typed, kept for the form again (cut short: the page must stay a page). */
function enteredValues(fields: Record<string, string>): Partial<Record<TipField, string>> {
  const values: Partial<Record<TipField, string>> = {};
  for (const field of TIP_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string') values[field] = value.slice(0, 8000);
  }
  return values;
}
