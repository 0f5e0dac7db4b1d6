import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { toMinute } from '../accepted-tip.ts';
import { failureOutcome, type StorePolicy } from '../store-policy.ts';
import { decodeTip, type ClaimedEmailRow } from '../stored-tip.ts';
import type { DeliveryFailure, EmailFailureOutcome, EmailJobClaim } from '../tip-store.ts';

/**
 * The email outbox on SQLite. A claim sets `claim_id`/`claimed_until` inside
 * an IMMEDIATE transaction (one writer at a time across every connection),
 * so two workers never hold the same job; a crashed worker's claim simply
 * runs out. Emails held for a surge digest are left to the digest
 * (sqlite/email-digests.ts).
 */
export function sqliteEmailJobs(db: Database, policy: StorePolicy) {
  const claimDue = db.prepare<[string, number, number, number, number], { tip_id: number }>(
    `UPDATE delivery_jobs SET claim_id = ?, claimed_until = ?
     WHERE channel = 'email' AND tip_id IN (
       SELECT tip_id FROM delivery_jobs
       WHERE channel = 'email' AND state = 'pending' AND held = 0 AND next_attempt_at <= ?
         AND (claimed_until IS NULL OR claimed_until <= ?)
       ORDER BY next_attempt_at, tip_id LIMIT ?)
     RETURNING tip_id`,
  );
  const claimedRows = db.prepare<[string], ClaimedEmailRow>(
    `SELECT t.reference, t.accepted_at, t.language, t.payload, j.attempts
     FROM delivery_jobs j JOIN tips t ON t.id = j.tip_id
     WHERE j.channel = 'email' AND j.claim_id = ? ORDER BY j.next_attempt_at, j.tip_id`,
  );
  // A finished job keeps no time finer than the minute: its first attempt came right after acceptance.
  const markSent = db.prepare<[number, number, string]>(
    `UPDATE delivery_jobs SET state = 'delivered', finished_at = ?, next_attempt_at = ?, claim_id = NULL,
       claimed_until = NULL
     WHERE channel = 'email' AND state = 'pending' AND tip_id = (SELECT id FROM tips WHERE reference = ?)`,
  );
  const renewJobs = db.prepare<[number, string]>(
    `UPDATE delivery_jobs SET claimed_until = ? WHERE channel = 'email' AND state = 'pending' AND claim_id = ?`,
  );
  const renewDigest = db.prepare<[number, string]>(
    `UPDATE email_digests SET claimed_until = ? WHERE state = 'pending' AND claim_id = ?`,
  );
  const renew = db.transaction(
    (claimId: string, until: number) => renewJobs.run(until, claimId).changes + renewDigest.run(until, claimId).changes,
  );
  const noteLastSent = db.prepare<[number]>(
    `INSERT INTO counters (name, value) VALUES ('last_email_sent_at', ?)
     ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)`,
  );
  const claimedJob = db.prepare<[string, string], { tip_id: number; attempts: number; window_start: number }>(
    `SELECT j.tip_id, j.attempts, j.window_start FROM delivery_jobs j JOIN tips t ON t.id = j.tip_id
     WHERE j.channel = 'email' AND j.state = 'pending' AND t.reference = ? AND j.claim_id = ?`,
  );
  const scheduleRetry = db.prepare<[number, number, string, number]>(
    `UPDATE delivery_jobs SET attempts = ?, next_attempt_at = ?, last_error = ?, claim_id = NULL, claimed_until = NULL
     WHERE channel = 'email' AND tip_id = ?`,
  );
  const deadLetter = db.prepare<[number, number, number, string, number]>(
    `UPDATE delivery_jobs SET state = 'dead', attempts = ?, finished_at = ?, next_attempt_at = ?, last_error = ?,
       claim_id = NULL, claimed_until = NULL
     WHERE channel = 'email' AND tip_id = ?`,
  );

  const claim = db.transaction((now: number, limit: number, leaseMs: number): EmailJobClaim[] => {
    const claimId = randomUUID();
    const claimedUntil = now + leaseMs;
    if (claimDue.all(claimId, claimedUntil, now, now, limit).length === 0) return [];
    return claimedRows.all(claimId).map((row) => ({
      tip: decodeTip(row),
      attempts: row.attempts,
      claimId,
      claimedUntil,
    }));
  });

  const sent = db.transaction((reference: string, now: number) => {
    const minute = toMinute(now);
    if (markSent.run(minute, minute, reference).changes > 0) noteLastSent.run(minute);
  });

  const failed = db.transaction(
    (claimRef: EmailJobClaim, now: number, failure: DeliveryFailure): EmailFailureOutcome => {
      const job = claimedJob.get(claimRef.tip.reference, claimRef.claimId);
      if (!job) return { state: 'stale' };
      const { attempts, lastError, decision } = failureOutcome(job, failure, now, policy);
      if (decision.state === 'dead') {
        deadLetter.run(attempts, toMinute(now), toMinute(now), lastError, job.tip_id);
        return { state: 'dead', attempts };
      }
      scheduleRetry.run(attempts, decision.nextAttemptAt, lastError, job.tip_id);
      return { state: 'retry', attempts, nextAttemptAt: decision.nextAttemptAt };
    },
  );

  return {
    claimEmailJobs: (now: number, { limit, leaseMs }: { limit: number; leaseMs: number }) =>
      claim.immediate(now, limit, leaseMs),
    renewEmailClaim: (claimId: string, now: number, leaseMs: number) => renew.immediate(claimId, now + leaseMs),
    markEmailSent: (claimRef: EmailJobClaim, now: number) => sent.immediate(claimRef.tip.reference, now),
    markEmailFailed: (claimRef: EmailJobClaim, now: number, failure: DeliveryFailure) =>
      failed.immediate(claimRef, now, failure),
  };
}
