import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { toMinute } from '../accepted-tip.ts';
import { failureOutcome, type StorePolicy } from '../store-policy.ts';
import { decodeTip, type StoredTipRow } from '../stored-tip.ts';
import type { DeliveryFailure, DigestClaim, DigestFailureOutcome } from '../tip-store.ts';

interface DigestRow {
  id: number;
  created_at: number;
  attempts: number;
}

/**
 * The surge digest on SQLite (see `TipStore.claimDigest`): held emails are
 * gathered into an `email_digests` row inside an IMMEDIATE transaction, so
 * two workers never gather the same email twice or two digests at once.
 */
export function sqliteEmailDigests(db: Database, policy: StorePolicy) {
  // Read without the write lock first: most passes of the worker find no held email at all.
  const anyWork = db.prepare<[], { work: number }>(
    `SELECT EXISTS (SELECT 1 FROM delivery_jobs WHERE state = 'pending' AND held = 1)
       OR EXISTS (SELECT 1 FROM email_digests WHERE state = 'pending') AS work`,
  );
  const dueDigest = db.prepare<[number, number], DigestRow>(
    `SELECT id, created_at, attempts FROM email_digests
     WHERE state = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
     ORDER BY id LIMIT 1`,
  );
  const lastGathered = db.prepare<[], { created_at: number | null }>(
    'SELECT max(created_at) AS created_at FROM email_digests',
  );
  const ungathered = db.prepare<[], { n: number }>(
    `SELECT count(*) AS n FROM delivery_jobs
     WHERE channel = 'email' AND state = 'pending' AND held = 1 AND digest_id IS NULL`,
  );
  const createDigest = db.prepare<[number, number], DigestRow>(
    `INSERT INTO email_digests (created_at, next_attempt_at) VALUES (?, ?) RETURNING id, created_at, attempts`,
  );
  const gather = db.prepare<[number]>(
    `UPDATE delivery_jobs SET digest_id = ?
     WHERE channel = 'email' AND state = 'pending' AND held = 1 AND digest_id IS NULL`,
  );
  const claimRow = db.prepare<[string, number, number]>(
    'UPDATE email_digests SET claim_id = ?, claimed_until = ? WHERE id = ?',
  );
  const digestTips = db.prepare<[number], StoredTipRow>(
    `SELECT t.reference, t.accepted_at, t.language, t.payload
     FROM delivery_jobs j JOIN tips t ON t.id = j.tip_id
     WHERE j.channel = 'email' AND j.digest_id = ? AND j.state = 'pending' ORDER BY t.accepted_at, t.id`,
  );
  const markDigest = db.prepare<[number, number, number]>(
    `UPDATE email_digests SET state = 'delivered', finished_at = ?, next_attempt_at = ?, claim_id = NULL,
       claimed_until = NULL
     WHERE id = ? AND state = 'pending'`,
  );
  const markJobs = db.prepare<[number, number, number]>(
    `UPDATE delivery_jobs SET state = 'delivered', finished_at = ?, next_attempt_at = ?
     WHERE channel = 'email' AND state = 'pending' AND digest_id = ?`,
  );
  const noteLastSent = db.prepare<[number]>(
    `INSERT INTO counters (name, value) VALUES ('last_email_sent_at', ?)
     ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)`,
  );
  const claimedDigest = db.prepare<[number, string], DigestRow>(
    `SELECT id, created_at, attempts FROM email_digests WHERE id = ? AND state = 'pending' AND claim_id = ?`,
  );
  const scheduleRetry = db.prepare<[number, number, string, number]>(
    `UPDATE email_digests SET attempts = ?, next_attempt_at = ?, last_error = ?, claim_id = NULL, claimed_until = NULL
     WHERE id = ?`,
  );
  const releaseDigest = db.prepare<[number, number, number, string, number]>(
    `UPDATE email_digests SET state = 'released', attempts = ?, finished_at = ?, next_attempt_at = ?,
       last_error = ?, claim_id = NULL, claimed_until = NULL
     WHERE id = ?`,
  );
  const releaseJobs = db.prepare<[number, number]>(
    `UPDATE delivery_jobs SET held = 0, digest_id = NULL, next_attempt_at = ?
     WHERE channel = 'email' AND state = 'pending' AND digest_id = ?`,
  );

  const claim = db.transaction((now: number, intervalMs: number, leaseMs: number): DigestClaim | undefined => {
    let digest = dueDigest.get(now, now);
    if (!digest) {
      const last = lastGathered.get()?.created_at ?? null;
      const quietLongEnough = last === null || now - last >= intervalMs;
      if (!quietLongEnough || (ungathered.get()?.n ?? 0) === 0) return undefined;
      digest = createDigest.get(toMinute(now), toMinute(now));
      if (!digest) return undefined;
      gather.run(digest.id);
    }
    const claimId = randomUUID();
    const claimedUntil = now + leaseMs;
    claimRow.run(claimId, claimedUntil, digest.id);
    return {
      digestId: digest.id,
      createdAt: digest.created_at,
      attempts: digest.attempts,
      claimId,
      claimedUntil,
      tips: digestTips.all(digest.id).map(decodeTip),
    };
  });

  const sent = db.transaction((digestId: number, now: number) => {
    const minute = toMinute(now);
    if (markDigest.run(minute, minute, digestId).changes === 0) return;
    markJobs.run(minute, minute, digestId);
    noteLastSent.run(minute);
  });

  const failed = db.transaction(
    (claimRef: DigestClaim, now: number, failure: DeliveryFailure): DigestFailureOutcome => {
      const digest = claimedDigest.get(claimRef.digestId, claimRef.claimId);
      if (!digest) return { state: 'stale' };
      const job = { attempts: digest.attempts, window_start: digest.created_at };
      const { attempts, lastError, decision } = failureOutcome(job, failure, now, policy);
      if (decision.state === 'dead') {
        releaseDigest.run(attempts, toMinute(now), toMinute(now), lastError, digest.id);
        const released = releaseJobs.run(toMinute(now), digest.id).changes;
        return { state: 'released', attempts, released };
      }
      scheduleRetry.run(attempts, decision.nextAttemptAt, lastError, digest.id);
      return { state: 'retry', attempts, nextAttemptAt: decision.nextAttemptAt };
    },
  );

  return {
    claimDigest: (now: number, { intervalMs, leaseMs }: { intervalMs: number; leaseMs: number }) =>
      anyWork.get()?.work ? claim.immediate(now, intervalMs, leaseMs) : undefined,
    markDigestSent: (claimRef: DigestClaim, now: number) => sent.immediate(claimRef.digestId, now),
    markDigestFailed: (claimRef: DigestClaim, now: number, failure: DeliveryFailure) =>
      failed.immediate(claimRef, now, failure),
  };
}
