/**
 * Placeholders in the prerendered tip-form templates. Shaped like the real
 * values (base64url, no characters HTML or JSON would escape), so they sit
 * unchanged in both the hidden inputs and the island's serialized props.
 */
export const TEMPLATE_TOKEN = 'v2.0.TEMPLATEFORMTOKENxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
export const TEMPLATE_IDEMPOTENCY_KEY = 'TEMPLATEIDEMPOTENCYKEY00';
/** The variant with no preselected category. */
export const ANY_CATEGORY = 'any';

/** Where a template is in the build, by language and variant. */
export function templatePath(lang: string, variant: string): string {
  return `/tip-form/template/${lang}/${variant}/`;
}

/** Where the wait ("try again in about N minutes") goes on the prerendered "too many tips" page. */
export const TEMPLATE_WAIT = 'TEMPLATEWAITTEXT0000';

/**
 * Pages for a form post refused before it reached the form's logic,
 * prerendered per language (src/pages/tip-form/refused/): by the edge
 * (too many posts, cross-site) and by the form's route (what it cannot read).
 */
export const REFUSAL_REASONS = ['too-many', 'cross-site', 'malformed', 'too-large', 'unsupported'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Where a refusal page is in the build, by language and reason. */
export function refusalPath(lang: string, reason: RefusalReason): string {
  return `/tip-form/refused/${lang}/${reason}/`;
}
