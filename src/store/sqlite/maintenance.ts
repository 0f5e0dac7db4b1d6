import type { Database } from 'better-sqlite3';
import { CHANNELS, type Channel } from '../accepted-tip.ts';
import { IDEMPOTENCY_WINDOW_MS } from '../store-policy.ts';
import type { HealthDetails, PurgeResult } from '../tip-store.ts';
import { sqliteForgetPurgedTips } from '../staff/sqlite-forget-purged.ts';
import { sqliteFoldPurgedTips } from './lagesbild/fold.ts';

const DAY_MS = 24 * 60 * 60_000;

/** Honeypot counter, health figures and the retention purge on SQLite. */
export function sqliteMaintenance(db: Database) {
  const countHoneypot = db.prepare(
    `INSERT INTO counters (name, value) VALUES ('honeypot', 1)
     ON CONFLICT (name) DO UPDATE SET value = value + 1`,
  );
  const jobCounts = db.prepare<[], { channel: Channel; state: string; n: number }>(
    `SELECT channel, state, count(*) AS n FROM delivery_jobs
     WHERE state IN ('pending', 'dead') GROUP BY channel, state`,
  );
  const oldestUndelivered = db.prepare<[], { accepted_at: number | null }>(
    `SELECT min(t.accepted_at) AS accepted_at FROM delivery_jobs j JOIN tips t ON t.id = j.tip_id
     WHERE j.state = 'pending'`,
  );
  const counters = db.prepare<[], { name: string; value: number }>('SELECT name, value FROM counters');
  const heldForDigest = db.prepare<[], { n: number }>(
    `SELECT count(*) AS n FROM delivery_jobs WHERE channel = 'email' AND state = 'pending' AND held = 1`,
  );
  const deleteDigests = db.prepare(
    `DELETE FROM email_digests WHERE state <> 'pending'
       AND NOT EXISTS (SELECT 1 FROM delivery_jobs j WHERE j.digest_id = email_digests.id)`,
  );
  const withoutIntake = db.prepare<[], { n: number }>(
    `SELECT count(*) AS n FROM tips t
     WHERE NOT EXISTS (SELECT 1 FROM delivery_jobs j WHERE j.tip_id = t.id AND j.channel = 'intake')`,
  );
  const expiredKeys = db.prepare<[number]>('DELETE FROM idempotency_keys WHERE created_at <= ?');
  const purgeable = db.prepare<[number], { id: number }>(
    `SELECT id FROM tips WHERE accepted_at < ? AND NOT EXISTS (
       SELECT 1 FROM delivery_jobs j WHERE j.tip_id = tips.id AND j.state IN ('pending', 'dead'))`,
  );
  const deleteJobs = db.prepare<[string]>('DELETE FROM delivery_jobs WHERE tip_id IN (SELECT value FROM json_each(?))');
  const deleteTips = db.prepare<[string]>('DELETE FROM tips WHERE id IN (SELECT value FROM json_each(?))');
  const oldestTip = db.prepare<[], { accepted_at: number | null }>('SELECT min(accepted_at) AS accepted_at FROM tips');
  const foldIntoLagesbild = sqliteFoldPurgedTips(db);
  const forgetInAudit = sqliteForgetPurgedTips(db);

  const purge = db.transaction((now: number, retentionDays: number): PurgeResult => {
    const idempotencyKeys = expiredKeys.run(now - IDEMPOTENCY_WINDOW_MS).changes;
    const ids = JSON.stringify(purgeable.all(now - retentionDays * DAY_MS).map((row) => row.id));
    // The lägesbild keeps each tip's count (per week, no text, no reference) before the tip goes.
    foldIntoLagesbild(ids);
    // The audit trail keeps who did what and when, not which tip (THREATS S7).
    forgetInAudit(ids);
    const jobs = deleteJobs.run(ids).changes;
    const tips = deleteTips.run(ids).changes;
    // A digest row names no tip; it goes once none of its emails is left.
    deleteDigests.run();
    return { tips, jobs, idempotencyKeys, oldestTipAcceptedAt: oldestTip.get()?.accepted_at ?? null };
  });

  return {
    recordHoneypot: () => {
      countHoneypot.run();
    },
    healthDetails: (now: number): HealthDetails => {
      const queueDepth = Object.fromEntries(CHANNELS.map((channel) => [channel, 0])) as Record<Channel, number>;
      const deadLetters = { ...queueDepth };
      for (const row of jobCounts.all()) (row.state === 'pending' ? queueDepth : deadLetters)[row.channel] = row.n;
      const oldest = oldestUndelivered.get()?.accepted_at ?? null;
      const values = new Map(counters.all().map((row) => [row.name, row.value]));
      const lastSent = values.get('last_email_sent_at');
      return {
        queueDepth,
        oldestUndeliveredAgeSeconds: oldest === null ? null : Math.max(0, Math.floor((now - oldest) / 1000)),
        deadLetters,
        honeypotCount: values.get('honeypot') ?? 0,
        lastEmailSentAt: lastSent === undefined ? null : new Date(lastSent).toISOString(),
        tipsWithoutIntakeJob: withoutIntake.get()?.n ?? 0,
        emailsHeldForDigest: heldForDigest.get()?.n ?? 0,
      };
    },
    purge: (now: number, retentionDays: number): PurgeResult => {
      const result = purge.immediate(now, retentionDays);
      if (result.tips > 0) {
        // secure_delete zeroes a deleted row, but not the stale copies of rows
        // that b-tree page splits left in the unused middle of other pages
        // (found by searching the file for purged references): rebuilding the
        // file drops them. Writers wait meanwhile (busy timeout).
        db.exec('VACUUM');
        // Move the rebuilt pages into the main file and empty the WAL, so no
        // copy of a purged tip lingers in old WAL frames.
        db.pragma('wal_checkpoint(TRUNCATE)');
      }
      return result;
    },
  };
}
