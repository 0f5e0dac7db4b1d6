import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.ts';
import { PERSONAL_DATA_KINDS } from '../../schemas/personal-data.ts';
import { AREA_IDS, CATEGORY_IDS, TIMES_OF_DAY, WHEN_KINDS } from '../../schemas/tip-options.ts';
import { REFERENCE_ALPHABET } from '../../store/reference.ts';
import { CHANNELS } from '../../store/accepted-tip.ts';

/**
 * Request and response bodies of the intake API (`/api/intake`), as zod
 * schemas: the routes validate requests with them and the OpenAPI document
 * is generated from them (`z.toJSONSchema`).
 */

export const MAX_CLAIM = 100;
export const DEFAULT_CLAIM = 10;

export const referenceSchema = z
  .string()
  .regex(new RegExp(`^[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`))
  .meta({ description: 'A tip reference, e.g. "K7MX-4RDP".', example: 'K7MX-4RDP' });

const referenceList = z.array(referenceSchema).min(1).max(MAX_CLAIM);
const isoTime = z.iso.datetime().meta({ description: 'ISO 8601, UTC.' });
const leaseId = z.uuid().meta({ description: 'The lease a claim returned.' });

export const intakeTipSchema = z
  .object({
    reference: referenceSchema,
    acceptedAt: isoTime.meta({ description: 'When the tip was accepted, to the minute (no finer time is kept).' }),
    language: z.enum(LOCALES).meta({ description: 'The language of the form the tip came from.' }),
    category: z.enum(CATEGORY_IDS),
    area: z.enum(AREA_IDS),
    place: z.string().nullable(),
    when: z.enum(WHEN_KINDS).nullable(),
    whenDate: z.string().nullable().meta({ description: 'YYYY-MM-DD when `when` is "date".' }),
    whenTime: z.enum(TIMES_OF_DAY).nullable(),
    description: z.string().meta({ description: "The tipster's text, verbatim." }),
    contactWanted: z.boolean().meta({ description: 'False: an anonymous tip that cannot be answered.' }),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    flags: z.object({
      personalData: z.array(z.enum(PERSONAL_DATA_KINDS)).meta({
        description: 'What looks like personal data about someone in the text.',
      }),
      happeningNow: z.boolean(),
      contactWanted: z.boolean(),
    }),
  })
  .meta({ id: 'IntakeTip' });

export const claimRequestSchema = z
  .object({ limit: z.int().min(1).max(MAX_CLAIM).default(DEFAULT_CLAIM) })
  .strict()
  .meta({ id: 'IntakeClaimRequest' });

export const claimResponseSchema = z
  .object({
    leaseId: leaseId.nullable().meta({ description: 'Null when no tip was waiting.' }),
    expiresAt: isoTime.meta({ description: 'Acknowledge before this, or the tips are handed out again.' }),
    tips: z.array(intakeTipSchema).meta({ description: 'Oldest accepted first.' }),
  })
  .meta({ id: 'IntakeClaimResponse' });

export const settleRequestSchema = z
  .object({ leaseId, references: referenceList })
  .strict()
  .meta({ id: 'IntakeSettleRequest' });

export const ackResponseSchema = z
  .object({
    acknowledged: z.array(referenceSchema),
    rejected: z.array(referenceSchema).meta({
      description:
        'Not held by this lease (unknown, already acknowledged, or the lease ran out): they will be handed out again.',
    }),
  })
  .meta({ id: 'IntakeAckResponse' });

export const releaseResponseSchema = z
  .object({ released: z.array(referenceSchema), rejected: z.array(referenceSchema) })
  .meta({ id: 'IntakeReleaseResponse' });

export const channelSchema = z.enum(CHANNELS);

export const deadLettersQuerySchema = z.object({ channel: channelSchema.optional() }).strict();

export const deadLettersResponseSchema = z
  .object({
    deadLetters: z.array(
      z.object({
        reference: referenceSchema,
        channel: channelSchema,
        acceptedAt: isoTime,
        attempts: z.int().meta({ description: 'Email: failed sends. Intake: expired leases.' }),
        lastError: z.string().nullable().meta({ description: 'Error class and a short reason; never tip content.' }),
        deadAt: isoTime,
      }),
    ),
  })
  .meta({ id: 'IntakeDeadLetters' });

export const retryRequestSchema = z
  .object({ references: referenceList, channel: channelSchema.optional() })
  .strict()
  .meta({ id: 'IntakeRetryRequest' });

export const retryResponseSchema = z
  .object({ retried: z.array(z.object({ reference: referenceSchema, channel: channelSchema })) })
  .meta({ id: 'IntakeRetryResponse' });

/** The operations, for the OpenAPI document (paths relative to `/api/intake`). */
export const INTAKE_OPERATIONS = [
  {
    method: 'post',
    path: '/claim',
    summary: 'Lease the oldest undelivered tips (visibility timeout INTAKE_LEASE_SECONDS).',
    request: claimRequestSchema,
    response: claimResponseSchema,
  },
  {
    method: 'post',
    path: '/ack',
    summary: 'Mark leased tips as received.',
    request: settleRequestSchema,
    response: ackResponseSchema,
  },
  {
    method: 'post',
    path: '/release',
    summary: 'Hand leased tips back at once.',
    request: settleRequestSchema,
    response: releaseResponseSchema,
  },
  {
    method: 'get',
    path: '/dead-letters',
    summary: 'Tips that could not be delivered, per channel, kept until an operator acts.',
    query: deadLettersQuerySchema,
    response: deadLettersResponseSchema,
  },
  {
    method: 'post',
    path: '/dead-letters/retry',
    summary: 'Put dead letters back in their queue with a fresh delivery window.',
    request: retryRequestSchema,
    response: retryResponseSchema,
  },
] as const;
