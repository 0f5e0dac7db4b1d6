import type { Locale } from '../locales.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { fi } from './fi.ts';
import { so } from './so.ts';
import { sv, type SiteStrings } from './sv.ts';

export type { SiteStrings } from './sv.ts';

/** Every language's interface strings; adding a locale without a dictionary fails the type check. */
export const DICTIONARIES: Readonly<Record<Locale, SiteStrings>> = { sv, en, ar, fi, so };

/** The interface strings of one language. */
export function strings(locale: Locale): SiteStrings {
  return DICTIONARIES[locale];
}
