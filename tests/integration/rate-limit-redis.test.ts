import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import {
  clientIdentifier,
  createTipRateLimiter,
  type LimitDecision,
  type TipRateLimiter,
} from '../../src/limits/index.ts';
import { createIoRedisScriptClient } from '../../src/limits/redis-store.ts';
import { asRatelimitRedis, type ScriptClient } from '../../src/limits/remote.ts';
import { redisSkipReason, startRedisServer, type RedisServer } from '../helpers/redis-server.ts';

/**
 * @upstash/ratelimit against a real redis-server (7.0 on Debian 12) through
 * the ioredis adapter: the algorithms, a limit shared by two instances, the
 * outage fallback and recovery (THREATS #8), and keys without addresses
 * (THREATS #5).
 */

const skipReason = redisSkipReason();
const PASSWORD = 's3cret-redis-pw';
const SECRET = 'redis-test-secret-redis-test-secret-0001';
const CANARY = '127.0.0.77';
const BOUND_MS = 300 + 1500;

let server: RedisServer;
let admin: Redis;
const toClose: { close(): Promise<void> }[] = [];

async function limiterFor(url: string, lines: string[] = []): Promise<TipRateLimiter> {
  const limiter = await createTipRateLimiter({
    limits: loadConfig({ REDIS_URL: url, RATE_LIMIT_TIMEOUT_MS: '300' }).rateLimits,
    clock: Date.now,
    logger: createLogger('info', { write: (line: string) => void lines.push(line) }),
    probeIntervalMs: 100,
  });
  toClose.push(limiter);
  return limiter;
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
}

async function sequence(times: number, call: () => Promise<LimitDecision>) {
  const decisions: LimitDecision[] = [];
  const durations: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    decisions.push(await call());
    durations.push(performance.now() - started);
  }
  return {
    decisions,
    accepted: decisions.filter((decision) => decision.success).length,
    slowest: Math.max(...durations),
  };
}

