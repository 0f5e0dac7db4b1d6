import { errorParams } from '../components/tip-form/messages.ts';
import { interpolate } from '../components/tip-form/format.ts';
import { TIP_ERROR_CODES, type TipErrorCode } from '../schemas/tip.ts';
import type { Locale } from './locales.ts';
import { TIP_DICTIONARIES } from './tip/index.ts';

/** A field error code as text in a language, from the same dictionary the form uses (the API's 422 answers). */
export function fieldMessage(locale: Locale, code: string): string {
  const strings = TIP_DICTIONARIES[locale];
  const known: TipErrorCode = (TIP_ERROR_CODES as readonly string[]).includes(code)
    ? (code as TipErrorCode)
    : 'form.invalid';
  return interpolate(strings.errors[known], errorParams(strings, known));
}
