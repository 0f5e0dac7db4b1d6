import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.ts';
import { asRatelimitRedis, type RemoteStore, type ScriptClient } from './remote.ts';

/**
 * Self-hosted Redis or Valkey (REDIS_URL) for @upstash/ratelimit, through
 * ioredis. The maintainers declined native ioredis support
 * (upstash/ratelimit-js#115); this adapter is the documented kind of
 * workaround and is tested against a real redis-server.
 */

const SHEBANG = /^#!lua[^\n]*\n/;

/**
 * Removes a leading `#!lua …` line. @upstash/ratelimit's scripts start with
 * `#!lua flags=allow-key-locking`, which Redis 7.0 refuses ("Unexpected flag
 * in script shebang"); without the line the script runs in the classic mode
 * that every Redis since 2.6 and Valkey understand.
 */
export function stripScriptShebang(script: string): string {
  return script.replace(SHEBANG, '');
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function redisArgument(value: unknown): string | number {
  if (typeof value === 'number') return value;
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The `evalsha`/`eval` pair that @upstash/ratelimit calls, on an ioredis
 * client. @upstash/ratelimit first calls `evalsha` with the sha1 of its
 * original script and falls back to `eval` on NOSCRIPT; `eval` runs the
 * stripped script (which also caches it in Redis) and remembers which sha1
 * the stripped text has, so later `evalsha` calls for the original hash run
 * the cached stripped script in one round trip.
 */
export function createIoRedisScriptClient(client: Redis): ScriptClient {
  const strippedSha = new Map<string, string>();
  return {
    evalsha(sha, keys, args) {
      return client.evalsha(strippedSha.get(sha) ?? sha, keys.length, ...keys, ...args.map(redisArgument));
    },
    eval(script, keys, args) {
      const runnable = stripScriptShebang(script);
      if (runnable !== script) strippedSha.set(sha1(script), sha1(runnable));
      return client.eval(runnable, keys.length, ...keys, ...args.map(redisArgument));
    },
  };
}

/**
 * Connects to REDIS_URL (`redis://` or `rediss://`). A dead Redis must fail
 * fast so the embedded fallback decides within the timeout: no offline queue
 * and no per-command retries; ioredis keeps reconnecting in the background
 * (at most one attempt per second), so recovery needs nobody.
 *
 * Only the very first connection attempt is waited for (within the caller's
 * timeout), so requests arriving in the first milliseconds after start-up
 * are not counted as an outage; once it has succeeded or failed, calls fail
 * at once while disconnected.
 */
export function createRedisStore(
  url: string,
  { timeoutMs, logger }: { timeoutMs: number; logger: Logger },
): RemoteStore {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: timeoutMs,
    connectTimeout: Math.max(1000, timeoutMs),
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
  let connected = false;
  let reportedDown = false;
  let firstAttemptDone = false;
  const firstAttempt = new Promise<void>((resolve) => {
    const done = () => {
      firstAttemptDone = true;
      client.off('ready', done).off('error', done).off('end', done);
      resolve();
    };
    client.on('ready', done).on('error', done).on('end', done);
  });
  // Connection-level events only; command errors reach the caller. The URL (with its password) is never logged.
  client.on('ready', () => {
    connected = true;
    if (reportedDown) logger.info('rate-limit redis connection ready again');
    reportedDown = false;
  });
  client.on('error', (error: Error & { code?: string }) => {
    if (reportedDown) return;
    reportedDown = true;
    logger.warn(
      { err: { name: error.name, code: error.code, message: error.message }, wasConnected: connected },
      'rate-limit redis connection failing; reconnecting in the background',
    );
  });
  const scripts = createIoRedisScriptClient(client);
  const afterFirstConnection =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (!firstAttemptDone) await firstAttempt;
      return call(...args);
    };
  return {
    redis: asRatelimitRedis({
      evalsha: afterFirstConnection(scripts.evalsha),
      eval: afterFirstConnection(scripts.eval),
    }),
    ping: afterFirstConnection(() => client.ping()),
    async close() {
      client.disconnect();
    },
  };
}
