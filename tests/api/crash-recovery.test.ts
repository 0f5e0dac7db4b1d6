import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tipFixture } from '../helpers/fixtures.ts';
import { startServer } from '../helpers/server.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { postTipJson, servedForm } from '../helpers/tip-client.ts';

/**
 * THREATS #18: SIGKILL of the built server while it is sending a batch of
 * claimed emails through a slow relay, then an immediate restart with the
 * default settings (no WORKER_CLAIM_SECONDS override). Every acknowledged
 * tip must reach the real SMTP sink within 60 s of the restart; duplicates
 * (a message the relay took just before the kill) carry the same
 * Message-ID and are counted.
 */

const TIPS = 60;
const RECOVERY_LIMIT_MS = 60_000;

let sink: SmtpSink | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'trygghet-recovery-'));
afterAll(async () => {
  await sink?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const env = (smtpUrl: string) => ({
  SMTP_URL: smtpUrl,
  RATE_LIMIT_CLIENT_POSTS: '1000000/1m',
  RATE_LIMIT_CLIENT_TIPS: '1000000/1m',
  RATE_LIMIT_CLIENT_TIPS_PER_DAY: '1000000',
  RATE_LIMIT_GLOBAL_TIPS: '1000000/1m',
  SURGE_TIPS: '999999',
});

const referenceOf = (messageId: string | undefined) => /<tip-([A-Z0-9]{4}-[A-Z0-9]{4})@/.exec(messageId ?? '')?.[1];

/** Email jobs still claimed (pending, with a claim that has not run out) in the killed server's store. */
function claimedJobs(): number {
  const db = new BetterSqlite3(join(dataDir, 'tips.sqlite'));
  try {
    return (
      db
        .prepare<[number], { n: number }>(
          `SELECT count(*) AS n FROM delivery_jobs
         WHERE channel = 'email' AND state = 'pending' AND claim_id IS NOT NULL AND claimed_until > ?`,
        )
        .get(Date.now())?.n ?? 0
    );
  } finally {
    db.close();
  }
}

describe('crash recovery', () => {
  it('emails every acknowledged tip within 60 s of a restart after SIGKILL mid-batch', async () => {
    sink = await startSmtpSink();
    // 250 ms per message: the worker's batch is still in flight when the kill comes.
    sink.delayAcceptance(250);
    const server = await startServer({ dataDir, env: env(sink.url) });
    const form = await servedForm(server.url);
    const fields = tipFixture('minimal').fields;
    const acknowledged: string[] = [];
    for (let n = 0; n < TIPS; n += 1) {
      const response = await postTipJson(server.url, fields, {
        form: { ...form, idempotencyKey: `recovery-key-${String(n).padStart(6, '0')}` },
      });
      expect(response.status).toBe(201);
      acknowledged.push((JSON.parse(response.body) as { reference: string }).reference);
    }
    await sink.waitForMessages(3, 20_000);
    await server.kill();
    const claimed = claimedJobs();
    const beforeRestart = new Set(sink.messages.map((m) => referenceOf(m.parsed.messageId)));
    const waiting = acknowledged.filter((reference) => !beforeRestart.has(reference)).length;
    expect(claimed, 'emails claimed by the killed worker').toBeGreaterThan(0);

    sink.delayAcceptance(0);
    const restarted = await startServer({ dataDir, env: env(sink.url) });
    const restartedAt = Date.now();
    try {
      const delivered = () => new Set(sink?.messages.map((m) => referenceOf(m.parsed.messageId)));
      while (acknowledged.some((ref) => !delivered().has(ref)) && Date.now() - restartedAt < RECOVERY_LIMIT_MS + 5000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const recoveredInMs = Date.now() - restartedAt;
      const missing = acknowledged.filter((ref) => !delivered().has(ref));
      expect(missing, 'acknowledged but not emailed').toEqual([]);
      expect(recoveredInMs).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);

      const counts = new Map<string, number>();
      for (const message of sink.messages) {
        const id = message.parsed.messageId ?? '';
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
      console.info(
        `crash recovery: ${acknowledged.length} acknowledged, ${claimed} claimed at the kill, ${waiting} not yet emailed; ` +
          `all emailed ${(recoveredInMs / 1000).toFixed(1)} s after the restart, ${duplicates} duplicate(s) by Message-ID`,
      );
    } finally {
      await restarted.stop({ keepData: true });
    }
  }, 150_000);
});
