import type { APIRoute } from 'astro';
import { alternatesOf, absoluteUrl } from '../components/site/site-paths.ts';
import { EASY_READ_PAGE_IDS, easyReadPath } from '../i18n/easy-read.ts';
import { LOCALES } from '../i18n/locales.ts';
import { PAGE_IDS, pathFor } from '../i18n/routes.ts';

/**
 * Every page (the per-request tip form included) in every language, with
 * absolute URLs on the public origin (SITE_URL at build time) and hreflang
 * alternates, then the easy-to-read Swedish pages (no alternates: they are
 * not translations). The 404 pages are left out. Prerendered to dist/client.
 */
export const GET: APIRoute = ({ site }) => {
  const urls = PAGE_IDS.flatMap((page) =>
    LOCALES.map((locale) => {
      const links = alternatesOf(page, site).map(
        (alt) => `    <xhtml:link rel="alternate" hreflang="${alt.hreflang}" href="${escapeXml(alt.href)}"/>`,
      );
      return [`  <url>`, `    <loc>${escapeXml(absoluteUrl(pathFor(page, locale), site))}</loc>`, ...links, `  </url>`];
    }),
  );
  const easyRead = EASY_READ_PAGE_IDS.map(
    (page) => `  <url>\n    <loc>${escapeXml(absoluteUrl(easyReadPath(page), site))}</loc>\n  </url>`,
  );
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls.flat(),
    ...easyRead,
    '</urlset>',
    '',
  ].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
