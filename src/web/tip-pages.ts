import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { pathFor } from '../i18n/routes.ts';
import type { TipFormPage, TipFormState } from '../schemas/tip-form-state.ts';
import type { FormTokens } from '../tips/form-token.ts';
import type { Clock } from '../platform/clock.ts';
import type { PageRenderer } from './astro-pages.ts';
import type { TipTemplates } from './tip-templates.ts';

/** Renders the tip page in a language in a given state (Astro route src/pages/tip-form/[lang].astro). */
export type TipPageRenderer = (c: Context, locale: Locale, state: TipFormState) => Promise<Response>;

export function tipPageRenderer(pages: PageRenderer): TipPageRenderer {
  return (c, locale, state) => {
    // The page goes straight to the socket, so headers set on the Hono context would be lost.
    const retryAfter = state.kind === 'form' ? state.rateLimitedSeconds : undefined;
    const headers: Record<string, string> = retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
    return pages.render(c, `/tip-form/${locale}/`, { tipForm: state }, headers);
  };
}

/** The form again around what was entered: a fresh signed token, the same idempotency key when there was one. */
export function freshFormState(
  formTokens: FormTokens,
  now: number,
  values: TipFormPage['values'],
  idempotencyKey = newIdempotencyKey(),
): TipFormPage {
  return { kind: 'form', formToken: formTokens.issue(now), idempotencyKey, values, errors: {} };
}

export function newIdempotencyKey(): string {
  return randomBytes(18).toString('base64url');
}

/** GET of the tip page in each language (the public URLs from the route table), from the prerendered templates. */
export function tipPageRoutes(deps: { templates: TipTemplates; formTokens: FormTokens; clock: Clock }): Hono {
  const app = new Hono();
  for (const locale of LOCALES) {
    app.get(pathFor('report', locale), function tipPage(c) {
      return deps.templates.respond(
        c,
        locale,
        c.req.query('category'),
        deps.formTokens.issue(deps.clock()),
        newIdempotencyKey(),
      );
    });
  }
  return app;
}
