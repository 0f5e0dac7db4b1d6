import { TIP_FIELDS, validateSubmission, type TipField, type TipFieldErrors } from '../../schemas/tip.ts';
import type { TipValues } from './props.ts';

/**
 * The island's use of the shared schema: the same validateSubmission the API
 * runs, on the same flat fields, so both always agree.
 */

/** Tomorrow in the browser's time zone (YYYY-MM-DD): the server allows the same one day of slack. */
export function browserToday(now = new Date()): string {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}`;
}

/** A form with every field empty. */
export function emptyValues(initial: Partial<Record<TipField, string>> = {}): TipValues {
  return Object.fromEntries(TIP_FIELDS.map((field) => [field, initial[field] ?? ''])) as TipValues;
}

/**
 * The fields to send: what the person can see. Date and time only with
 * "on a date", contact details only with the box ticked (with JavaScript
 * they are hidden otherwise, so they must not fail or travel unseen).
 */
export function visibleFields(values: TipValues): Partial<TipValues> {
  const fields: Partial<TipValues> = { ...values };
  if (values.when !== 'date') {
    delete fields.whenDate;
    delete fields.whenTime;
  }
  if (values.contactWanted !== 'on') {
    delete fields.contactWanted;
    delete fields.contactEmail;
    delete fields.contactPhone;
  }
  return fields;
}

/** Every field error the shared schema finds in the visible fields (never "form": that is the server's). */
export function fieldErrors(values: TipValues, today = browserToday()): TipFieldErrors {
  const result = validateSubmission(visibleFields(values), today);
  if (result.success) return {};
  const { form: _form, ...errors } = result.errors;
  return errors;
}

/**
 * Errors to show after a change: `field` gets its current error (on blur);
 * other fields keep an error only while it still applies (so fixing one
 * clears it, but nobody is told off about a field they have not reached).
 * A whole-form error from the server stays until the next send.
 */
export function refreshErrors(
  shown: TipFieldErrors,
  values: TipValues,
  field: TipField | undefined,
  today = browserToday(),
): TipFieldErrors {
  const current = fieldErrors(values, today);
  const next: TipFieldErrors = shown.form ? { form: shown.form } : {};
  for (const name of TIP_FIELDS) {
    const code = current[name];
    if (code && (name === field || shown[name])) next[name] = code;
  }
  return next;
}

/** True when two error sets name the same codes on the same fields. */
export function sameErrors(a: TipFieldErrors, b: TipFieldErrors): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof TipFieldErrors>;
  return [...keys].every((key) => a[key] === b[key]);
}

/**
 * The values a form holds right now, as a post would carry them. Read before
 * hydrating: the browser may have restored values, or the person typed
 * before the script arrived (a slow phone), and hydration must not undo that.
 */
export function formValues(form: HTMLFormElement): TipValues {
  const data = new FormData(form);
  const values = emptyValues();
  for (const field of TIP_FIELDS) {
    const value = data.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}
