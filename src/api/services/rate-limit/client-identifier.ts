import { createHmac } from 'node:crypto';
import { rateLimitSubject } from './ip-address.ts';
import { utcDate } from './utc-day.ts';

/**
 * The rate limiter's name for a client: HMAC-SHA256 of the client's address
 * (IPv6 by its /64) under a key derived from APP_SECRET and the UTC date of
 * `now`, as 64 hex characters.
 *
 * The raw address never leaves this function (THREATS #5). Without
 * APP_SECRET the identifier cannot be reversed by hashing candidate
 * addresses, and because the key changes at UTC midnight, identifiers from
 * different days cannot be linked to each other. A side effect: each
 * client's counters start afresh at UTC midnight, which is also when the
 * per-day limit resets.
 */
export function clientIdentifier(address: string, secret: string, now: number): string {
  const dayKey = createHmac('sha256', secret)
    .update(`rate-limit:${utcDate(now)}`)
    .digest();
  return createHmac('sha256', dayKey).update(rateLimitSubject(address)).digest('hex');
}
