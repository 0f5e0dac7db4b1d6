import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { toMinute } from '../accepted-tip.ts';
import type { StorePolicy } from '../store-policy.ts';
import { decodeTip, type StoredTipRow } from '../stored-tip.ts';
import type { IntakeLease, QueuedIntakeTip, ReferenceOutcome } from '../tip-store.ts';

const LEASE_EXPIRED = 'LeaseExpired: not acknowledged in time';

/**
 * The intake queue on SQLite: leases are `claim_id`/`claimed_until` on the
 * tip's intake job; `attempts` counts expired leases. Every operation first
 * ends the leases that ran out, inside the same IMMEDIATE transaction, so
 * what a consumer sees depends only on the clock, not on the worker.
 */
export function sqliteIntakeQueue(db: Database, policy: StorePolicy) {
  const expire = db.prepare<[number, number, number, string, number], { state: string }>(
    `UPDATE delivery_jobs SET
       attempts = attempts + 1,
       state = CASE WHEN attempts + 1 >= ? THEN 'dead' ELSE 'pending' END,
       finished_at = CASE WHEN attempts + 1 >= ? THEN ? ELSE NULL END,
       last_error = ?, claim_id = NULL, claimed_until = NULL
     WHERE channel = 'intake' AND state = 'pending' AND claimed_until <= ?
     RETURNING state`,
  );
  const lease = db.prepare<[string, number, number], { tip_id: number }>(
    `UPDATE delivery_jobs SET claim_id = ?, claimed_until = ?
     WHERE channel = 'intake' AND tip_id IN (
       SELECT tip_id FROM delivery_jobs
       WHERE channel = 'intake' AND state = 'pending' AND claimed_until IS NULL
       ORDER BY tip_id LIMIT ?)
     RETURNING tip_id`,
  );
  const leasedTips = db.prepare<[string], StoredTipRow>(
    `SELECT t.reference, t.accepted_at, t.language, t.payload
     FROM delivery_jobs j JOIN tips t ON t.id = j.tip_id
     WHERE j.channel = 'intake' AND j.claim_id = ? ORDER BY t.id`,
  );
  const ack = db.prepare<[number, string, string]>(
    `UPDATE delivery_jobs SET state = 'delivered', finished_at = ?, claim_id = NULL, claimed_until = NULL
     WHERE channel = 'intake' AND state = 'pending' AND claim_id = ?
       AND tip_id = (SELECT id FROM tips WHERE reference = ?)`,
  );
  const release = db.prepare<[string, string]>(
    `UPDATE delivery_jobs SET claim_id = NULL, claimed_until = NULL
     WHERE channel = 'intake' AND state = 'pending' AND claim_id = ?
       AND tip_id = (SELECT id FROM tips WHERE reference = ?)`,
  );
  const queue = db.prepare<
    [number],
    { reference: string; accepted_at: number; claimed_until: number | null; attempts: number }
  >(
    `SELECT t.reference, t.accepted_at, j.claimed_until, j.attempts
     FROM delivery_jobs j JOIN tips t ON t.id = j.tip_id
     WHERE j.channel = 'intake' AND j.state = 'pending' ORDER BY j.tip_id LIMIT ?`,
  );

  const expireDue = (now: number) => {
    const rows = expire.all(policy.intakeMaxLeases, policy.intakeMaxLeases, toMinute(now), LEASE_EXPIRED, now);
    return { expired: rows.length, deadLettered: rows.filter((row) => row.state === 'dead').length };
  };

  const claim = db.transaction((now: number, limit: number): IntakeLease => {
    expireDue(now);
    const leaseId = randomUUID();
    const expiresAt = now + policy.intakeLeaseMs;
    if (lease.all(leaseId, expiresAt, limit).length === 0) return { leaseId: '', expiresAt, tips: [] };
    return { leaseId, expiresAt, tips: leasedTips.all(leaseId).map(decodeTip) };
  });

  /** Applies `update` to each reference held by the lease, after ending expired leases. */
  const settle = (update: (leaseId: string, reference: string, now: number) => boolean) =>
    db.transaction((leaseId: string, references: readonly string[], now: number): ReferenceOutcome => {
      expireDue(now);
      const outcome: ReferenceOutcome = { done: [], rejected: [] };
      for (const reference of new Set(references)) {
        (update(leaseId, reference, now) ? outcome.done : outcome.rejected).push(reference);
      }
      return outcome;
    });
  const ackAll = settle((leaseId, reference, now) => ack.run(toMinute(now), leaseId, reference).changes > 0);
  const releaseAll = settle((leaseId, reference) => release.run(leaseId, reference).changes > 0);
  const expireAll = db.transaction(expireDue);

  return {
    claimIntake: (now: number, limit: number) => claim.immediate(now, limit),
    ackIntake: (leaseId: string, references: readonly string[], now: number) =>
      ackAll.immediate(leaseId, references, now),
    releaseIntake: (leaseId: string, references: readonly string[], now: number) =>
      releaseAll.immediate(leaseId, references, now),
    expireIntakeLeases: (now: number) => expireAll.immediate(now),
    listIntakeQueue: (now: number, limit: number): QueuedIntakeTip[] =>
      queue.all(limit).map((row) => ({
        reference: row.reference,
        acceptedAt: row.accepted_at,
        leasedUntil: row.claimed_until !== null && row.claimed_until > now ? row.claimed_until : null,
        expiredLeases: row.attempts,
      })),
  };
}
