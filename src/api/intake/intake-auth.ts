import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { DisabledError, UnauthorizedError } from '../../http/errors.ts';

/** Shorter tokens could be guessed; 32 characters of a random token is well beyond that. */
export const MIN_INTAKE_TOKEN_LENGTH = 32;

const BEARER = /^Bearer ([\x21-\x7e]{1,1024})$/i;

/** What a client without the right token is told to present (RFC 6750 §3). */
const CHALLENGE = 'Bearer realm="intake"';

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * Bearer-token check for the intake API (and the health details). Only the
 * tokens' SHA-256 digests are kept; a presented token is hashed and compared
 * with every digest in constant time (equal-length digests, no early exit),
 * so neither the comparison nor which token matched leaks through timing.
 * No token configured means the intake queue and the health details are
 * switched off: every request gets a 404 `disabled` that says so (no token
 * could help, so a 401 "wrong key" would mislead the operator).
 */
export function intakeAuth(tokens: readonly string[]): MiddlewareHandler {
  const short = tokens.filter((token) => token.length < MIN_INTAKE_TOKEN_LENGTH).length;
  if (short > 0) {
    throw new Error(`INTAKE_TOKENS: ${short} token(s) shorter than ${MIN_INTAKE_TOKEN_LENGTH} characters`);
  }
  const digests = tokens.map(digest);
  if (digests.length === 0) {
    return async function intakeDisabled() {
      throw new DisabledError('intake: INTAKE_TOKENS is not set');
    };
  }

  return async function intakeAuth(c, next) {
    const match = BEARER.exec(c.req.header('Authorization') ?? '');
    const given = digest(match?.[1] ?? '');
    let matched = false;
    for (const known of digests) matched = timingSafeEqual(known, given) || matched;
    if (!match || !matched) throw new UnauthorizedError(CHALLENGE, 'intake token missing or wrong');
    await next();
  };
}
