import { LOCALE_INFO, type Locale } from './locales.ts';

/** U+2068 FIRST STRONG ISOLATE: what follows takes the direction of its first strong letter. */
export const FSI = '\u2068';
/** U+2069 POP DIRECTIONAL ISOLATE: ends the isolate. */
export const PDI = '\u2069';

/**
 * A run of Latin-script words: letters (with marks), and the spaces, digits,
 * hyphens, dots and apostrophes between them ("Vårby gård",
 * "Sjödalen-Fullersta", "Huddinge centrum"), starting and ending on a letter.
 */
const LATIN_RUN = /\p{Script=Latin}(?:[\p{Script=Latin}\p{M}\d' ’.-]*[\p{Script=Latin}\p{M}])?/gu;

/**
 * Wraps every run of Latin-script words in a right-to-left language's plain
 * string (an option label, where no markup is possible) in first-strong
 * isolates, so a Swedish name keeps its own order and the brackets and
 * punctuation around it follow the Arabic text: "Vårby (ومعها Vårby gård
 * وMasmo)". Left-to-right languages get the text unchanged. Markup uses
 * `<bdi>` or `dir` instead (see RichText).
 */
export function isolateLatinRuns(text: string, locale: Locale): string {
  if (LOCALE_INFO[locale].dir !== 'rtl') return text;
  return text.replace(LATIN_RUN, (run) => `${FSI}${run}${PDI}`);
}
