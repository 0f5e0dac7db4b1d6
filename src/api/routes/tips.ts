import { Hono } from 'hono';
import { isLocale } from '../../i18n/locales.ts';
import { IdempotencyKeyReusedError, OverloadedError, RateLimitedError, ValidationError } from '../../http/errors.ts';
import { clientIdOf } from '../../http/request-context.ts';
import { readJsonSubmission } from '../../http/submission-body.ts';
import type { SubmitResult, SubmitTip } from '../../tips/submit-tip.ts';

/** 64 KB: room for 4,000 characters of any script, escaped, plus the other fields. */
export const TIP_BODY_LIMIT = 64 * 1024;

export interface TipRouteDeps {
  /** The submission use case (src/tips/submit-tip.ts). */
  submit: SubmitTip;
}

/**
 * POST /api/tips: JSON in, JSON out. 201 `{ reference }`, or a client error
 * for the error responder: 415 for anything but JSON (the form without
 * JavaScript posts to its page, src/web/tip-form-route.ts), 413, 400, 422
 * with one localized message per field, 409 for an idempotency key reused
 * for other content, 429 with Retry-After. The cross-site check and the
 * flood limit are the edge's (src/web/edge/), before this route.
 */
export function tipRoutes(deps: TipRouteDeps): Hono {
  const app = new Hono();
  app.post('/', async function acceptTip(c) {
    const fields = await readJsonSubmission(c, TIP_BODY_LIMIT);
    if (isLocale(fields.lang)) c.set('answerLocale', fields.lang);
    const result = await deps.submit(fields, clientIdOf(c));
    return new Response(JSON.stringify({ reference: acceptedReference(result) }), {
      status: 201,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    });
  });
  return app;
}

/** The reference of an accepted submission; any other result is thrown as the client error it is. */
function acceptedReference(result: SubmitResult): string {
  switch (result.kind) {
    case 'accepted':
      return result.reference;
    case 'invalid':
      throw new ValidationError(result.errors);
    case 'rate-limited':
      throw result.overloaded
        ? new OverloadedError(result.retryAfterSeconds)
        : new RateLimitedError(result.retryAfterSeconds);
    case 'key-reused':
      throw new IdempotencyKeyReusedError('idempotency key reused for other content');
    case 'confirm-personal-data':
      // The API never asks for the confirmation (the island asks before it sends).
      throw new Error('the API does not hold sends for personal data');
  }
}