async function allKeys(): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await admin.scan(cursor, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

describe.skipIf(skipReason)('rate limiting on a real redis-server', () => {
  beforeAll(async () => {
    server = await startRedisServer({ password: PASSWORD });
    admin = new Redis(server.url, { lazyConnect: true });
    await admin.connect();
  });
  afterEach(async () => {
    for (const item of toClose.splice(0)) await item.close();
  });
  afterAll(async () => {
    admin?.disconnect();
    await server?.stop();
  });

  describe('ioredis adapter for @upstash/ratelimit', () => {
    function ratelimit(scripts: ScriptClient, limiter: Ratelimit['limiter'], prefix: string) {
      return new Ratelimit({
        redis: asRatelimitRedis(scripts),
        limiter,
        prefix,
        analytics: false,
        timeout: 0,
        ephemeralCache: false,
        enableTelemetry: false,
      });
    }

    it.each([
      ['fixedWindow', Ratelimit.fixedWindow(3, '1 m')],
      ['slidingWindow', Ratelimit.slidingWindow(3, '1 m')],
      ['tokenBucket', Ratelimit.tokenBucket(1, '1 m', 3)],
    ])('runs %s: 3 allowed, then refused', async (name, algorithm) => {
      const limiter = ratelimit(createIoRedisScriptClient(admin), algorithm, `test:${name}`);
      const results = [];
      for (let i = 0; i < 5; i += 1) results.push(await limiter.limit('someone'));
      expect(results.map((result) => result.success)).toEqual([true, true, true, false, false]);
      expect(results.map((result) => result.remaining)).toEqual([2, 1, 0, 0, 0]);
      expect(results[3]?.reset).toBeGreaterThan(Date.now());
    });

    it('strips the shebang Redis 7.0 refuses, then runs the cached script by EVALSHA', async () => {
      const scripts: string[] = [];
      const inner = createIoRedisScriptClient(admin);
      const recording: ScriptClient = {
        evalsha: (sha, keys, args) => inner.evalsha(sha, keys, args),
        eval: (script, keys, args) => {
          scripts.push(script);
          return inner.eval(script, keys, args);
        },
      };
      await admin.script('FLUSH');
      await admin.config('RESETSTAT');
      const limiter = ratelimit(recording, Ratelimit.slidingWindow(100, '1 m'), 'test:evalsha');
      for (let i = 0; i < 10; i += 1) expect((await limiter.limit('someone')).success).toBe(true);

      // @upstash/ratelimit handed over its original script once (after NOSCRIPT) ...
      expect(scripts).toHaveLength(1);
      expect(scripts[0]).toMatch(/^#!lua flags=allow-key-locking\n/);
      const stats = await admin.info('commandstats');
      const calls = (command: string) => Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
      // ... and every later call was one EVALSHA of the stripped script.
      expect(calls('eval')).toBe(1);
      expect(calls('evalsha')).toBe(10);

      // Unstripped, this Redis refuses the script (the reason the adapter exists); 7.2+ accepts the flag.
      const version = /redis_version:(\d+)\.(\d+)/.exec(await admin.info('server'));
      if (version && Number(version[1]) === 7 && Number(version[2]) < 2) {
        await expect(admin.eval(scripts[0] as string, 0)).rejects.toThrow(/Unexpected flag/);
      }
    });

    it('recovers when Redis has forgotten its scripts (as after a restart)', async () => {
      const limiter = ratelimit(createIoRedisScriptClient(admin), Ratelimit.fixedWindow(2, '1 m'), 'test:flush');
      expect((await limiter.limit('someone')).success).toBe(true);
      await admin.script('FLUSH');
      expect((await limiter.limit('someone')).success).toBe(true);
      expect((await limiter.limit('someone')).success).toBe(false);
    });
  });

  describe('tip rate limiter on REDIS_URL', () => {
    it('holds a per-client limit across two instances sharing one Redis', async () => {
      const client = clientIdentifier('127.0.0.21', SECRET, Date.now());
      const first = await limiterFor(server.url);
      const second = await limiterFor(server.url);
      const tips: LimitDecision[] = [];
      for (let i = 0; i < 10; i += 1) tips.push(await (i % 2 === 0 ? first : second).checkTip(client));
      expect(tips.filter((decision) => decision.success)).toHaveLength(5);
      expect(tips.slice(5).every((decision) => !decision.success && decision.scope === 'client-tips')).toBe(true);

      const posts: LimitDecision[] = [];
      for (let i = 0; i < 40; i += 1) posts.push(await (i % 2 === 0 ? first : second).checkPost(client));
      expect(posts.filter((decision) => decision.success)).toHaveLength(30);
      expect(first.isDegraded() || second.isDegraded()).toBe(false);
    });

    it('refuses a flooding client from memory: no Redis call after its first refusal until the window resets', async () => {
      const limiter = await limiterFor(server.url);
      const flooder = clientIdentifier('127.0.0.26', SECRET, Date.now());
      const scriptCalls = async () => {
        const stats = await admin.info('commandstats');
        return [...stats.matchAll(/cmdstat_eval(?:sha)?:calls=(\d+)/g)].reduce(
          (sum, match) => sum + Number(match[1]),
          0,
        );
      };
      // The first call may load the script (a NOSCRIPT EVALSHA, then EVAL): counted from the second.
      expect((await limiter.checkPost(flooder)).success).toBe(true);
      const before = await scriptCalls();
      const posts = await sequence(99, () => limiter.checkPost(flooder));
      expect(posts.accepted).toBe(29);
      // The 29 allowed and the first refusal went to Redis; the other 69 refusals did not.
      expect((await scriptCalls()) - before).toBe(30);
      expect(posts.decisions.slice(29).every((d) => !d.success && d.scope === 'client-posts' && d.limit === 30)).toBe(
        true,
      );
      expect(posts.decisions[98]?.retryAfterSeconds).toBeGreaterThan(0);
    });

    it('keeps only keyed hashes, with an expiry, in Redis — never the address (THREATS #5)', async () => {
      await admin.flushall();
      const limiter = await limiterFor(server.url);
      const client = clientIdentifier(CANARY, SECRET, Date.now());
      await limiter.checkPost(client);
      await limiter.checkTip(client);
      const keys = await allKeys();
      expect(keys.length).toBeGreaterThanOrEqual(4);
      for (const key of keys) {
        expect(key).toMatch(/^trygghet:rl:(client-posts|client-tips|client-daily|global-tips):([0-9a-f]{64}|all):\d+$/);
        expect(key).not.toContain(CANARY);
        expect(await admin.pttl(key)).toBeGreaterThan(0);
        expect(String(await admin.get(key))).not.toContain(CANARY);
      }
    });

    it('answers from the embedded fallback within a bounded time when Redis is unreachable from the start', async () => {
      const limiter = await limiterFor('redis://127.0.0.1:1');
      const client = clientIdentifier('127.0.0.22', SECRET, Date.now());
      const tips = await sequence(7, () => limiter.checkTip(client));
      expect(tips.accepted).toBe(5);
      expect(tips.slowest).toBeLessThan(BOUND_MS);
      expect(limiter.isDegraded()).toBe(true);
    });

    it('falls back within the timeout while Redis hangs, and recovers when it answers again', async () => {
      const limiter = await limiterFor(server.url);
      const client = clientIdentifier('127.0.0.25', SECRET, Date.now());
      expect((await limiter.checkPost(client)).success).toBe(true);
      server.pause();
      try {
        const posts = await sequence(40, () => limiter.checkPost(client));
        expect(posts.accepted).toBe(30);
        expect(posts.slowest).toBeLessThan(BOUND_MS);
        expect(limiter.isDegraded()).toBe(true);
      } finally {
        server.resume();
      }
      await until(() => !limiter.isDegraded());
      expect(limiter.isDegraded()).toBe(false);
    });

    it('survives Redis dying mid-run and recovers by itself when it returns (THREATS #8)', async () => {
      const lines: string[] = [];
      const limiter = await limiterFor(server.url, lines);
      const tipster = clientIdentifier('127.0.0.23', SECRET, Date.now());
      const flooder = clientIdentifier('127.0.0.24', SECRET, Date.now());

      // Redis decides: two tips counted there.
      expect((await sequence(2, () => limiter.checkTip(tipster))).accepted).toBe(2);
      expect(limiter.isDegraded()).toBe(false);

      await server.kill();

      // Outage: the embedded limiter decides, from a fresh allowance, and still refuses floods.
      const tips = await sequence(8, () => limiter.checkTip(tipster));
      expect(tips.accepted).toBe(5);
      expect(tips.decisions[5]).toMatchObject({ success: false, scope: 'client-tips' });
      const flood = await sequence(60, () => limiter.checkPost(flooder));
      expect(flood.accepted).toBe(30);
      expect(Math.max(tips.slowest, flood.slowest)).toBeLessThan(BOUND_MS);
      expect(limiter.isDegraded()).toBe(true);
      console.info(
        `Redis outage: tips accepted ${tips.accepted}/8, posts accepted ${flood.accepted}/60, ` +
          `slowest call ${Math.max(tips.slowest, flood.slowest).toFixed(1)} ms`,
      );

      await server.restart();
      await until(() => !limiter.isDegraded());
      expect(limiter.isDegraded()).toBe(false);

      // Redis decides again: it lost its data, so the tipster the embedded limiter refuses is allowed there.
      expect(await limiter.checkTip(tipster)).toMatchObject({ success: true, scope: 'client-tips', remaining: 4 });
      expect((await allKeys()).some((key) => key.includes(tipster))).toBe(true);

      const text = lines.join('\n');
      expect(text).toContain('rate-limit store failing');
      expect(text).toContain('rate-limit store answers again');
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(tipster);
    });
  });
});
