import * as z from 'zod';
import { ValidationError } from '../http/errors.ts';
import { weekOfLocalDate } from '../platform/stockholm-week.ts';
import {
  ACTION_WHAT_MAX,
  NOTES_MAX,
  OBSERVATION_SOURCES,
  PARTNER_IDS,
  PLACE_NAME_MAX,
  SUMMARY_MAX,
} from '../schemas/lagesbild-options.ts';
import { countCharacters, hasAnyControl, hasForbiddenControl, prepareText } from '../schemas/text.ts';
import { AREA_IDS, CATEGORY_IDS } from '../schemas/tip-options.ts';

/**
 * What handlers type, checked once on the server: the same lists as the tip
 * form, text prepared as the tip form's (NFC, CRLF → LF, trimmed). Every
 * failure is a stable code per field, so the staff pages say what is wrong
 * with each field at once; a ValidationError carries them.
 */

const code = (value: string) => ({ error: value });

/** Multi-line text: required (or optional), at most `max` characters, no control characters but tab and newline. */
function text(field: string, max: number, options: { required: boolean; singleLine?: boolean }) {
  return z
    .string(code(`${field}.required`))
    .transform(prepareText)
    .superRefine((value, ctx) => {
      const fail = (problem: string) => ctx.addIssue({ code: 'custom', message: `${field}.${problem}` });
      if (value === '') {
        if (options.required) fail('required');
      } else if (countCharacters(value) > max) fail('tooLong');
      else if (options.singleLine ? hasAnyControl(value) : hasForbiddenControl(value)) fail('invalidCharacters');
    });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A calendar date (YYYY-MM-DD) that exists; its ISO week is computed from it. */
const calendarDate = (field: string) =>
  z
    .string(code(`${field}.required`))
    .trim()
    .superRefine((value, ctx) => {
      if (value === '') ctx.addIssue({ code: 'custom', message: `${field}.required` });
      else if (!DATE.test(value) || weekOfLocalDate(value) === undefined) {
        ctx.addIssue({ code: 'custom', message: `${field}.invalid` });
      }
    });

const optionalTime = z
  .string(code('time.invalid'))
  .trim()
  .optional()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || TIME.test(value), code('time.invalid'));

const summary = text('summary', SUMMARY_MAX, { required: true });

export const tipEntryInput = z.object({ summary });

export const observationInput = z.object({
  source: z.enum(OBSERVATION_SOURCES, code('source.required')),
  category: z.enum(CATEGORY_IDS, code('category.required')),
  area: z.enum(AREA_IDS, code('area.required')),
  place: text('place', PLACE_NAME_MAX, { required: false, singleLine: true })
    .optional()
    .transform((value) => (value ? value : null)),
  date: calendarDate('date'),
  time: optionalTime,
  summary,
});
/** An observation as a form posts it: every field as text; the use case checks it. */
export interface ObservationInput {
  source: string;
  category: string;
  area: string;
  place?: string;
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM, or "" / absent. */
  time?: string;
  summary: string;
}

export const notesInput = z.object({ text: text('notes', NOTES_MAX, { required: false }) });

export const actionInput = z.object({
  what: text('what', ACTION_WHAT_MAX, { required: true }),
  who: z.enum(PARTNER_IDS, code('who.required')),
  dueOn: calendarDate('dueOn'),
});
/** An agreed action as a form posts it. */
export interface ActionInput {
  what: string;
  /** A partner id (PARTNER_IDS). */
  who: string;
  /** YYYY-MM-DD. */
  dueOn: string;
}

/** Parses input with a schema, or throws a ValidationError with the first code per field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : 'form';
    fields[field] ??= issue.message.includes('.') ? issue.message : 'form.invalid';
  }
  throw new ValidationError(fields, 'lägesbild input is not valid');
}
