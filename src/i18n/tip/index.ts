import type { Locale } from '../locales.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { fi } from './fi.ts';
import { so } from './so.ts';
import { sv, type TipStrings } from './sv.ts';

export type { Plural, TipStrings } from './sv.ts';

/** The tip form's strings in every language; a locale without a dictionary fails the type check. */
export const TIP_DICTIONARIES: Readonly<Record<Locale, TipStrings>> = { sv, en, ar, fi, so };

/**
 * One language's tip strings. Only the page imports this: the island gets
 * its language's dictionary as a prop, so no dictionary is bundled.
 */
export function tipStrings(locale: Locale): TipStrings {
  return TIP_DICTIONARIES[locale];
}
