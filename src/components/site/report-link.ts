import type { Locale } from '../../i18n/locales.ts';
import { pathFor } from '../../i18n/routes.ts';
import { categoriesOf, FOCUS_AREA_IDS, type FocusAreaId } from '../../schemas/tip-options.ts';

/** The focus area a page is about ("focus/andts" → "andts"), if any. */
export function focusAreaOf(page: string): FocusAreaId | undefined {
  const id = page.startsWith('focus/') ? page.slice('focus/'.length) : undefined;
  return FOCUS_AREA_IDS.find((area) => area === id);
}

/**
 * The link to the tip form; from a focus-area page it preselects the area's
 * first category (the form offers the area's other categories first).
 */
export function reportHref(locale: Locale, fromPage?: string): string {
  const base = pathFor('report', locale);
  const area = fromPage && focusAreaOf(fromPage);
  const category = area && categoriesOf(area)[0];
  return category ? `${base}?category=${encodeURIComponent(category)}` : base;
}
