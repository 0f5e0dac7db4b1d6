import { LOCALE_INFO, type Locale } from '../../i18n/locales.ts';

/**
 * The attributes a fragment in another language needs inside a page:
 * `lang` always, `dir` only when its direction differs from the page's.
 */
export function foreignAttrs(fragment: Locale, page: Locale): { lang: Locale; dir?: 'ltr' | 'rtl' } {
  const dir = LOCALE_INFO[fragment].dir;
  return dir === LOCALE_INFO[page].dir ? { lang: fragment } : { lang: fragment, dir };
}
