import * as z from 'zod/mini';
import { LOCALES } from '../i18n/locales.ts';
import { detectPersonalData, type PersonalDataKind } from './personal-data.ts';
import { countCharacters, hasAnyControl, hasForbiddenControl, prepareText } from './text.ts';
import { AREA_IDS, CATEGORY_IDS, TIMES_OF_DAY, WHEN_KINDS } from './tip-options.ts';

/**
 * The tip, as the form island and the API both validate it. Field names are
 * flat so a no-JavaScript form post and a JSON body have the same shape.
 * Every issue's message is a stable code (`TipErrorCode`); each language's
 * dictionary turns codes into text, so the schema itself carries no language.
 */

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;
export const PLACE_MAX = 200;
export const CONTACT_MAX = 254;

export const TIP_ERROR_CODES = [
  'category.required',
  'area.required',
  'place.tooLong',
  'place.invalidCharacters',
  'when.invalid',
  'whenDate.required',
  'whenDate.invalid',
  'whenDate.future',
  'whenTime.invalid',
  'description.required',
  'description.tooShort',
  'description.tooLong',
  'description.invalidCharacters',
  'contact.required',
  'contact.notWanted',
  'contactEmail.invalid',
  'contactPhone.invalid',
  'form.invalid',
  'form.expired',
  'form.tooFast',
  'form.keyReused',
] as const;
export type TipErrorCode = (typeof TIP_ERROR_CODES)[number];

/** The fields a person fills in, in form order; errors are reported per field. */
export const TIP_FIELDS = [
  'category',
  'area',
  'place',
  'when',
  'whenDate',
  'whenTime',
  'description',
  'contactWanted',
  'contactEmail',
  'contactPhone',
] as const;
export type TipField = (typeof TIP_FIELDS)[number];

const error = (code: TipErrorCode) => ({ error: code });

/** An optional text field: "" and absent both mean "not given". */
const optionalText = z.optional(
  z.pipe(
    z.string(error('form.invalid')),
    z.transform((raw) => {
      const prepared = prepareText(raw);
      return prepared === '' ? undefined : prepared;
    }),
  ),
);

const choice = <const T extends readonly [string, ...string[]]>(values: T, code: TipErrorCode) =>
  z.enum(values, error(code));

/** An optional choice where "" (an unselected radio or select) means "not given". */
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T, code: TipErrorCode) =>
  z.optional(
    z.pipe(
      z.pipe(
        z.string(error(code)),
        z.transform((value) => (value === '' ? undefined : value)),
      ),
      z.optional(choice(values, code)),
    ),
  );

/** A checkbox: absent or "" → false; "on"/"true"/true → true. */
const checkbox = z.optional(
  z.pipe(
    z.union([z.boolean(), z.string()], error('form.invalid')),
    z.transform((value) => value === true || value === 'on' || value === 'true'),
  ),
);

const EMAIL = z.email();
const PHONE = /^\+?[0-9][0-9 ()-]{5,22}[0-9]$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text && Number(match[1]) >= 2000;
}

const tipShape = {
  category: choice(CATEGORY_IDS, 'category.required'),
  area: choice(AREA_IDS, 'area.required'),
  place: optionalText,
  when: optionalChoice(WHEN_KINDS, 'when.invalid'),
  whenDate: optionalText,
  whenTime: optionalChoice(TIMES_OF_DAY, 'whenTime.invalid'),
  description: z.pipe(z.string(error('description.required')), z.transform(prepareText)),
  contactWanted: checkbox,
  contactEmail: optionalText,
  contactPhone: optionalText,
};

type TipShapeOutput = z.output<z.ZodMiniObject<typeof tipShape>>;

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * Rules that look at several fields or need "today"; adds one issue per
 * failing field. Runs even when other fields failed (so a person sees every
 * problem at once), hence the type guards: a failed field keeps its raw value.
 */
