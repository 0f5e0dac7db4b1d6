import type { Plural } from '../../i18n/tip/sv.ts';

/**
 * Small formatting helpers for the tip form's strings. Numbers always use
 * Latin digits (the site's convention in every language, including Arabic).
 */

/** A number in the language's format, e.g. "4 000" (sv), "4,000" (en, ar). */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { numberingSystem: 'latn' }).format(value);
}

/** The plural form the language uses for `count` ("other" when it has no own form). */
export function pluralForm(forms: Plural, count: number, locale: string): string {
  return forms[new Intl.PluralRules(locale).select(count)] ?? forms.other;
}

/** Fills `{name}` parameters; unknown names are left as they are (a test checks every string). */
export function interpolate(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** "a, b and c" in the language. */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}
