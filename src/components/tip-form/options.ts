import areasJson from '../../../content/tip-options/areas.json';
import categoriesJson from '../../../content/tip-options/categories.json';
import { isolateLatinRuns } from '../../i18n/bidi.ts';
import type { Locale } from '../../i18n/locales.ts';
import {
  AREA_IDS,
  CATEGORY_FOCUS_AREA,
  CATEGORY_IDS,
  type AreaId,
  type CategoryId,
} from '../../schemas/tip-options.ts';
import type { TipOption } from './props.ts';

/**
 * The category and area choices in one language, read on the server from
 * content/tip-options/ (the content collections validate the same files at
 * build time) and passed to the island as props. In a right-to-left language
 * the Swedish place names in a label are isolated (plain text: no markup).
 */

type LabelledEntry = { id: string; label: Record<Locale, string> };

function labels<Id extends string>(ids: readonly Id[], entries: LabelledEntry[], locale: Locale): TipOption<Id>[] {
  return ids.map((id) => {
    const label = entries.find((entry) => entry.id === id)?.label[locale];
    if (!label) throw new Error(`content/tip-options has no ${locale} label for "${id}"`);
    return { id, label: isolateLatinRuns(label, locale) };
  });
}

/**
 * Categories in list order; when one is preselected (a focus-area page's
 * link), the categories of its focus area come first, "other" stays last.
 */
export function categoryOptions(locale: Locale, preselected?: string): TipOption<CategoryId>[] {
  const options = labels(CATEGORY_IDS, categoriesJson, locale);
  const known = (CATEGORY_IDS as readonly string[]).includes(preselected ?? '');
  const focusArea = known ? CATEGORY_FOCUS_AREA[preselected as CategoryId] : null;
  if (!focusArea) return options;
  const first = options.filter((option) => CATEGORY_FOCUS_AREA[option.id] === focusArea);
  return [...first, ...options.filter((option) => !first.includes(option))];
}

/** The seven districts, then "another place in Huddinge" and "don't know / prefer not to say". */
export function areaOptions(locale: Locale): TipOption<AreaId>[] {
  return labels(AREA_IDS, areasJson, locale);
}
