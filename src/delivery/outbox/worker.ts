import { setTimeout as delay } from 'node:timers/promises';
import type { Config } from '../../config/config.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DigestClaim, EmailJobClaim, PurgeResult, TipStore } from '../../store/tip-store.ts';
import type { AcceptedTip } from '../../store/accepted-tip.ts';
import { mapBounded } from './bounded.ts';
import { toDeliveryFailure } from './delivery-failure.ts';

/** What the worker needs of the mailer (the mail service's `TipMailer` fits). */
export interface TipSender {
  send(tip: AcceptedTip): Promise<{ messageId: string }>;
  /** The surge digest; a sender without it never gathers one (held emails then wait). */
  sendDigest?(
    digest: Pick<DigestClaim, 'digestId' | 'createdAt' | 'tips'> & { intervalMinutes: number },
  ): Promise<{ messageId: string }>;
}

/** Waits `ms`, or less when `signal` aborts (then it resolves, it does not throw). */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

const realSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined);

export interface WorkerOptions {
  store: TipStore;
  mailer: TipSender;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'worker' | 'retentionDays' | 'mail' | 'surge'>;
  sleep?: Sleep;
  /** Sends in flight at once; default twice the SMTP pool's connections, so the pool never idles. */
  concurrency?: number;
  /** Jobs claimed per run; a full batch makes the loop go on without waiting. */
  batchSize?: number;
  /** False: no background loop, only `runOnce()` (tests that move the clock themselves). */
  loop?: boolean;
  /** How often a batch's claim is renewed while it is being sent; default a third of the claim. */
  heartbeatMs?: number;
}

/** What one run did: counters only, nothing about any tip. */
export interface WorkerRun {
  claimed: number;
  sent: number;
  retried: number;
  deadLettered: number;
  /** Claims that another worker had taken over meanwhile (their outcome was not recorded). */
  stale: number;
  /** Outcomes the store could not record (the claim runs out and the job is tried again). */
  unrecorded: number;
  expiredLeases: number;
  intakeDeadLettered: number;
  /** Surge digests sent (each stands for `digestedTips` held emails), or failed. */
  digests: { sent: number; tips: number; failed: number };
  /** Set on the first run of each UTC day. */
  purged: PurgeResult | null;
}

export interface OutboxWorker {
  /** One pass: end expired intake leases, purge if a new UTC day began, send the due emails. Runs never overlap. */
  runOnce(): Promise<WorkerRun>;
  /** Starts the next pass now instead of after the poll interval (e.g. right after a tip was accepted). */
  wake(): void;
  /** Stops polling and waits for the sends in flight to finish and be recorded. */
  stop(): Promise<void>;
}

type SendOutcome = 'sent' | 'retry' | 'dead' | 'stale' | 'unrecorded';

/**
 * The outbox worker ("store first, send later", as FixMyStreet does): it
 * never runs inside a request. Runs in the server process by default and
 * alone as `npm run worker`; several workers may share one store, since
 * claims keep them off each other's jobs. Logs carry counters and error
 * classes at info level and references only at debug level; never tip
 * content (THREATS #5).
 */
