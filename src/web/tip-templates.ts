import type { Context } from 'hono';
import { chooseCoding } from '../http/accept-encoding.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { CATEGORY_IDS } from '../schemas/tip-options.ts';
import { ANY_CATEGORY, TEMPLATE_IDEMPOTENCY_KEY, TEMPLATE_TOKEN, templatePath } from '../schemas/tip-template.ts';
import { compressTemplate, type CompressedTemplate } from './gzip-template.ts';
import type { StaticSite } from './static-files.ts';

/**
 * The fresh tip form per language and preselected category, prerendered
 * with placeholders (src/pages/tip-form/template/). Serving it fills in this
 * request's form token and idempotency key, and is not an Astro rendering
 * (~2 ms). The gzip form is composed from parts compressed at start-up
 * (`compressTemplate`), so no compressor runs per request: compressing the
 * ~30 KB page per request (Brotli q2) capped it at ~2,000 pages/s and took
 * ~40 MB more memory under load.
 */
export interface TipTemplates {
  /** The form page with this request's token and key, gzipped when the client accepts it. */
  respond(
    c: Context,
    locale: Locale,
    category: string | undefined,
    formToken: string,
    idempotencyKey: string,
  ): Response;
}

const GZIP_ONLY = ['gzip'] as const;

export function loadTipTemplates(site: StaticSite): TipTemplates {
  const templates = new Map<string, CompressedTemplate>();
  for (const locale of LOCALES) {
    for (const variant of [ANY_CATEGORY, ...CATEGORY_IDS]) {
      const html = site.text(templatePath(locale, variant));
      if (!html?.includes(TEMPLATE_TOKEN) || !html.includes(TEMPLATE_IDEMPOTENCY_KEY)) {
        throw new Error(
          `the tip form template ${templatePath(locale, variant)} is missing or has no placeholders; rebuild`,
        );
      }
      templates.set(`${locale}/${variant}`, compressTemplate(html, [TEMPLATE_TOKEN, TEMPLATE_IDEMPOTENCY_KEY]));
    }
  }
  return {
    respond(c, locale, category, formToken, idempotencyKey) {
      const template =
        (category && templates.get(`${locale}/${category}`)) || templates.get(`${locale}/${ANY_CATEGORY}`);
      if (!template) throw new Error(`no tip form template for ${locale}`);
      const values = { [TEMPLATE_TOKEN]: formToken, [TEMPLATE_IDEMPOTENCY_KEY]: idempotencyKey };
      const headers: Record<string, string> = {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        Vary: 'Accept-Encoding',
      };
      if (chooseCoding(c.req.header('Accept-Encoding'), GZIP_ONLY) === 'gzip') {
        headers['Content-Encoding'] = 'gzip';
        return c.body(new Uint8Array(template.gzip(values)), 200, headers);
      }
      return c.body(template.text(values), 200, headers);
    },
  };
}
