import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createTipRateLimiter, type TipRateLimiter } from '../../src/limits/index.ts';

const logger = createLogger('silent');

function embeddedLimiter(env: Record<string, string> = {}, clock: () => number = Date.now): Promise<TipRateLimiter> {
  return createTipRateLimiter({ limits: loadConfig(env).rateLimits, clock, logger });
}

async function repeat<T>(times: number, call: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < times; i += 1) results.push(await call());
  return results;
}

describe('embedded tip rate limiter (defaults)', () => {
  it('accepts 5 tips per client in the window, then refuses with Retry-After', async () => {
    const limiter = await embeddedLimiter();
    const decisions = await repeat(7, () => limiter.checkTip('client-a'));
    expect(decisions.map((decision) => decision.success)).toEqual([true, true, true, true, true, false, false]);
    expect(decisions.slice(0, 5).map((decision) => decision.remaining)).toEqual([4, 3, 2, 1, 0]);
    const refused = decisions[5];
    expect(refused).toMatchObject({ scope: 'client-tips', limit: 5, remaining: 0 });
    expect(refused?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused?.retryAfterSeconds).toBeLessThanOrEqual(600);
    // Another client is not affected.
    expect((await limiter.checkTip('client-b')).success).toBe(true);
    expect(limiter.isDegraded()).toBe(false);
    await limiter.close();
  });

  it('accepts 30 posts per client, separately from the tip limit', async () => {
    const limiter = await embeddedLimiter();
    const posts = await repeat(31, () => limiter.checkPost('client-a'));
    expect(posts.filter((decision) => decision.success)).toHaveLength(30);
    expect(posts[30]).toMatchObject({ success: false, scope: 'client-posts', limit: 30 });
    // The flood used up posts, not tips.
    expect((await limiter.checkTip('client-a')).success).toBe(true);
    await limiter.close();
  });
});

describe('embedded tip rate limiter (configured)', () => {
  it('holds the global limit across clients', async () => {
    const limiter = await embeddedLimiter({ RATE_LIMIT_GLOBAL_TIPS: '3/1h' });
    const decisions = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((client) => limiter.checkTip(client)));
    expect(decisions.filter((decision) => decision.success)).toHaveLength(3);
    const refused = decisions.filter((decision) => !decision.success);
    expect(refused.every((decision) => decision.scope === 'global-tips')).toBe(true);
    expect(refused[0]?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused[0]?.retryAfterSeconds).toBeLessThanOrEqual(3600);
  });

  it('does not spend the global budget on a client that is over its own limit', async () => {
    const limiter = await embeddedLimiter({ RATE_LIMIT_CLIENT_TIPS: '2/10m', RATE_LIMIT_GLOBAL_TIPS: '3/1h' });
    await repeat(10, () => limiter.checkTip('flooder'));
    expect((await limiter.checkTip('someone-else')).success).toBe(true);
  });

  it('limits tips per UTC calendar day, resetting at the next UTC midnight of the injected clock', async () => {
    let now = Date.UTC(2026, 10, 20, 22, 0, 0);
    const limiter = await embeddedLimiter(
      { RATE_LIMIT_CLIENT_TIPS: '100/10m', RATE_LIMIT_CLIENT_TIPS_PER_DAY: '3' },
      () => now,
    );
    const decisions = await repeat(4, () => limiter.checkTip('client-a'));
    expect(decisions.map((decision) => decision.success)).toEqual([true, true, true, false]);
    expect(decisions[3]).toMatchObject({ scope: 'client-daily', limit: 3, reset: Date.UTC(2026, 10, 21) });
    expect(decisions[3]?.retryAfterSeconds).toBe(2 * 3600);

    // Same day, just before midnight: still refused (a calendar day, not a rolling window of the first tip).
    now = Date.UTC(2026, 10, 20, 23, 59, 59);
    expect(await limiter.checkTip('client-a')).toMatchObject({
      success: false,
      scope: 'client-daily',
      retryAfterSeconds: 1,
    });

    // The next UTC day: allowed again.
    now = Date.UTC(2026, 10, 21, 0, 0, 1);
    expect((await limiter.checkTip('client-a')).success).toBe(true);
  });

  it('reports the scope with the least left on success', async () => {
    const limiter = await embeddedLimiter({ RATE_LIMIT_CLIENT_TIPS: '5/10m', RATE_LIMIT_GLOBAL_TIPS: '2/1h' });
    expect(await limiter.checkTip('client-a')).toMatchObject({
      success: true,
      scope: 'global-tips',
      remaining: 1,
      retryAfterSeconds: 0,
    });
  });
});
