import { CHANNELS, type Channel } from '../accepted-tip.ts';
import { IDEMPOTENCY_WINDOW_MS } from '../store-policy.ts';
import type { HealthDetails, PurgeResult } from '../tip-store.ts';
import type { Pool } from './connect.ts';
import { postgresForgetPurgedTips } from '../staff/postgres-forget-purged.ts';
import { postgresFoldPurgedTips } from './lagesbild/fold.ts';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Honeypot counter, health figures and the retention purge on PostgreSQL.
 * PostgreSQL has no secure_delete: deleted rows stay in the table's pages
 * until (auto)vacuum frees the space and new rows overwrite it. Run it on
 * encrypted storage (README "Running at scale").
 */
export function postgresMaintenance(sql: Pool) {
  return {
    async recordHoneypot(): Promise<void> {
      await sql`
        INSERT INTO counters (name, value) VALUES ('honeypot', 1)
        ON CONFLICT (name) DO UPDATE SET value = counters.value + 1`;
    },

    async healthDetails(now: number): Promise<HealthDetails> {
      const [counts, [oldest], counters, [withoutIntake], [held]] = await Promise.all([
        sql<{ channel: Channel; state: string; n: number }[]>`
          SELECT channel, state, count(*)::int AS n FROM delivery_jobs
          WHERE state IN ('pending', 'dead') GROUP BY channel, state`,
        sql<{ accepted_at: number | null }[]>`
          SELECT min(t.accepted_at) AS accepted_at FROM delivery_jobs j JOIN tips t ON t.id = j.tip_id
          WHERE j.state = 'pending'`,
        sql<{ name: string; value: number }[]>`SELECT name, value FROM counters`,
        sql<{ n: number }[]>`
          SELECT count(*)::int AS n FROM tips t
          WHERE NOT EXISTS (SELECT 1 FROM delivery_jobs j WHERE j.tip_id = t.id AND j.channel = 'intake')`,
        sql<{ n: number }[]>`
          SELECT count(*)::int AS n FROM delivery_jobs WHERE channel = 'email' AND state = 'pending' AND held`,
      ]);
      const queueDepth = Object.fromEntries(CHANNELS.map((channel) => [channel, 0])) as Record<Channel, number>;
      const deadLetters = { ...queueDepth };
      for (const row of counts) (row.state === 'pending' ? queueDepth : deadLetters)[row.channel] = row.n;
      const oldestAt = oldest?.accepted_at ?? null;
      const values = new Map(counters.map((row) => [row.name, row.value]));
      const lastSent = values.get('last_email_sent_at');
      return {
        queueDepth,
        oldestUndeliveredAgeSeconds: oldestAt === null ? null : Math.max(0, Math.floor((now - oldestAt) / 1000)),
        deadLetters,
        honeypotCount: values.get('honeypot') ?? 0,
        lastEmailSentAt: lastSent === undefined ? null : new Date(lastSent).toISOString(),
        tipsWithoutIntakeJob: withoutIntake?.n ?? 0,
        emailsHeldForDigest: held?.n ?? 0,
      };
    },

    purge: (now: number, retentionDays: number): Promise<PurgeResult> =>
      sql.begin(async (tx) => {
        const keys = await tx`DELETE FROM idempotency_keys WHERE created_at <= ${now - IDEMPOTENCY_WINDOW_MS}`;
        const purgeable = await tx<{ id: number }[]>`
          SELECT id FROM tips WHERE accepted_at < ${now - retentionDays * DAY_MS} AND NOT EXISTS (
            SELECT 1 FROM delivery_jobs j WHERE j.tip_id = tips.id AND j.state IN ('pending', 'dead'))
          FOR UPDATE`;
        const ids = tx.array(purgeable.map((row) => row.id));
        let jobs = 0;
        let tips = 0;
        if (purgeable.length > 0) {
          // The lägesbild keeps each tip's count (per week, no text, no reference) before the tip goes.
          await postgresFoldPurgedTips(
            tx,
            purgeable.map((row) => row.id),
          );
          // The audit trail keeps who did what and when, not which tip (THREATS S7).
          await postgresForgetPurgedTips(
            tx,
            purgeable.map((row) => row.id),
          );
          jobs = (await tx`DELETE FROM delivery_jobs WHERE tip_id = ANY(${ids}::bigint[])`).count;
          tips = (await tx`DELETE FROM tips WHERE id = ANY(${ids}::bigint[])`).count;
        }
        // A digest row names no tip; it goes once none of its emails is left.
        await tx`
          DELETE FROM email_digests WHERE state <> 'pending'
            AND NOT EXISTS (SELECT 1 FROM delivery_jobs j WHERE j.digest_id = email_digests.id)`;
        const [oldest] = await tx<{ accepted_at: number | null }[]>`SELECT min(accepted_at) AS accepted_at FROM tips`;
        return {
          tips,
          jobs,
          idempotencyKeys: keys.count,
          oldestTipAcceptedAt: oldest?.accepted_at ?? null,
        };
      }),
  };
}
