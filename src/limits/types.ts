import type { Ratelimit } from '@upstash/ratelimit';

/**
 * One limit's answer, in @upstash/ratelimit's own result shape
 * (`{ success, limit, remaining, reset, pending, reason? }`), whichever
 * backend decided. `reset` is in milliseconds since the epoch.
 */
export type LimitResult = Awaited<ReturnType<Ratelimit['limit']>>;

/** A single limit (one scope): consumes one unit for `identifier` and answers. */
export interface SingleLimiter {
  limit(identifier: string): Promise<LimitResult>;
}

/** Which limit decided. */
export type LimitScope = 'client-posts' | 'client-tips' | 'client-daily' | 'network-tips' | 'global-tips';

/** What the tip route needs to answer a request: go on, or 429 with Retry-After. */
export interface LimitDecision {
  success: boolean;
  /** Of the deciding scope: the refusing one, or on success the one with the least left. */
  limit: number;
  remaining: number;
  /** When the deciding scope's window ends, ms since the epoch. */
  reset: number;
  /** 0 on success; otherwise whole seconds (≥ 1) for the Retry-After header. */
  retryAfterSeconds: number;
  scope: LimitScope;
  /**
   * Of an accepted tip (`checkTip`): more tips than SURGE_TIPS came from
   * everyone within the global window, so its email waits for the digest.
   */
  surge?: boolean;
}

/** What health says about a surge (counts and times only). */
export interface SurgeState {
  active: boolean;
  /** ISO 8601 (minute) when the current surge began, or null. */
  since: string | null;
  /** Tips from everyone per global window above which a surge begins. */
  threshold: number;
  /** The global window, e.g. "1 h". */
  window: string;
}

/**
 * The limiter the tip route uses. Built once at start-up by
 * `createTipRateLimiter`; calls never throw for a failing remote store and
 * never let a request through unlimited.
 */
export interface TipRateLimiter {
  /** Every POST to the tip endpoint (flood limit); consumes one. */
  checkPost(clientId: string): Promise<LimitDecision>;
  /**
   * Before accepting a valid, new tip: the per-client short window, the
   * per-client UTC day, the IPv6 network's window, then the global hard cap.
   * Stops at the first refusal, so a refused client does not use up the
   * others' global budget. A success says whether the service is in a surge.
   */
  checkTip(clientId: string): Promise<LimitDecision>;
  /** Whether tips are coming in a surge now (health details). */
  surgeState(): SurgeState;
  /**
   * The flood limit's refusal of this client if one is remembered (see
   * `createRefusalMemo`); counts nothing. Lets the server refuse at the door.
   */
  rememberedPostRefusal(clientId: string): LimitDecision | undefined;
  /** True while the remote store is failing and the embedded fallback decides (health details, readiness "degraded"). */
  isDegraded(): boolean;
  /** Closes the remote connection and stops recovery probes. */
  close(): Promise<void>;
}
