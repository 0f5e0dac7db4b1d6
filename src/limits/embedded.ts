import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Rate } from '../config/rate.ts';
import type { LimitResult, SingleLimiter } from './types.ts';
import { nextUtcMidnight, utcDate } from './utc-day.ts';

/**
 * The embedded limiter: rate-limiter-flexible's RateLimiterMemory behind
 * @upstash/ratelimit's result shape. It is the default backend and the
 * fallback while a remote store fails.
 *
 * Memory rather than rate-limiter-flexible's SQLite limiter: counters live
 * for minutes and are worthless after a restart, memory keeps no client
 * identifiers on disk, and it adds no write to the flood path. Its limits are
 * per process: several processes should share Redis (Upstash or REDIS_URL);
 * during a Redis outage each process then limits on its own, so a client can
 * get up to (processes × limit) until Redis returns.
 *
 * Windows are fixed and start at a key's first request (rate-limiter-flexible
 * reads Date.now() itself); refused requests do not extend them.
 */

interface EmbeddedOptions {
  /** Key prefix, e.g. `trygghet:rl:client-tips`. */
  prefix: string;
  clock: () => number;
}

/** `rate.count` requests per `rate.windowMs` for each identifier. */
export function createEmbeddedWindowLimiter({ prefix, clock, rate }: EmbeddedOptions & { rate: Rate }): SingleLimiter {
  const limiter = new RateLimiterMemory({ keyPrefix: prefix, points: rate.count, duration: rate.windowMs / 1000 });
  return {
    async limit(identifier) {
      const now = clock();
      const { success, res } = await consume(limiter, identifier);
      return result(success, rate.count, res.remainingPoints, now + res.msBeforeNext);
    },
  };
}

/**
 * `count` requests per UTC calendar day for each identifier: the key carries
 * the UTC date of the injected clock and expires at the next UTC midnight,
 * so the window is the calendar day, not a rolling 24 hours.
 */
export function createEmbeddedDailyLimiter({
  prefix,
  clock,
  count,
}: EmbeddedOptions & { count: number }): SingleLimiter {
  const limiter = new RateLimiterMemory({ keyPrefix: prefix, points: count, duration: 86_400 });
  return {
    async limit(identifier) {
      const now = clock();
      const reset = nextUtcMidnight(now);
      const { success, res } = await consume(limiter, `${identifier}:${utcDate(now)}`, {
        customDuration: (reset - now) / 1000,
      });
      return result(success, count, res.remainingPoints, reset);
    },
  };
}

async function consume(
  limiter: RateLimiterMemory,
  key: string,
  options?: { customDuration: number },
): Promise<{ success: boolean; res: RateLimiterRes }> {
  try {
    return { success: true, res: await limiter.consume(key, 1, options) };
  } catch (rejection) {
    // rate-limiter-flexible rejects with a RateLimiterRes when the limit is reached.
    if (rejection instanceof RateLimiterRes) return { success: false, res: rejection };
    throw rejection;
  }
}

function result(success: boolean, limit: number, remaining: number, reset: number): LimitResult {
  return { success, limit, remaining: Math.max(0, remaining), reset, pending: Promise.resolve() };
}
