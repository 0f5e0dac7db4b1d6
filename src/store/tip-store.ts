import type { Locale } from '../i18n/locales.ts';
import type { Tip, TipFlags } from '../schemas/tip.ts';
import type { AcceptedTip, Channel } from './accepted-tip.ts';

/**
 * The durable store behind the tip route, the outbox worker, the intake API
 * and the operator CLIs. SQLite (default) and PostgreSQL implement it; the
 * contract suite in tests/integration/store-contract.test.ts runs against
 * both. Every time comes in as an argument (the injected clock), never from
 * the system clock, and nothing about the sender is ever stored.
 */
/** A tip found by its idempotency key: its reference and what was stored. */
export interface KeyedTip {
  reference: string;
  tip: Tip;
}

export interface TipStore {
  /**
   * Stores the tip and one delivery job per channel in one transaction and
   * resolves only after the commit is durable. The same idempotency key
   * within 24 hours returns the first reference with `created: false` and
   * stores nothing, also for concurrent duplicates.
   */
  acceptTip(input: AcceptTipInput): Promise<AcceptTipResult>;
  /**
   * The tip an idempotency key was used for within the 24 hours before
   * `now`, if any, with its reference: the submission use case answers a
   * repeated submission with it before the tip limits are counted (so a
   * retry is never refused as too many tips), and compares the content, so a
   * key reused for other content is refused rather than silently dropped.
   */
  findByIdempotencyKey(idempotencyKey: string, now: number): Promise<KeyedTip | undefined>;
  /** Counts one discarded honeypot post; nothing of its content is kept. */
  recordHoneypot(now: number): Promise<void>;
  /** Operator figures for `GET /api/health/details`. */
  healthDetails(now: number): Promise<HealthDetails>;
  /** Resolves when the store answers a trivial query (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;

  /**
   * Claims up to `limit` due email jobs for `leaseMs`: no other worker
   * (process or instance) gets them until the claim runs out.
   */
  claimEmailJobs(now: number, options: { limit: number; leaseMs: number }): Promise<EmailJobClaim[]>;
  /**
   * The worker's heartbeat while it sends a claimed batch (or digest): the
   * jobs still pending under `claimId` are held until `now + leaseMs`. Resolves to how
   * many were renewed (0 once another worker has taken them over). Short
   * leases renewed this way let a crashed worker's emails go out within one
   * lease, and never let a live worker's slow send be taken from it.
   */
  renewEmailClaim(claimId: string, now: number, leaseMs: number): Promise<number>;
  /** The message left: the job is done (also if the claim was lost meanwhile; sending again would only duplicate). */
  markEmailSent(claim: EmailJobClaim, now: number): Promise<void>;
  /**
   * A failed send: permanent → dead letter; temporary → retried after an
   * exponential backoff with full jitter, until the delivery window (from
   * acceptance, or from an operator's retry) is over, then dead letter.
   * Ignored (`stale`) when another worker has claimed the job since.
   */
  markEmailFailed(claim: EmailJobClaim, now: number, failure: DeliveryFailure): Promise<EmailFailureOutcome>;

  /**
   * The surge digest: emails of tips accepted during a surge (see
   * `AcceptTipInput.duringSurge`) are held, and go out together as one
   * digest at most every `intervalMs`: the first as soon as a tip is held
   * after a quiet interval, then the rest an interval later. Claims a due
   * digest (one that failed earlier and is due again), or gathers every held
   * email not yet in a digest into a new one; undefined when nothing is due.
   * Renewed with `renewEmailClaim` like an email batch.
   */
  claimDigest(now: number, options: { intervalMs: number; leaseMs: number }): Promise<DigestClaim | undefined>;
  /** The digest left: it and every email in it are delivered. */
  markDigestSent(claim: DigestClaim, now: number): Promise<void>;
  /**
   * A failed digest: temporary → retried with the emails' backoff; permanent
   * or past the delivery window → its emails are released to be sent one by
   * one (each then retries or becomes a dead letter as usual), so nothing is
   * lost behind a digest that cannot be sent. `stale` when the claim was lost.
   */
  markDigestFailed(claim: DigestClaim, now: number, failure: DeliveryFailure): Promise<DigestFailureOutcome>;

  /**
   * Leases up to `limit` undelivered intake tips, oldest accepted first, for
   * the configured visibility timeout. Expired leases are counted first (see
   * `expireIntakeLeases`), so the answer never depends on the worker having run.
   */
  claimIntake(now: number, limit: number): Promise<IntakeLease>;
  /** Marks leased tips delivered; references not (or no longer) held by this lease are returned as rejected. */
  ackIntake(leaseId: string, references: readonly string[], now: number): Promise<ReferenceOutcome>;
  /** Gives leased tips back at once, without counting an expired lease. */
  releaseIntake(leaseId: string, references: readonly string[], now: number): Promise<ReferenceOutcome>;
  /** Ends leases that ran out; after the configured number of expiries the intake job becomes a dead letter. */
  expireIntakeLeases(now: number): Promise<{ expired: number; deadLettered: number }>;
  /** Undelivered intake tips in the order they would be claimed (operator view; no tip content). */
  listIntakeQueue(now: number, limit: number): Promise<QueuedIntakeTip[]>;

