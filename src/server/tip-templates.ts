import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { CATEGORY_IDS } from '../schemas/tip-options.ts';
import { ANY_CATEGORY, TEMPLATE_IDEMPOTENCY_KEY, TEMPLATE_TOKEN, templatePath } from '../schemas/tip-template.ts';
import type { StaticSite } from './static-files.ts';

/**
 * The fresh tip form per language and preselected category, prerendered
 * with placeholders (src/pages/tip-form/template/): serving it is two
 * string replacements and a fast compression (~0.2 ms: Brotli quality 2 or
 * gzip level 4 compress 27 KB to ~7 KB), not an Astro rendering (~2 ms), so
 * the page a campaign sends people to stays cheap.
 */
export interface TipTemplates {
  /** The form page with this request's token and key, compressed as the client accepts. */
  respond(
    c: Context,
    locale: Locale,
    category: string | undefined,
    formToken: string,
    idempotencyKey: string,
  ): Response;
}

export function loadTipTemplates(site: StaticSite): TipTemplates {
  const templates = new Map<string, string>();
  for (const locale of LOCALES) {
    for (const variant of [ANY_CATEGORY, ...CATEGORY_IDS]) {
      const html = site.text(templatePath(locale, variant));
      if (!html?.includes(TEMPLATE_TOKEN) || !html.includes(TEMPLATE_IDEMPOTENCY_KEY)) {
        throw new Error(
          `the tip form template ${templatePath(locale, variant)} is missing or has no placeholders; rebuild`,
        );
      }
      templates.set(`${locale}/${variant}`, html);
    }
  }
  return {
    respond(c, locale, category, formToken, idempotencyKey) {
      const variant = category && templates.has(`${locale}/${category}`) ? category : ANY_CATEGORY;
      const html = (templates.get(`${locale}/${variant}`) ?? '')
        .replaceAll(TEMPLATE_TOKEN, formToken)
        .replaceAll(TEMPLATE_IDEMPOTENCY_KEY, idempotencyKey);
      const headers: Record<string, string> = {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        Vary: 'Accept-Encoding',
      };
      const accepted = c.req.header('Accept-Encoding') ?? '';
      if (/\bbr\b/.test(accepted)) {
        headers['Content-Encoding'] = 'br';
        return c.body(
          new Uint8Array(brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 2 } })),
          200,
          headers,
        );
      }
      if (/\bgzip\b/.test(accepted)) {
        headers['Content-Encoding'] = 'gzip';
        return c.body(new Uint8Array(gzipSync(html, { level: 4 })), 200, headers);
      }
      return c.body(html, 200, headers);
    },
  };
}
