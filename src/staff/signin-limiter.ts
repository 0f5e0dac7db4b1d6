import { createHash } from 'node:crypto';
import type { Rate } from '../config/rate.ts';
import { createEmbeddedWindowLimiter } from '../limits/embedded.ts';

/** Sign-in attempts allowed per client and per email address. */
export interface SigninLimiter {
  /** Counts one attempt; false once the client (its keyed hash) or the address has used up the window. */
  allow(clientId: string, email?: string): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

/**
 * In-process counters (rate-limiter-flexible's memory limiter): sign-ins are
 * few, and with several instances each counts its own. The address is
 * counted by a hash, so the counters hold no email either.
 */
export function createSigninLimiter(rate: Rate, clock: () => number): SigninLimiter {
  const perClient = createEmbeddedWindowLimiter({ prefix: 'trygghet:rl:staff-signin', clock, rate });
  const perAddress = createEmbeddedWindowLimiter({ prefix: 'trygghet:rl:staff-signin-address', clock, rate });
  return {
    async allow(clientId, email) {
      const results = [await perClient.limit(clientId)];
      if (email !== undefined) {
        const key = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
        results.push(await perAddress.limit(key));
      }
      const refused = results.find((result) => !result.success);
      return {
        allowed: !refused,
        retryAfterSeconds: refused ? Math.max(1, Math.ceil((refused.reset - clock()) / 1000)) : 0,
      };
    },
  };
}