  /** Dead letters of every channel (or one), oldest first. Kept until an operator retries or discards them. */
  listDeadLetters(channel?: Channel): Promise<DeadLetter[]>;
  /** Puts dead letters back in the queue with a fresh delivery window; returns what was retried. */
  retryDeadLetters(references: readonly string[], now: number, channel?: Channel): Promise<DeadLetterRef[]>;
  /** An operator gives up on dead letters: they count as finished, so retention purges their tips later. */
  discardDeadLetters(references: readonly string[], now: number, channel?: Channel): Promise<DeadLetterRef[]>;

  /**
   * Deletes tips accepted more than `retentionDays` before `now` whose every
   * job is finished (delivered or discarded), with their jobs, and every
   * idempotency key older than 24 hours. Undelivered and dead-lettered tips
   * stay. On SQLite the deleted content is overwritten (secure_delete) and
   * the WAL emptied; PostgreSQL reclaims it through (auto)vacuum.
   */
  purge(now: number, retentionDays: number): Promise<PurgeResult>;
}

export interface AcceptTipInput {
  /** From the form; absent for clients that send none (then every post is a new tip). */
  idempotencyKey: string | undefined;
  /** Already truncated to the minute by the caller. */
  acceptedAt: number;
  language: Locale;
  tip: Tip;
  flags: TipFlags;
  /**
   * Accepted while more tips than SURGE_TIPS came from everyone: its email is
   * held for the surge digest when the policy says so (`digestDuringSurge`).
   */
  duringSurge?: boolean;
}

export interface AcceptTipResult {
  reference: string;
  /** False when an earlier submission with the same idempotency key already stored this tip. */
  created: boolean;
}

/** A claimed email job; pass it back to `markEmailSent` / `markEmailFailed`. */
export interface EmailJobClaim {
  tip: AcceptedTip;
  /** Failed attempts before this one. */
  attempts: number;
  /** Identifies this claim, so a worker whose claim ran out cannot overwrite another's outcome. */
  claimId: string;
  claimedUntil: number;
}

/** Why a send failed, without any tip content: an error class and a short reason such as an SMTP code. */
export interface DeliveryFailure {
  kind: 'temporary' | 'permanent';
  errorClass: string;
  reason: string;
}

/** A claimed surge digest: the held emails it stands for, oldest first. */
export interface DigestClaim {
  digestId: number;
  /** The minute it was gathered (its Date and, with the id, its Message-ID). */
  createdAt: number;
  /** Failed attempts before this one. */
  attempts: number;
  claimId: string;
  claimedUntil: number;
  tips: AcceptedTip[];
}

export type DigestFailureOutcome =
  | { state: 'retry'; attempts: number; nextAttemptAt: number }
  | { state: 'released'; attempts: number; released: number }
  | { state: 'stale' };

export type EmailFailureOutcome =
  | { state: 'retry'; attempts: number; nextAttemptAt: number }
  | { state: 'dead'; attempts: number }
  | { state: 'stale' };

export interface IntakeLease {
  /** Empty when nothing was claimable; then `tips` is empty too. */
  leaseId: string;
  expiresAt: number;
  tips: AcceptedTip[];
}

export interface ReferenceOutcome {
  done: string[];
  rejected: string[];
}

export interface QueuedIntakeTip {
  reference: string;
  acceptedAt: number;
  /** Set while a consumer holds a lease that has not run out. */
  leasedUntil: number | null;
  expiredLeases: number;
}

export interface DeadLetterRef {
  reference: string;
  channel: Channel;
}

export interface DeadLetter extends DeadLetterRef {
  acceptedAt: number;
  /** Email: failed sends. Intake: expired leases. */
  attempts: number;
  /** "ErrorClass: reason", never tip content. */
  lastError: string | null;
  deadAt: number;
}

export interface HealthDetails {
  /** Undelivered, not dead-lettered jobs per channel. */
  queueDepth: Record<Channel, number>;
  /** Age of the oldest tip with an undelivered job (dead letters excluded), or null when none. */
  oldestUndeliveredAgeSeconds: number | null;
  deadLetters: Record<Channel, number>;
  honeypotCount: number;
  /** ISO 8601, minute precision, or null before the first email. */
  lastEmailSentAt: string | null;
  /**
   * Stored tips that never got an intake job: accepted while no consumer
   * could claim from the queue (INTAKE_TOKENS unset). They were emailed; they
   * will never appear in the intake queue.
   */
  tipsWithoutIntakeJob: number;
  /** Emails held for a surge digest that has not gone out yet. */
  emailsHeldForDigest: number;
}

export interface PurgeResult {
  tips: number;
  jobs: number;
  idempotencyKeys: number;
  /** When the oldest tip still stored was accepted (null when the store is empty), for the retention figure. */
  oldestTipAcceptedAt: number | null;
}
