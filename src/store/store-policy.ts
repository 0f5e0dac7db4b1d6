import type { Config } from '../config/config.ts';
import { CHANNELS, type Channel } from './accepted-tip.ts';
import { formatDeliveryError } from './stored-tip.ts';

/**
 * The rules both store backends apply: how long an email may keep failing,
 * how retries are spaced, and how intake leases behave. Built from the
 * configuration; tests pass their own (and a deterministic `random`).
 */
export interface StorePolicy {
  /** A temporarily failing email becomes a dead letter this long after acceptance (or an operator's retry). */
  deliveryWindowMs: number;
  /** Exponential backoff: the n-th retry waits a random time in [0, min(cap, base · 2^(n-1))). */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Visibility timeout of an intake lease. */
  intakeLeaseMs: number;
  /** Expired leases after which an intake job becomes a dead letter. */
  intakeMaxLeases: number;
  /** In [0, 1); `Math.random` unless a test makes it deterministic. */
  random: () => number;
  /**
   * The channels a new tip gets a delivery job for (default: all). The intake
   * queue is one only when a consumer can claim from it (INTAKE_TOKENS set):
   * a job nobody can take would keep its tip from ever being purged.
   */
  channels?: readonly Channel[];
  /**
   * Hold the emails of tips accepted during a surge for the digest. Only when
   * the intake queue is on: the digest names references, and the tips' text
   * must be readable somewhere else (holding them with no intake consumer
   * would hide them from everyone). Default false.
   */
  digestDuringSurge?: boolean;
}

/** The channels of a policy: all unless it names fewer. */
export function channelsOf(policy: Pick<StorePolicy, 'channels'>): readonly Channel[] {
  return policy.channels ?? CHANNELS;
}

export const DEFAULT_BACKOFF_BASE_MS = 30_000;
export const DEFAULT_BACKOFF_CAP_MS = 60 * 60_000;

/** The policy the configuration describes. */
export function policyFromConfig(config: Pick<Config, 'worker' | 'intake'>): StorePolicy {
  return {
    deliveryWindowMs: config.worker.deliveryMaxHours * 60 * 60_000,
    backoffBaseMs: DEFAULT_BACKOFF_BASE_MS,
    backoffCapMs: DEFAULT_BACKOFF_CAP_MS,
    intakeLeaseMs: config.intake.leaseSeconds * 1000,
    intakeMaxLeases: config.intake.maxLeases,
    random: Math.random,
    channels: config.intake.tokens.length > 0 ? CHANNELS : ['email'],
    digestDuringSurge: config.intake.tokens.length > 0,
  };
}

/** The longest wait before retry number `retry` (1 = the first retry): base · 2^(retry-1), capped. */
export function backoffCeilingMs(retry: number, policy: Pick<StorePolicy, 'backoffBaseMs' | 'backoffCapMs'>): number {
  const exponent = Math.min(Math.max(retry - 1, 0), 40);
  return Math.min(policy.backoffCapMs, policy.backoffBaseMs * 2 ** exponent);
}

export type RetryDecision = { state: 'retry'; nextAttemptAt: number } | { state: 'dead' };

/**
 * What happens after a failed send: permanent failures and failures after the
 * delivery window go to the dead letter; otherwise the next attempt is drawn
 * with full jitter (AWS "Exponential Backoff and Jitter") but never after the
 * window closes, so the last attempt happens right at its end.
 */
export function decideRetry(
  input: { permanent: boolean; attempts: number; windowStart: number; now: number },
  policy: StorePolicy,
): RetryDecision {
  const windowEnd = input.windowStart + policy.deliveryWindowMs;
  if (input.permanent || input.now >= windowEnd) return { state: 'dead' };
  const delay = Math.floor(policy.random() * backoffCeilingMs(input.attempts, policy));
  return { state: 'retry', nextAttemptAt: Math.min(input.now + delay, windowEnd) };
}

/** Keys are only useful for a day: the same key after that is a new tip. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60_000;

/** What a failed send means for its job: the attempt count, the error to keep (never tip content) and retry or dead letter. */
export function failureOutcome(
  job: { attempts: number; window_start: number },
  failure: { kind: 'temporary' | 'permanent'; errorClass: string; reason: string },
  now: number,
  policy: StorePolicy,
): { attempts: number; lastError: string; decision: RetryDecision } {
  const attempts = job.attempts + 1;
  return {
    attempts,
    lastError: formatDeliveryError(failure.errorClass, failure.reason),
    decision: decideRetry(
      { permanent: failure.kind === 'permanent', attempts, windowStart: job.window_start, now },
      policy,
    ),
  };
}
