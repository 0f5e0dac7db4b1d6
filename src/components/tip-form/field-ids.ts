import type { TipField } from '../../schemas/tip.ts';

/** The id of a field's input (for radios: of one option's input). */
export function inputId(field: TipField, option?: string): string {
  return option === undefined ? `tip-${field}` : `tip-${field}-${option || 'unsaid'}`;
}

/** Ids of a field's hint and inline error, for aria-describedby. */
export const hintId = (field: TipField) => `tip-${field}-hint`;
export const errorId = (field: TipField | 'form') => `tip-${field}-error`;

/** The submit button: where a summary link for a whole-form problem points. */
export const SUBMIT_ID = 'tip-submit';
export const SUMMARY_ID = 'tip-error-summary';

/** Joins ids for aria-describedby, skipping the absent ones; undefined when none is left. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(' ') : undefined;
}
