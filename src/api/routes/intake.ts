import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import {
  BodyTooLargeError,
  MalformedBodyError,
  UnsupportedContentTypeError,
  ValidationError,
} from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { intakeAuth } from '../intake/intake-auth.ts';
import { toIntakeTip } from '../intake/intake-tip.ts';
import {
  claimRequestSchema,
  deadLettersQuerySchema,
  retryRequestSchema,
  settleRequestSchema,
  type ackResponseSchema,
  type claimResponseSchema,
  type deadLettersResponseSchema,
  type releaseResponseSchema,
  type retryResponseSchema,
} from '../intake/schemas.ts';
import type { TipStore } from '../../store/tip-store.ts';

export interface IntakeRouteDeps {
  store: TipStore;
  /** INTAKE_TOKENS; kept only as SHA-256 digests. */
  tokens: readonly string[];
  clock: Clock;
}

/** Request bodies are small JSON documents: a hundred references at most. */
const MAX_BODY_BYTES = 16 * 1024;

const iso = (ms: number) => new Date(ms).toISOString();

/** Parses an optional JSON body (empty means `{}`) with `schema`; throws the client error that fits. */
async function readBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const text = await c.req.text();
  let raw: unknown = {};
  if (text.trim() !== '') {
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '')) {
      throw new UnsupportedContentTypeError('intake: expected application/json');
    }
    try {
      raw = JSON.parse(text);
    } catch {
      throw new MalformedBodyError('intake: body is not JSON');
    }
  }
  return validate(schema, raw);
}

function validate<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields = Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join('.') || 'body', 'form.invalid']),
  );
  throw new ValidationError(fields, 'intake: invalid request');
}

/**
 * `/api/intake`: the pull API that staff systems consume tips from, at
 * least once, oldest first. Every route needs a bearer token from
 * INTAKE_TOKENS; errors are thrown as client errors for the API's error
 * responder. Answers carry tip content, so nothing may cache them.
 */
export function intakeRoutes({ store, tokens, clock }: IntakeRouteDeps): Hono {
  const app = new Hono();
  app.use(intakeAuth(tokens));
  app.use(async function noStore(c, next) {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new BodyTooLargeError(`intake: body over ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );

  app.post('/claim', async (c) => {
    const { limit } = await readBody(c, claimRequestSchema);
    const lease = await store.claimIntake(clock(), limit);
    const body: z.input<typeof claimResponseSchema> = {
      leaseId: lease.leaseId === '' ? null : lease.leaseId,
      expiresAt: iso(lease.expiresAt),
      tips: lease.tips.map(toIntakeTip),
    };
    return c.json(body);
  });

  app.post('/ack', async (c) => {
    const { leaseId, references } = await readBody(c, settleRequestSchema);
    const { done, rejected } = await store.ackIntake(leaseId, references, clock());
    const body: z.input<typeof ackResponseSchema> = { acknowledged: done, rejected };
    return c.json(body);
  });

  app.post('/release', async (c) => {
    const { leaseId, references } = await readBody(c, settleRequestSchema);
    const { done, rejected } = await store.releaseIntake(leaseId, references, clock());
    const body: z.input<typeof releaseResponseSchema> = { released: done, rejected };
    return c.json(body);
  });

  app.get('/dead-letters', async (c) => {
    const { channel } = validate(deadLettersQuerySchema, c.req.query());
    const letters = await store.listDeadLetters(channel);
    const body: z.input<typeof deadLettersResponseSchema> = {
      deadLetters: letters.map((letter) => ({
        reference: letter.reference,
        channel: letter.channel,
        acceptedAt: iso(letter.acceptedAt),
        attempts: letter.attempts,
        lastError: letter.lastError,
        deadAt: iso(letter.deadAt),
      })),
    };
    return c.json(body);
  });

  app.post('/dead-letters/retry', async (c) => {
    const { references, channel } = await readBody(c, retryRequestSchema);
    const body: z.input<typeof retryResponseSchema> = {
      retried: await store.retryDeadLetters(references, clock(), channel),
    };
    return c.json(body);
  });

  return app;
}
