import { Redis } from '@upstash/redis';
import type { RemoteStore } from './remote.ts';

/**
 * Upstash Redis over its REST API (UPSTASH_REDIS_REST_URL/_TOKEN).
 *
 * Data residency: Upstash is a US-based processor. Choose an EU region for
 * the database (or use self-hosted Redis/Valkey through REDIS_URL). What it
 * stores are counters under keyed hashes of client addresses that change
 * daily (see clientIdentifier), never addresses, and only for the length of
 * a window; analytics stay off.
 *
 * No retries and an abort after `timeoutMs`: the caller falls back to the
 * embedded limiter instead of waiting, and a hanging request is cut rather
 * than left holding a socket.
 */
export function createUpstashStore(
  { url, token }: { url: string; token: string },
  { timeoutMs }: { timeoutMs: number },
): RemoteStore {
  const redis = new Redis({
    url,
    token,
    retry: { retries: 0 },
    signal: () => AbortSignal.timeout(timeoutMs),
    enableTelemetry: false,
  });
  return {
    redis,
    ping: () => redis.ping(),
    async close() {
      // Stateless HTTP client: nothing to close.
    },
  };
}