export function startWorker(options: WorkerOptions): OutboxWorker {
  const { store, mailer, clock, logger, config } = options;
  const sleep = options.sleep ?? realSleep;
  const concurrency = options.concurrency ?? Math.max(2, config.mail.poolConnections * 2);
  const batchSize = options.batchSize ?? Math.max(concurrency * 4, 16);
  const heartbeatMs = options.heartbeatMs ?? Math.max(100, Math.floor(config.worker.claimMs / 3));
  let lastPurgeDay: string | undefined;
  let stopping = false;
  let nap = new AbortController();
  let running: Promise<unknown> = Promise.resolve();

  /** Sends one claimed email and records the outcome; per-tip details go to the debug log only. */
  const attempt = async (claim: EmailJobClaim, failures: Map<string, number>): Promise<SendOutcome> => {
    const { reference } = claim.tip;
    try {
      await mailer.send(claim.tip);
    } catch (error) {
      const failure = toDeliveryFailure(error);
      const outcome = await store.markEmailFailed(claim, clock(), failure);
      const label = `${failure.errorClass}: ${failure.reason}`;
      failures.set(label, (failures.get(label) ?? 0) + 1);
      logger.debug({ reference, channel: 'email', outcome: outcome.state, error: label }, 'outbox: send failed');
      return outcome.state;
    }
    // Sent: if recording fails now, the claim runs out and the tip is sent again with the
    // same Message-ID (at least once, never lost).
    await store.markEmailSent(claim, clock());
    logger.debug({ reference, channel: 'email', outcome: 'sent', attempts: claim.attempts + 1 }, 'outbox: sent');
    return 'sent';
  };

  /** Never rejects, so one failing store call cannot leave other sends running unobserved. */
  const deliver = (claim: EmailJobClaim, failures: Map<string, number>): Promise<SendOutcome> =>
    attempt(claim, failures).catch((error: unknown) => {
      const name = error instanceof Error ? error.name : 'UnknownError';
      logger.error({ channel: 'email', error: name }, 'outbox: outcome not recorded, the job will be tried again');
      return 'unrecorded';
    });

  /**
   * One line per run, without references: a per-tip line would carry a
   * millisecond timestamp right after the tip's acceptance, finer than the
   * minute the store keeps, and pair it with the reference.
   */
  const report = (run: WorkerRun, failures: Map<string, number>) => {
    if (run.claimed === 0) return;
    const fields = {
      channel: 'email',
      ...run,
      digests: undefined,
      purged: undefined,
      failures: Object.fromEntries(failures),
    };
    if (run.deadLettered > 0) {
      logger.error(fields, 'outbox: dead letters waiting for an operator (npm run intake -- list)');
    } else if (run.retried + run.unrecorded > 0) {
      logger.warn(fields, 'outbox: some sends failed and will be retried');
    } else {
      logger.info(fields, 'outbox: sent');
    }
  };

  /** A failed purge is logged and tried again on the next run; it never holds up sending. */
  const purgeIfNewDay = async (now: number): Promise<PurgeResult | null> => {
    const day = new Date(now).toISOString().slice(0, 10);
    if (day === lastPurgeDay) return null;
    let result: PurgeResult;
    try {
      result = await store.purge(now, config.retentionDays);
    } catch (error) {
      logger.error({ error: error instanceof Error ? error.name : 'UnknownError' }, 'retention: purge failed');
      return null;
    }
    lastPurgeDay = day;
    const { tips, jobs, idempotencyKeys, oldestTipAcceptedAt } = result;
    const oldestAgeDays = oldestTipAcceptedAt === null ? null : Math.floor((now - oldestTipAcceptedAt) / 86_400_000);
    logger.info(
      { tips, jobs, idempotencyKeys, oldestAgeDays, retentionDays: config.retentionDays },
      'retention: purge',
    );
    return result;
  };

  /**
   * Renews the batch's claim every `heartbeatMs` until `done` settles, so a
   * slow relay never lets another worker take (and send again) a live
   * worker's emails, while a crashed worker's claim runs out within one
   * (short) claim period. A failed renewal is logged and tried again.
   */
  const heartbeat = async (claimId: string, done: Promise<unknown>): Promise<void> => {
    const timer = setInterval(() => {
      store.renewEmailClaim(claimId, clock(), config.worker.claimMs).catch((error: unknown) => {
        const name = error instanceof Error ? error.name : 'UnknownError';
        logger.warn({ channel: 'email', error: name }, 'outbox: claim not renewed, trying again');
      });
    }, heartbeatMs);
    try {
      await done;
    } finally {
      clearInterval(timer);
    }
  };

  /** Sends the surge digest if one is due; one line at warn level says what was held and sent. */
  const sendDigest = async (now: number): Promise<WorkerRun['digests']> => {
    const none = { sent: 0, tips: 0, failed: 0 };
    const sender = mailer.sendDigest?.bind(mailer);
    if (!sender) return none;
    const digest = await store.claimDigest(now, {
      intervalMs: config.surge.digestIntervalMs,
      leaseMs: config.worker.claimMs,
    });
    if (!digest) return none;
    const tips = digest.tips.length;
    const intervalMinutes = Math.round(config.surge.digestIntervalMs / 60_000);
    const sending = sender({ ...digest, intervalMinutes }).then(
      () => undefined,
      (error: unknown) => toDeliveryFailure(error),
    );
    await heartbeat(digest.claimId, sending);
    const failure = await sending;
    if (!failure) {
      await store.markDigestSent(digest, clock());
      logger.warn({ channel: 'email', digestTips: tips }, 'surge: digest of held emails sent');
      return { sent: 1, tips, failed: 0 };
    }
    const outcome = await store.markDigestFailed(digest, clock(), failure);
    logger.error(
      { channel: 'email', digestTips: tips, outcome, error: `${failure.errorClass}: ${failure.reason}` },
      'surge: digest not sent',
    );
    return { sent: 0, tips, failed: 1 };
  };

  const pass = async (): Promise<WorkerRun> => {
    const now = clock();
    const leases = await store.expireIntakeLeases(now);
    if (leases.expired > 0) logger.info({ channel: 'intake', ...leases }, 'intake: leases expired');
    const purged = await purgeIfNewDay(now);
    const claims = await store.claimEmailJobs(now, { limit: batchSize, leaseMs: config.worker.claimMs });
    const failures = new Map<string, number>();
    const sending = mapBounded(claims, concurrency, (claim) => deliver(claim, failures));
    if (claims[0]) await heartbeat(claims[0].claimId, sending);
    const outcomes = await sending;
    const digests = await sendDigest(clock()).catch((error: unknown) => {
      logger.error({ error: error instanceof Error ? error.name : 'UnknownError' }, 'surge: digest failed');
      return { sent: 0, tips: 0, failed: 1 };
    });
    const count = (state: SendOutcome) => outcomes.filter((outcome) => outcome === state).length;
    const run: WorkerRun = {
      claimed: claims.length,
      sent: count('sent'),
      retried: count('retry'),
      deadLettered: count('dead'),
      stale: count('stale'),
      unrecorded: count('unrecorded'),
      expiredLeases: leases.expired,
      intakeDeadLettered: leases.deadLettered,
      digests,
      purged,
    };
    report(run, failures);
    return run;
  };

  const runOnce = (): Promise<WorkerRun> => {
    const next = running.then(pass, pass);
    running = next.catch(() => undefined);
    return next;
  };

  const loop = async () => {
    while (!stopping) {
      let full = false;
      try {
        full = (await runOnce()).claimed >= batchSize;
      } catch (error) {
        logger.error({ error: error instanceof Error ? error.name : 'UnknownError' }, 'outbox: run failed');
      }
      if (stopping || full) continue;
      await sleep(config.worker.pollMs, nap.signal);
      nap = new AbortController();
    }
  };
  const looping = options.loop === false ? Promise.resolve() : loop();

  return {
    runOnce,
    wake() {
      nap.abort();
    },
    async stop() {
      stopping = true;
      nap.abort();
      await looping;
      await running;
    },
  };
}
