import { randomUUID } from 'node:crypto';
import { toMinute } from '../accepted-tip.ts';
import { failureOutcome, type StorePolicy } from '../store-policy.ts';
import { decodeTip, type ClaimedEmailRow } from '../stored-tip.ts';
import type { DeliveryFailure, EmailFailureOutcome, EmailJobClaim } from '../tip-store.ts';
import type { Pool } from './connect.ts';

/**
 * The email outbox on PostgreSQL: due jobs are picked with
 * `FOR UPDATE SKIP LOCKED`, so concurrent workers (other processes or
 * instances) each take different rows without waiting for each other, and
 * the claim is one autocommitted statement.
 */
export function postgresEmailJobs(sql: Pool, policy: StorePolicy) {
  return {
    async claimEmailJobs(
      now: number,
      { limit, leaseMs }: { limit: number; leaseMs: number },
    ): Promise<EmailJobClaim[]> {
      const claimId = randomUUID();
      const claimedUntil = now + leaseMs;
      const rows = await sql<ClaimedEmailRow[]>`
        WITH due AS (
          SELECT tip_id FROM delivery_jobs
          WHERE channel = 'email' AND state = 'pending' AND NOT held AND next_attempt_at <= ${now}
            AND (claimed_until IS NULL OR claimed_until <= ${now})
          ORDER BY next_attempt_at, tip_id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        ), claimed AS (
          UPDATE delivery_jobs j SET claim_id = ${claimId}, claimed_until = ${claimedUntil}
          FROM due WHERE j.channel = 'email' AND j.tip_id = due.tip_id
          RETURNING j.tip_id, j.attempts, j.next_attempt_at
        )
        SELECT t.reference, t.accepted_at, t.language, t.payload, c.attempts
        FROM claimed c JOIN tips t ON t.id = c.tip_id
        ORDER BY c.next_attempt_at, c.tip_id`;
      return rows.map((row) => ({ tip: decodeTip(row), attempts: row.attempts, claimId, claimedUntil }));
    },

    async renewEmailClaim(claimId: string, now: number, leaseMs: number): Promise<number> {
      const [jobs, digests] = await Promise.all([
        sql`UPDATE delivery_jobs SET claimed_until = ${now + leaseMs}
            WHERE channel = 'email' AND state = 'pending' AND claim_id = ${claimId}`,
        sql`UPDATE email_digests SET claimed_until = ${now + leaseMs} WHERE state = 'pending' AND claim_id = ${claimId}`,
      ]);
      return jobs.count + digests.count;
    },

    async markEmailSent(claim: EmailJobClaim, now: number): Promise<void> {
      const minute = toMinute(now);
      await sql.begin(async (tx) => {
        const updated = await tx`
          UPDATE delivery_jobs j SET state = 'delivered', finished_at = ${minute}, next_attempt_at = ${minute},
            claim_id = NULL, claimed_until = NULL
          FROM tips t
          WHERE t.id = j.tip_id AND t.reference = ${claim.tip.reference} AND j.channel = 'email' AND j.state = 'pending'`;
        if (updated.count === 0) return;
        await tx`
          INSERT INTO counters (name, value) VALUES ('last_email_sent_at', ${minute})
          ON CONFLICT (name) DO UPDATE SET value = greatest(counters.value, excluded.value)`;
      });
    },

    async markEmailFailed(claim: EmailJobClaim, now: number, failure: DeliveryFailure): Promise<EmailFailureOutcome> {
      return sql.begin(async (tx): Promise<EmailFailureOutcome> => {
        const [job] = await tx<{ tip_id: number; attempts: number; window_start: number }[]>`
          SELECT j.tip_id, j.attempts, j.window_start FROM delivery_jobs j JOIN tips t ON t.id = j.tip_id
          WHERE j.channel = 'email' AND j.state = 'pending' AND t.reference = ${claim.tip.reference}
            AND j.claim_id = ${claim.claimId}
          FOR UPDATE OF j`;
        if (!job) return { state: 'stale' };
        const { attempts, lastError, decision } = failureOutcome(job, failure, now, policy);
        if (decision.state === 'dead') {
          await tx`
            UPDATE delivery_jobs SET state = 'dead', attempts = ${attempts}, finished_at = ${toMinute(now)},
              next_attempt_at = ${toMinute(now)},
              last_error = ${lastError}, claim_id = NULL, claimed_until = NULL
            WHERE channel = 'email' AND tip_id = ${job.tip_id}`;
          return { state: 'dead', attempts };
        }
        await tx`
          UPDATE delivery_jobs SET attempts = ${attempts}, next_attempt_at = ${decision.nextAttemptAt},
            last_error = ${lastError}, claim_id = NULL, claimed_until = NULL
          WHERE channel = 'email' AND tip_id = ${job.tip_id}`;
        return { state: 'retry', attempts, nextAttemptAt: decision.nextAttemptAt };
      });
    },
  };
}
