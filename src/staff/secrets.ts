import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh opaque secret (session id, sign-in token, CSRF token): 32 random bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps of a secret: its SHA-256, so a copy of the database signs nobody in. */
export function secretHash(secret: string, purpose: 'session' | 'signin'): string {
  return createHash('sha256').update(`${purpose}:${secret}`).digest('base64url');
}

/** Constant-time comparison of two strings of possibly different lengths. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Session ids and tokens are base64url of 32 bytes; anything else is not worth a database lookup. */
export function looksLikeSecret(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
}
