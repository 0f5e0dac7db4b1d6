import { randomUUID } from 'node:crypto';
import { toMinute } from '../accepted-tip.ts';
import type { StorePolicy } from '../store-policy.ts';
import { decodeTip, type StoredTipRow } from '../stored-tip.ts';
import type { IntakeLease, QueuedIntakeTip, ReferenceOutcome } from '../tip-store.ts';
import type { Pool, Sql } from './connect.ts';

const LEASE_EXPIRED = 'LeaseExpired: not acknowledged in time';

/**
 * The intake queue on PostgreSQL. Same rules as SQLite's: expired leases are
 * ended first in the same transaction; new leases take the oldest
 * claimable tips with `FOR UPDATE SKIP LOCKED`, so two consumers claiming at
 * once get different tips.
 */
export function postgresIntakeQueue(sql: Pool, policy: StorePolicy) {
  const expireDue = async (db: Sql, now: number) => {
    const rows = await db<{ state: string }[]>`
      UPDATE delivery_jobs SET
        attempts = attempts + 1,
        state = CASE WHEN attempts + 1 >= ${policy.intakeMaxLeases} THEN 'dead' ELSE 'pending' END,
        finished_at = CASE WHEN attempts + 1 >= ${policy.intakeMaxLeases} THEN ${toMinute(now)}::bigint END,
        last_error = ${LEASE_EXPIRED}, claim_id = NULL, claimed_until = NULL
      WHERE channel = 'intake' AND state = 'pending' AND claimed_until <= ${now}
      RETURNING state`;
    return { expired: rows.length, deadLettered: rows.filter((row) => row.state === 'dead').length };
  };

  /** Applies `update` to the references the lease holds, after ending expired leases. */
  const settle =
    (update: (db: Sql, leaseId: string, references: string[], now: number) => Promise<{ reference: string }[]>) =>
    (leaseId: string, references: readonly string[], now: number): Promise<ReferenceOutcome> =>
      sql.begin(async (tx) => {
        await expireDue(tx, now);
        const wanted = [...new Set(references)];
        const changed = new Set((await update(tx, leaseId, wanted, now)).map((row) => row.reference));
        return {
          done: wanted.filter((reference) => changed.has(reference)),
          rejected: wanted.filter((reference) => !changed.has(reference)),
        };
      });

  return {
    claimIntake: (now: number, limit: number): Promise<IntakeLease> =>
      sql.begin(async (tx) => {
        await expireDue(tx, now);
        const leaseId = randomUUID();
        const expiresAt = now + policy.intakeLeaseMs;
        const rows = await tx<StoredTipRow[]>`
          WITH claimable AS (
            SELECT tip_id FROM delivery_jobs
            WHERE channel = 'intake' AND state = 'pending' AND claimed_until IS NULL
            ORDER BY tip_id
            LIMIT ${limit}
            FOR UPDATE SKIP LOCKED
          ), leased AS (
            UPDATE delivery_jobs j SET claim_id = ${leaseId}, claimed_until = ${expiresAt}
            FROM claimable WHERE j.channel = 'intake' AND j.tip_id = claimable.tip_id
            RETURNING j.tip_id
          )
          SELECT t.reference, t.accepted_at, t.language, t.payload
          FROM leased l JOIN tips t ON t.id = l.tip_id ORDER BY t.id`;
        if (rows.length === 0) return { leaseId: '', expiresAt, tips: [] };
        return { leaseId, expiresAt, tips: rows.map(decodeTip) };
      }),

    ackIntake: settle(
      (db, leaseId, references, now) => db<{ reference: string }[]>`
        UPDATE delivery_jobs j SET state = 'delivered', finished_at = ${toMinute(now)}, claim_id = NULL,
          claimed_until = NULL
        FROM tips t
        WHERE t.id = j.tip_id AND j.channel = 'intake' AND j.state = 'pending' AND j.claim_id = ${leaseId}
          AND t.reference = ANY(${db.array(references)}::text[])
        RETURNING t.reference`,
    ),

    releaseIntake: settle(
      (db, leaseId, references) => db<{ reference: string }[]>`
        UPDATE delivery_jobs j SET claim_id = NULL, claimed_until = NULL
        FROM tips t
        WHERE t.id = j.tip_id AND j.channel = 'intake' AND j.state = 'pending' AND j.claim_id = ${leaseId}
          AND t.reference = ANY(${db.array(references)}::text[])
        RETURNING t.reference`,
    ),

    expireIntakeLeases: (now: number) => sql.begin((tx) => expireDue(tx, now)),

    async listIntakeQueue(now: number, limit: number): Promise<QueuedIntakeTip[]> {
      const rows = await sql<
        { reference: string; accepted_at: number; claimed_until: number | null; attempts: number }[]
      >`
        SELECT t.reference, t.accepted_at, j.claimed_until, j.attempts
        FROM delivery_jobs j JOIN tips t ON t.id = j.tip_id
        WHERE j.channel = 'intake' AND j.state = 'pending' ORDER BY j.tip_id LIMIT ${limit}`;
      return rows.map((row) => ({
        reference: row.reference,
        acceptedAt: row.accepted_at,
        leasedUntil: row.claimed_until !== null && row.claimed_until > now ? row.claimed_until : null,
        expiredLeases: row.attempts,
      }));
    },
  };
}
