import type { TipStrings } from '../../i18n/tip/sv.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, PLACE_MAX, type TipErrorCode } from '../../schemas/tip.ts';
import { formatNumber, interpolate, pluralForm } from './format.ts';

/** The parameters an error message may use, formatted for the language. */
export function errorParams(t: TipStrings, code: TipErrorCode): Record<string, string> {
  const max = code.startsWith('place.') ? PLACE_MAX : DESCRIPTION_MAX;
  return { min: formatNumber(DESCRIPTION_MIN, t.numberLocale), max: formatNumber(max, t.numberLocale) };
}

/** An error code as text in the language (plain text, also used by the API). */
export function errorText(t: TipStrings, code: TipErrorCode): string {
  return interpolate(t.errors[code], errorParams(t, code));
}

/** Whole minutes to wait, at least one: "about N minutes" reads better than seconds. */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

/** "Try again in about N minutes" in the language, with its plural form (also filled into prerendered pages). */
export function waitText(t: TipStrings, retryAfterSeconds: number, overloaded = false): string {
  const minutes = minutesToWait(retryAfterSeconds);
  const text = overloaded ? t.rateLimited.overloadedWait : t.rateLimited.wait;
  return interpolate(pluralForm(text, minutes, t.numberLocale), {
    minutes: formatNumber(minutes, t.numberLocale),
  });
}

/** A reference spelled out for screen readers: "K 7 M X, 4 R D P". */
export function spellReference(reference: string): string {
  return reference
    .split('-')
    .map((group) => [...group].join(' '))
    .join(', ');
}
