import { Ratelimit, type RatelimitConfig } from '@upstash/ratelimit';
import type { SingleLimiter } from './types.ts';

/** The two calls @upstash/ratelimit's single-region `limit()` makes on its Redis client. */
export interface ScriptClient {
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
}

/** A remote Redis as the limiter uses it: Upstash (REST) or self-hosted (ioredis). */
export interface RemoteStore {
  /** The client handed to @upstash/ratelimit. */
  redis: RatelimitConfig['redis'];
  /** One cheap round trip, used to notice recovery while degraded. */
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Lets a `ScriptClient` stand in for an @upstash/redis client. The type asks
 * for a whole client, but `limit()` of a single-region Ratelimit (all three
 * algorithms, analytics and protection off) only calls `evalsha` and, on
 * NOSCRIPT, `eval` — verified for @upstash/ratelimit 2.2 by
 * tests/integration/rate-limit-redis.test.ts against a real redis-server.
 */
export function asRatelimitRedis(client: ScriptClient): RatelimitConfig['redis'] {
  return client as unknown as RatelimitConfig['redis'];
}

/**
 * One limit on the remote store through @upstash/ratelimit.
 * - `analytics: false`: analytics would store identifiers (and geo data) for 90 days;
 * - `timeout: 0`: its own timeout would answer `success: true` ("let it
 *   through"); the failover applies ours and decides with the embedded
 *   limiter instead;
 * - `ephemeralCache: false`: its in-process cache of blocked identifiers
 *   never forgets an identifier that does not come back, which grows without
 *   bound as identifiers change daily.
 */
export function createRemoteLimiter(
  store: RemoteStore,
  prefix: string,
  algorithm: RatelimitConfig['limiter'],
): SingleLimiter {
  const ratelimit = new Ratelimit({
    redis: store.redis,
    limiter: algorithm,
    prefix,
    analytics: false,
    timeout: 0,
    ephemeralCache: false,
    enableTelemetry: false,
  });
  return { limit: (identifier) => ratelimit.limit(identifier) };
}
