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
/**
 * The top of the tip page's answer (error summary, notices), first in the
 * main content and focusable: the no-JavaScript form posts to
 * `<page>#tip-answer`, so the page that comes back opens there with it
 * focused (a browser focuses a focusable fragment target), and a screen
 * reader starts with the answer.
 */
export const ANSWER_ID = 'tip-answer';
/** The box a sender ticks to send a text with personal data as it is (without JavaScript). */
export const CONFIRM_PERSONAL_DATA_ID = 'tip-personalDataConfirmed';
/** Its field name in the form post (read by the form's route, never part of the tip). */
export const CONFIRM_PERSONAL_DATA_FIELD = 'personalDataConfirmed';

/** Joins ids for aria-describedby, skipping the absent ones; undefined when none is left. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(' ') : undefined;
}
