import { Ratelimit } from '@upstash/ratelimit';
import type { Config } from '../config/config.ts';
import { createEmbeddedDailyLimiter, createEmbeddedWindowLimiter } from './embedded.ts';
import { createRemoteLimiter, type RemoteStore } from './remote.ts';
import type { LimitScope, SingleLimiter } from './types.ts';

/** Every key starts with this, then the scope: `trygghet:rl:client-tips:<identifier>…`. */
export const KEY_PREFIX = 'trygghet:rl';

const prefix = (scope: LimitScope) => `${KEY_PREFIX}:${scope}`;

/** The five limits on the embedded memory limiter. */
export function createEmbeddedLimiters(
  limits: Config['rateLimits'],
  clock: () => number,
): Record<LimitScope, SingleLimiter> {
  return {
    'client-posts': createEmbeddedWindowLimiter({ prefix: prefix('client-posts'), clock, rate: limits.clientPosts }),
    'client-tips': createEmbeddedWindowLimiter({ prefix: prefix('client-tips'), clock, rate: limits.clientTips }),
    'client-daily': createEmbeddedDailyLimiter({
      prefix: prefix('client-daily'),
      clock,
      count: limits.clientTipsPerDay,
    }),
    'network-tips': createEmbeddedWindowLimiter({ prefix: prefix('network-tips'), clock, rate: limits.networkTips }),
    'global-tips': createEmbeddedWindowLimiter({ prefix: prefix('global-tips'), clock, rate: limits.globalTips }),
  };
}

/**
 * The five limits on a remote store through @upstash/ratelimit: a sliding
 * window for the per-client and global windows (a fixed window would let a
 * client send twice the limit across a window boundary), and a fixed window
 * of "1 d" for the per-client day — @upstash/ratelimit numbers fixed windows
 * from the Unix epoch, so a one-day window is exactly the UTC calendar day.
 */
export function createRemoteLimiters(
  store: RemoteStore,
  limits: Config['rateLimits'],
): Record<LimitScope, SingleLimiter> {
  const sliding = (scope: LimitScope, rate: Config['rateLimits']['clientTips']) =>
    createRemoteLimiter(store, prefix(scope), Ratelimit.slidingWindow(rate.count, rate.window));
  return {
    'client-posts': sliding('client-posts', limits.clientPosts),
    'client-tips': sliding('client-tips', limits.clientTips),
    'client-daily': createRemoteLimiter(
      store,
      prefix('client-daily'),
      Ratelimit.fixedWindow(limits.clientTipsPerDay, '1 d'),
    ),
    'network-tips': sliding('network-tips', limits.networkTips),
    'global-tips': sliding('global-tips', limits.globalTips),
  };
}
