import { createHmac, timingSafeEqual } from 'node:crypto';
import { primedHmacSha256 } from '../platform/primed-hmac.ts';

/**
 * The signed form token: when the form was served (in milliseconds, so the
 * minimum fill time is measured exactly, not from a second rounded down),
 * signed with a key derived from APP_SECRET. It proves the post comes from a
 * form we served, not too fast (a bot) and not too late. It is reusable
 * within its lifetime: volume is the rate limiter's job (THREATS #9).
 */

export const FORM_TOKEN_MAX_AGE_SECONDS = 24 * 60 * 60;

export type FormTokenProblem = 'missing' | 'invalid' | 'expired' | 'too-fast';

function signingKey(appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update('form-token:v1').digest();
}

export interface FormTokens {
  issue(nowMs: number): string;
  /** Undefined when the token is good. */
  check(token: string | undefined, nowMs: number): FormTokenProblem | undefined;
}

export function formTokens(appSecret: string, minFillSeconds: number): FormTokens {
  const mac = primedHmacSha256(signingKey(appSecret));
  const sign = (payload: string) => mac(payload).toString('base64url');
  return {
    issue(nowMs) {
      const payload = `v2.${Math.floor(nowMs)}`;
      return `${payload}.${sign(payload)}`;
    },
    check(token, nowMs) {
      if (!token) return 'missing';
      const match = /^(v2\.(\d{1,15}))\.([A-Za-z0-9_-]{43})$/.exec(token);
      if (!match) return 'invalid';
      const [, payload = '', issuedText = '', signature = ''] = match;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
      const ageMs = nowMs - Number(issuedText);
      if (ageMs > FORM_TOKEN_MAX_AGE_SECONDS * 1000) return 'expired';
      if (ageMs < minFillSeconds * 1000) return 'too-fast';
      return undefined;
    },
  };
}
