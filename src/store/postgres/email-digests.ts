import { randomUUID } from 'node:crypto';
import { toMinute } from '../accepted-tip.ts';
import { failureOutcome, type StorePolicy } from '../store-policy.ts';
import { decodeTip, type StoredTipRow } from '../stored-tip.ts';
import type { DeliveryFailure, DigestClaim, DigestFailureOutcome } from '../tip-store.ts';
import type { Pool } from './connect.ts';

/** Any constant works; every store process uses the same one to gather digests one at a time. */
const DIGEST_LOCK = 7_301_990_211;

interface DigestRow {
  id: number;
  created_at: number;
  attempts: number;
}

/**
 * The surge digest on PostgreSQL (see `TipStore.claimDigest`). Gathering
 * held emails into a new digest takes an advisory lock for its transaction,
 * so two workers never gather two digests at once; a digest due again is
 * picked with `FOR UPDATE SKIP LOCKED`.
 */
export function postgresEmailDigests(sql: Pool, policy: StorePolicy) {
  return {
    async claimDigest(now: number, { intervalMs, leaseMs }: { intervalMs: number; leaseMs: number }) {
      // Look without a lock first: most passes of a worker find no held email at all.
      const [work] = await sql<{ work: boolean }[]>`
        SELECT EXISTS (SELECT 1 FROM delivery_jobs WHERE state = 'pending' AND held)
          OR EXISTS (SELECT 1 FROM email_digests WHERE state = 'pending') AS work`;
      if (!work?.work) return undefined;
      return sql.begin(async (tx): Promise<DigestClaim | undefined> => {
        await tx`SELECT pg_advisory_xact_lock(${DIGEST_LOCK})`;
        let [digest] = await tx<DigestRow[]>`
          SELECT id, created_at, attempts FROM email_digests
          WHERE state = 'pending' AND next_attempt_at <= ${now} AND (claimed_until IS NULL OR claimed_until <= ${now})
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!digest) {
          const [last] = await tx<{ created_at: number | null }[]>`
            SELECT max(created_at) AS created_at FROM email_digests`;
          const lastAt = last?.created_at === null || last?.created_at === undefined ? null : Number(last.created_at);
          if (lastAt !== null && now - lastAt < intervalMs) return undefined;
          const [waiting] = await tx<{ n: number }[]>`
            SELECT count(*)::int AS n FROM delivery_jobs
            WHERE channel = 'email' AND state = 'pending' AND held AND digest_id IS NULL`;
          if ((waiting?.n ?? 0) === 0) return undefined;
          [digest] = await tx<DigestRow[]>`
            INSERT INTO email_digests (created_at, next_attempt_at) VALUES (${toMinute(now)}, ${toMinute(now)})
            RETURNING id, created_at, attempts`;
          if (!digest) return undefined;
          await tx`
            UPDATE delivery_jobs SET digest_id = ${digest.id}
            WHERE channel = 'email' AND state = 'pending' AND held AND digest_id IS NULL`;
        }
        const claimId = randomUUID();
        const claimedUntil = now + leaseMs;
        await tx`UPDATE email_digests SET claim_id = ${claimId}, claimed_until = ${claimedUntil} WHERE id = ${digest.id}`;
        const rows = await tx<StoredTipRow[]>`
          SELECT t.reference, t.accepted_at, t.language, t.payload
          FROM delivery_jobs j JOIN tips t ON t.id = j.tip_id
          WHERE j.channel = 'email' AND j.digest_id = ${digest.id} AND j.state = 'pending'
          ORDER BY t.accepted_at, t.id`;
        return {
          digestId: Number(digest.id),
          createdAt: Number(digest.created_at),
          attempts: digest.attempts,
          claimId,
          claimedUntil,
          tips: rows.map(decodeTip),
        };
      });
    },

    async markDigestSent(claim: DigestClaim, now: number): Promise<void> {
      const minute = toMinute(now);
      await sql.begin(async (tx) => {
        const updated = await tx`
          UPDATE email_digests SET state = 'delivered', finished_at = ${minute}, next_attempt_at = ${minute},
            claim_id = NULL, claimed_until = NULL
          WHERE id = ${claim.digestId} AND state = 'pending'`;
        if (updated.count === 0) return;
        await tx`
          UPDATE delivery_jobs SET state = 'delivered', finished_at = ${minute}, next_attempt_at = ${minute}
          WHERE channel = 'email' AND state = 'pending' AND digest_id = ${claim.digestId}`;
        await tx`
          INSERT INTO counters (name, value) VALUES ('last_email_sent_at', ${minute})
          ON CONFLICT (name) DO UPDATE SET value = greatest(counters.value, excluded.value)`;
      });
    },

    markDigestFailed(claim: DigestClaim, now: number, failure: DeliveryFailure): Promise<DigestFailureOutcome> {
      return sql.begin(async (tx): Promise<DigestFailureOutcome> => {
        const [digest] = await tx<DigestRow[]>`
          SELECT id, created_at, attempts FROM email_digests
          WHERE id = ${claim.digestId} AND state = 'pending' AND claim_id = ${claim.claimId} FOR UPDATE`;
        if (!digest) return { state: 'stale' };
        const job = { attempts: digest.attempts, window_start: Number(digest.created_at) };
        const { attempts, lastError, decision } = failureOutcome(job, failure, now, policy);
        if (decision.state === 'dead') {
          const minute = toMinute(now);
          await tx`
            UPDATE email_digests SET state = 'released', attempts = ${attempts}, finished_at = ${minute},
              next_attempt_at = ${minute}, last_error = ${lastError}, claim_id = NULL, claimed_until = NULL
            WHERE id = ${digest.id}`;
          const released = await tx`
            UPDATE delivery_jobs SET held = false, digest_id = NULL, next_attempt_at = ${minute}
            WHERE channel = 'email' AND state = 'pending' AND digest_id = ${digest.id}`;
          return { state: 'released', attempts, released: released.count };
        }
        await tx`
          UPDATE email_digests SET attempts = ${attempts}, next_attempt_at = ${decision.nextAttemptAt},
            last_error = ${lastError}, claim_id = NULL, claimed_until = NULL
          WHERE id = ${digest.id}`;
        return { state: 'retry', attempts, nextAttemptAt: decision.nextAttemptAt };
      });
    },
  };
}
