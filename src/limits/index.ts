import type { Config } from '../config/config.ts';
import type { Logger } from '../platform/logger.ts';
import { createFailover } from './failover.ts';
import { splitClientId } from './client-identifier.ts';
import { createRefusalMemo, type Refusal } from './refusal-memo.ts';
import type { RemoteStore } from './remote.ts';
import { createEmbeddedLimiters, createRemoteLimiters } from './scopes.ts';
import { createSurgeMonitor } from './surge.ts';
import type { LimitDecision, LimitResult, LimitScope, TipRateLimiter } from './types.ts';

export { clientIdentifier, createClientIdentifier, splitClientId } from './client-identifier.ts';
export { KEY_PREFIX } from './scopes.ts';
export type { LimitDecision, LimitResult, LimitScope, SurgeState, TipRateLimiter } from './types.ts';

function refused(scope: LimitScope, { reset, limit }: Refusal, now: number): LimitDecision {
  return {
    success: false,
    limit,
    remaining: 0,
    reset,
    retryAfterSeconds: Math.max(1, Math.ceil((reset - now) / 1000)),
    scope,
  };
}

/** The one identifier of the global limit. */
export const GLOBAL_IDENTIFIER = 'all';

/** The per-client tip limits, checked before the network's and the global ones. */
const CLIENT_TIP_SCOPES = ['client-tips', 'client-daily'] as const;

export interface TipRateLimiterOptions {
  limits: Config['rateLimits'];
  /** Reads the time for the UTC day, probe spacing and Retry-After; the libraries read Date.now() for their windows. */
  clock: () => number;
  logger: Logger;
  /** While degraded: at most one remote attempt per interval, and a background ping as often. Default 1000. */
  probeIntervalMs?: number;
}

/** The configured remote store; its client library is loaded only when it is configured. */
async function createRemoteStore(limits: Config['rateLimits'], logger: Logger): Promise<RemoteStore | undefined> {
  if (limits.upstash) {
    const { createUpstashStore } = await import('./upstash-store.ts');
    return createUpstashStore(limits.upstash, { timeoutMs: limits.timeoutMs });
  }
  if (limits.redisUrl) {
    const { createRedisStore } = await import('./redis-store.ts');
    return createRedisStore(limits.redisUrl, { timeoutMs: limits.timeoutMs, logger });
  }
  return undefined;
}

/**
 * Builds the tip route's limiter once at start-up.
 *
 * Backends: Upstash Redis when `limits.upstash` is set, else self-hosted
 * Redis/Valkey when `limits.redisUrl` is set, both through
 * @upstash/ratelimit (algorithms: see `createRemoteLimiters`); otherwise only
 * the embedded rate-limiter-flexible memory limiter, which is also the
 * fallback of both remote ones.
 *
 * Keys: `trygghet:rl:<scope>:<identifier>:<window number>` on Redis
 * (`trygghet:rl:<scope>:<identifier>[:<YYYY-MM-DD>]` in memory), where the
 * identifier is `clientIdentifier()`'s keyed hash, or "all" for the global
 * limit. Redis keys expire with their window.
 *
 * Failure: each remote call gets `limits.timeoutMs`; on an error or a
 * timeout the embedded limiter decides and `isDegraded()` is true until the
 * store answers again (see `createFailover`). The embedded limiter counts
 * only what it decides, so a client starts an outage with a fresh embedded
 * allowance, and limits are then per process.
 *
 * Refusals are remembered until their `reset` (`createRefusalMemo`): a
 * flooding client is refused from memory. Under a sliding window that is up
 * to one window stricter than asking again; refusals the fallback made
 * during an outage are not remembered.
 */
export async function createTipRateLimiter({
  limits,
  clock,
  logger,
  probeIntervalMs = 1000,
}: TipRateLimiterOptions): Promise<TipRateLimiter> {
  const embedded = createEmbeddedLimiters(limits, clock);
  const store = await createRemoteStore(limits, logger);
  const remote = store && createRemoteLimiters(store, limits);
  const failover =
    store && createFailover({ ping: () => store.ping(), timeoutMs: limits.timeoutMs, probeIntervalMs, clock, logger });
  logger.info({ backend: limits.upstash ? 'upstash' : limits.redisUrl ? 'redis' : 'embedded' }, 'rate limiter ready');

  const surge = createSurgeMonitor({
    threshold: limits.surgeTips,
    windowMs: limits.globalTips.windowMs,
    window: limits.globalTips.window,
    clock,
    logger,
  });
  const refusals = createRefusalMemo();
  const memoKey = (scope: LimitScope, identifier: string) => `${scope}:${identifier}`;
  const rememberedRefusal = (scope: LimitScope, identifier: string): LimitDecision | undefined => {
    const now = clock();
    const remembered = refusals.refusal(memoKey(scope, identifier), now);
    return remembered && refused(scope, remembered, now);
  };

  async function decide(scope: LimitScope, identifier: string): Promise<LimitDecision> {
    const remembered = rememberedRefusal(scope, identifier);
    if (remembered) return remembered;

    const degradedBefore = failover?.isDegraded() ?? false;
    const result: LimitResult =
      remote && failover
        ? await failover.run(
            () => remote[scope].limit(identifier),
            () => embedded[scope].limit(identifier),
          )
        : await embedded[scope].limit(identifier);
    if (!result.success) {
      // Only the primary backend's refusals: a fallback refusal must not outlive the outage.
      if (!degradedBefore && !(failover?.isDegraded() ?? false))
        refusals.remember(memoKey(scope, identifier), { reset: result.reset, limit: result.limit });
      return refused(scope, result, clock());
    }
    return {
      success: true,
      limit: result.limit,
      remaining: result.remaining,
      reset: result.reset,
      retryAfterSeconds: 0,
      scope,
    };
  }

  // The flood limit and the per-client tip limits count the client (IPv4 address or IPv6 /64) only.
  const clientOf = (clientId: string) => splitClientId(clientId).client;

  return {
    checkPost: (clientId) => decide('client-posts', clientOf(clientId)),
    rememberedPostRefusal: (clientId) => rememberedRefusal('client-posts', clientOf(clientId)),
    async checkTip(clientId) {
      const { client, network } = splitClientId(clientId);
      const checks: [LimitScope, string][] = [
        ...CLIENT_TIP_SCOPES.map((scope): [LimitScope, string] => [scope, client]),
        ...(network === undefined ? [] : [['network-tips', network] as [LimitScope, string]]),
        ['global-tips', GLOBAL_IDENTIFIER],
      ];
      const passed: LimitDecision[] = [];
      for (const [scope, identifier] of checks) {
        const decision = await decide(scope, identifier);
        if (!decision.success) {
          if (scope === 'global-tips') surge.note(true);
          return decision;
        }
        passed.push(decision);
      }
      const global = passed[passed.length - 1] as LimitDecision;
      // The global count includes this tip: above the threshold, the service is in a surge.
      const surging = global.limit - global.remaining > limits.surgeTips;
      surge.note(surging);
      const tightest = passed.reduce((least, decision) => (decision.remaining < least.remaining ? decision : least));
      return { ...tightest, surge: surging };
    },
    surgeState: () => surge.state(),
    isDegraded: () => failover?.isDegraded() ?? false,
    async close() {
      failover?.close();
      await store?.close();
    },
  };
}
