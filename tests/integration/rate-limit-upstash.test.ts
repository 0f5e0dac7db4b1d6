import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import {
  clientIdentifier,
  createTipRateLimiter,
  type LimitDecision,
  type TipRateLimiter,
} from '../../src/limits/index.ts';
import { startFakeUpstash, type FakeUpstash, type FakeUpstashMode } from '../helpers/fake-upstash.ts';

/**
 * THREATS #8 on the Upstash path: a local endpoint stands in for Upstash and
 * errors, hangs, or answers. Whatever it does, every call resolves within a
 * bounded time, never throws, and the limits still hold.
 */

const TIMEOUT_MS = 300;
// Generous: the timeout plus room for a loaded machine. Catches "waits for @upstash/ratelimit's 5 s" or "hangs".
const BOUND_MS = TIMEOUT_MS + 1500;
const CLIENT = clientIdentifier('127.0.0.77', 'upstash-test-secret-upstash-test-secret', Date.now());

let fake: FakeUpstash | undefined;
let limiter: TipRateLimiter | undefined;
afterEach(async () => {
  await limiter?.close();
  await fake?.close();
  limiter = undefined;
  fake = undefined;
});

async function setup(mode: FakeUpstashMode, probeIntervalMs = 1000) {
  fake = await startFakeUpstash(mode);
  const lines: string[] = [];
  const config = loadConfig({
    UPSTASH_REDIS_REST_URL: fake.url,
    UPSTASH_REDIS_REST_TOKEN: fake.token,
    RATE_LIMIT_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  limiter = await createTipRateLimiter({
    limits: config.rateLimits,
    clock: Date.now,
    logger: createLogger('info', { write: (line: string) => void lines.push(line) }),
    probeIntervalMs,
  });
  return { fake, limiter, lines };
}

/** Runs `call` `times` times in sequence; records each call's duration. */
async function timed(times: number, call: () => Promise<LimitDecision>) {
  const decisions: LimitDecision[] = [];
  let slowest = 0;
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    decisions.push(await call());
    slowest = Math.max(slowest, performance.now() - started);
  }
  return { decisions, slowest, accepted: decisions.filter((decision) => decision.success).length };
}

describe.each(['error', 'hang'] as const)('Upstash endpoint that answers %s', (mode) => {
  it('still limits tips through the embedded fallback, within a bounded time, and reports degraded', async () => {
    const { fake, limiter } = await setup(mode);
    const tips = await timed(8, () => limiter.checkTip(CLIENT));
    expect(tips.accepted).toBe(5);
    expect(tips.decisions[5]).toMatchObject({ success: false, scope: 'client-tips', limit: 5 });
    expect(tips.decisions[5]?.retryAfterSeconds).toBeGreaterThan(0);
    expect(tips.slowest).toBeLessThan(BOUND_MS);
    expect(limiter.isDegraded()).toBe(true);
    expect(fake.commands.some(([name]) => name === 'evalsha')).toBe(true);
  });

  it('still refuses a flood after the fallback limit', async () => {
    const { limiter } = await setup(mode);
    const started = performance.now();
    const posts = await timed(45, () => limiter.checkPost(CLIENT));
    expect(posts.accepted).toBe(30);
    expect(posts.decisions.slice(30).every((decision) => !decision.success && decision.scope === 'client-posts')).toBe(
      true,
    );
    expect(posts.slowest).toBeLessThan(BOUND_MS);
    // Only one call per probe interval waits for the store; the rest are decided at once.
    expect(performance.now() - started).toBeLessThan(BOUND_MS * 3);
    expect(limiter.isDegraded()).toBe(true);
  });

  it('resolves concurrent calls too, never rejecting', async () => {
    const { limiter } = await setup(mode);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => limiter.checkPost(CLIENT)));
    expect(results.every((result) => result.status === 'fulfilled')).toBe(true);
  });

  it('logs the outage without identifiers or the store message', async () => {
    const { limiter, lines } = await setup(mode);
    await limiter.checkTip(CLIENT);
    const text = lines.join('\n');
    expect(text).toContain('rate-limit store failing');
    expect(text).not.toContain(CLIENT);
    expect(text).not.toContain('command was');
    expect(text).not.toContain('127.0.0.77');
  });
});

describe('Upstash endpoint that recovers', () => {
  it('clears degraded by itself and lets the store decide again', async () => {
    const { fake, limiter } = await setup('hang', 50);
    expect((await limiter.checkPost(CLIENT)).limit).toBe(30); // embedded decided
    expect(limiter.isDegraded()).toBe(true);

    fake.setMode('answer');
    const deadline = Date.now() + 10_000;
    while (limiter.isDegraded() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(limiter.isDegraded()).toBe(false);

    const decision = await limiter.checkPost(CLIENT);
    expect(decision).toMatchObject({ success: true, limit: fake.answerLimit, scope: 'client-posts' });
  });

  it('sends @upstash/ratelimit keys under the trygghet prefix with the keyed hash, never the address', async () => {
    const { fake, limiter } = await setup('answer');
    await limiter.checkTip(CLIENT);
    const keys = fake.commands.filter(([name]) => name === 'evalsha').map((command) => command[3] ?? '');
    expect(keys.map((key) => key.replace(/:\d+$/, ''))).toEqual([
      `trygghet:rl:client-tips:${CLIENT}`,
      `trygghet:rl:client-daily:${CLIENT}`,
      'trygghet:rl:global-tips:all',
    ]);
    expect(JSON.stringify(fake.commands)).not.toContain('127.0.0.77');
    expect(limiter.isDegraded()).toBe(false);
  });
});
