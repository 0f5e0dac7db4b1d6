import { createHash, createHmac, type Hash } from 'node:crypto';
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
 *
 * This is the reference form; the request path uses `createClientIdentifier`,
 * which gives the same identifiers faster.
 */
export function clientIdentifier(address: string, secret: string, now: number): string {
  return createHmac('sha256', dayKey(secret, now)).update(rateLimitSubject(address)).digest('hex');
}

function dayKey(secret: string, now: number): Buffer {
  return createHmac('sha256', secret)
    .update(`rate-limit:${utcDate(now)}`)
    .digest();
}

const DAY_MS = 86_400_000;
const SHA256_BLOCK_BYTES = 64;

/**
 * `clientIdentifier` for one secret, built once at start-up, for every
 * request (the flood path). It derives the day key once per UTC day and
 * keeps SHA-256 states primed with the key's inner and outer pads (RFC 2104),
 * so each identifier costs two hash finalisations: about 2 µs instead of
 * about 20 µs for two `createHmac` calls on Node 24. The result is
 * byte-for-byte HMAC-SHA256, checked against `clientIdentifier` by
 * tests/unit/rate-limit-identifier.test.ts.
 */
export function createClientIdentifier(secret: string): (address: string, now: number) => string {
  let day = Number.NaN;
  let inner: Hash | undefined;
  let outer: Hash | undefined;
  return (address, now) => {
    const today = Math.floor(now / DAY_MS);
    if (today !== day || !inner || !outer) {
      // The day key is 32 bytes, shorter than the block, so it is zero-padded, not hashed.
      const block = Buffer.alloc(SHA256_BLOCK_BYTES);
      dayKey(secret, now).copy(block);
      inner = createHash('sha256').update(block.map((byte) => byte ^ 0x36));
      outer = createHash('sha256').update(block.map((byte) => byte ^ 0x5c));
      day = today;
    }
    const innerDigest = inner.copy().update(rateLimitSubject(address)).digest();
    return outer.copy().update(innerDigest).digest('hex');
  };
}
