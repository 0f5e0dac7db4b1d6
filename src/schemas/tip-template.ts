/**
 * Placeholders in the prerendered tip-form templates. Shaped like the real
 * values (base64url, no characters HTML or JSON would escape), so they sit
 * unchanged in both the hidden inputs and the island's serialized props.
 */
export const TEMPLATE_TOKEN = 'v1.0.TEMPLATEFORMTOKENxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
export const TEMPLATE_IDEMPOTENCY_KEY = 'TEMPLATEIDEMPOTENCYKEY00';
/** The variant with no preselected category. */
export const ANY_CATEGORY = 'any';

/** Where a template is in the build, by language and variant. */
export function templatePath(lang: string, variant: string): string {
  return `/tip-form/template/${lang}/${variant}/`;
}