function crossFieldRules(today: string) {
  return z.superRefine<TipShapeOutput>(
    (tip, ctx) => {
      const fail = (field: TipField, code: TipErrorCode) =>
        ctx.addIssue({ code: 'custom', path: [field], message: code });

      if (isText(tip.place)) {
        if (countCharacters(tip.place) > PLACE_MAX) fail('place', 'place.tooLong');
        else if (hasAnyControl(tip.place)) fail('place', 'place.invalidCharacters');
      }

      if (tip.when === 'date') {
        if (tip.whenDate === undefined) fail('whenDate', 'whenDate.required');
        else if (!isText(tip.whenDate) || !isCalendarDate(tip.whenDate)) fail('whenDate', 'whenDate.invalid');
        else if (tip.whenDate > today) fail('whenDate', 'whenDate.future');
      }

      if (isText(tip.description)) {
        const length = countCharacters(tip.description);
        if (length === 0) fail('description', 'description.required');
        else if (length < DESCRIPTION_MIN) fail('description', 'description.tooShort');
        else if (length > DESCRIPTION_MAX) fail('description', 'description.tooLong');
        else if (hasForbiddenControl(tip.description)) fail('description', 'description.invalidCharacters');
      }

      const hasContactDetails = tip.contactEmail !== undefined || tip.contactPhone !== undefined;
      if (tip.contactWanted === true) {
        if (!hasContactDetails) fail('contactWanted', 'contact.required');
        if (tip.contactEmail !== undefined) {
          const ok =
            isText(tip.contactEmail) &&
            tip.contactEmail.length <= CONTACT_MAX &&
            EMAIL.safeParse(tip.contactEmail).success;
          if (!ok) fail('contactEmail', 'contactEmail.invalid');
        }
        if (tip.contactPhone !== undefined && !(isText(tip.contactPhone) && PHONE.test(tip.contactPhone))) {
          fail('contactPhone', 'contactPhone.invalid');
        }
      } else if (hasContactDetails) {
        fail('contactWanted', 'contact.notWanted');
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
}

/**
 * The tip schema for a given "today" (YYYY-MM-DD, the date a tip cannot be
 * after). The browser passes its own date, the server its clock's date plus
 * one day, so a tipster in another time zone is never refused.
 */
export function tipSchema(today: string) {
  return z.strictObject(tipShape, error('form.invalid')).check(crossFieldRules(today));
}

/** The hidden fields that travel with every submission. */
const submissionShape = {
  ...tipShape,
  /** The language of the form; answers and the email note it. */
  lang: z.optional(z.enum(LOCALES, error('form.invalid'))),
  /** Signed by the server when it served the form (time trap + origin proof). */
  formToken: z.optional(z.string(error('form.invalid')).check(z.maxLength(512, error('form.invalid')))),
  /** One per form fill: the same key within 24 hours gives the same reference. */
  idempotencyKey: z.optional(
    z.string(error('form.invalid')).check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, error('form.invalid'))),
  ),
  /** The honeypot: people never see it, so anything in it came from a bot. */
  website: z.optional(z.string(error('form.invalid')).check(z.maxLength(2000, error('form.invalid')))),
};

/** A whole submission: the tip plus its hidden fields (checked by the route, not shown as field errors). */
export function submissionSchema(today: string) {
  return z.strictObject(submissionShape, error('form.invalid')).check(crossFieldRules(today));
}

export type Tip = z.output<ReturnType<typeof tipSchema>>;
export type Submission = z.output<ReturnType<typeof submissionSchema>>;
/** What a client sends: every field as text (a form post) or JSON. */
export type SubmissionInput = z.input<ReturnType<typeof submissionSchema>>;

/** Field → first error code, in form order. */
export type TipFieldErrors = Partial<Record<TipField | 'form', TipErrorCode>>;

let cached: { today: string; schema: ReturnType<typeof submissionSchema> } | undefined;

/** Building a schema costs more than using one: keep the one for the current day. */
function submissionSchemaFor(today: string): ReturnType<typeof submissionSchema> {
  if (cached?.today !== today) cached = { today, schema: submissionSchema(today) };
  return cached.schema;
}

/** Validates a submission; on failure returns the first error code per field. */
export function validateSubmission(
  input: unknown,
  today: string,
): { success: true; data: Submission } | { success: false; errors: TipFieldErrors } {
  const result = submissionSchemaFor(today).safeParse(input);
  if (result.success) return { success: true, data: result.data };
  const errors: TipFieldErrors = {};
  for (const issue of result.error.issues) {
    const head = issue.path[0];
    const field =
      typeof head === 'string' && (TIP_FIELDS as readonly string[]).includes(head) ? (head as TipField) : 'form';
    const code = (TIP_ERROR_CODES as readonly string[]).includes(issue.message)
      ? (issue.message as TipErrorCode)
      : 'form.invalid';
    errors[field] ??= code;
  }
  return { success: false, errors };
}

/** The flags the forwarded email shows about a tip. */
export interface TipFlags {
  personalData: PersonalDataKind[];
  happeningNow: boolean;
  contactWanted: boolean;
}

export function flagsOf(tip: Tip): TipFlags {
  return {
    personalData: detectPersonalData([tip.description, tip.place ?? ''].join('\n')),
    happeningNow: tip.when === 'now',
    contactWanted: tip.contactWanted === true,
  };
}

/** The date in UTC as YYYY-MM-DD, for `tipSchema(today)`. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
