import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../i18n/locales.ts';
import { notFoundPathFor, pathFor, type PageId } from '../../i18n/routes.ts';

/** The 404 page: an ordinary prerendered page per language, but not a routed page id. */
export const NOT_FOUND = 'not-found';
export type NotFoundId = typeof NOT_FOUND;

/** Every page the site renders with its layout: the routed pages and the 404 page. */
export type SitePageId = PageId | NotFoundId;

/** The public path of any site page in a language. */
export function sitePath(page: SitePageId, locale: Locale): string {
  return page === NOT_FOUND ? notFoundPathFor(locale) : pathFor(page, locale);
}

/** An absolute URL on the public origin (Astro's `site`, from SITE_URL at build time). */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site) throw new Error('astro.config.mjs must set `site` (SITE_URL) to build absolute URLs');
  return new URL(path, site).href;
}

/** One hreflang alternate of a page. `x-default` points at the Swedish original. */
export interface Alternate {
  hreflang: Locale | 'x-default';
  href: string;
}

/** The hreflang alternates of a page in every language, plus x-default. */
export function alternatesOf(page: PageId, site: URL | undefined): Alternate[] {
  return [
    ...LOCALES.map((locale) => ({ hreflang: locale, href: absoluteUrl(pathFor(page, locale), site) })),
    { hreflang: 'x-default' as const, href: absoluteUrl(pathFor(page, DEFAULT_LOCALE), site) },
  ];
}
