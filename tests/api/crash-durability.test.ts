import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tipFixture } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { postTipJson, servedForm } from '../helpers/tip-client.ts';

/**
 * THREATS #11: load plus repeated SIGKILL of the server. Every reference
 * that was acknowledged (201) exists after restart and is delivered, by
 * email and through the intake queue. A duplicate email can only come from
 * a kill between the SMTP server's acceptance and the commit of the sent
 * mark; it carries the same Message-ID, and the test reports how many.
 */

const TOKEN = 'crash-intake-token-0123456789abcdef01234';
const ROUNDS = 3;
const CONCURRENCY = 6;

let sink: SmtpSink | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'trygghet-crash-'));
afterAll(async () => {
  await sink?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function env(smtpUrl: string): Record<string, string> {
  return {
    SMTP_URL: smtpUrl,
    INTAKE_TOKENS: TOKEN,
    WORKER_POLL_MS: '20',
    // Emails a killed worker had claimed wait for the claim to run out; keep that short here.
    WORKER_CLAIM_SECONDS: '2',
    RATE_LIMIT_CLIENT_POSTS: '1000000/1m',
    RATE_LIMIT_CLIENT_TIPS: '1000000/1m',
    RATE_LIMIT_CLIENT_TIPS_PER_DAY: '1000000',
    RATE_LIMIT_GLOBAL_TIPS: '1000000/1m',
    // Every acknowledged tip is emailed on its own, however many the load sends.
    SURGE_TIPS: '999999',
  };
}

/** Posts tips from several connections until told to stop or the server dies, pushing each acknowledged reference. */
async function load(server: TestServer, until: () => boolean, acked: string[]): Promise<void> {
  const { formToken } = await servedForm(server.url);
  const fields = tipFixture('minimal').fields;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (!until()) {
        try {
          const form = { formToken, idempotencyKey: randomBytes(16).toString('base64url') };
          const response = await postTipJson(server.url, fields, { form });
          if (response.status !== 201) throw new Error(`unexpected ${response.status}: ${response.body}`);
          acked.push((JSON.parse(response.body) as { reference: string }).reference);
        } catch (error) {
          if (error instanceof Error && /unexpected/.test(error.message)) throw error;
          return; // The server was killed under this request: it was never acknowledged.
        }
      }
    }),
  );
}

async function claimAll(server: TestServer): Promise<Set<string>> {
  const seen = new Set<string>();
  for (;;) {
    const response = await fetch(`${server.url}/api/intake/claim`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ limit: 100 }),
    });
    expect(response.status).toBe(200);
    const lease = (await response.json()) as { tips: { reference: string }[] };
    if (lease.tips.length === 0) return seen;
    for (const tip of lease.tips) seen.add(tip.reference);
  }
}

describe('crash durability', () => {
  it('loses no acknowledged tip across repeated kill -9 under load', async () => {
    sink = await startSmtpSink();
    const acknowledged = new Set<string>();
    for (let round = 1; round <= ROUNDS; round += 1) {
      const server = await startServer({ dataDir, env: env(sink.url) });
      let killed = false;
      const acked: string[] = [];
      const running = load(server, () => killed, acked);
      // Kill mid-stream once this round has enough acknowledged tips (or after a few seconds on a slow machine).
      const started = Date.now();
      while (acked.length < 25 && Date.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 2));
      await server.kill();
      killed = true;
      await running;
      for (const reference of acked) acknowledged.add(reference);
    }
    expect(acknowledged.size).toBeGreaterThan(20);

    const server = await startServer({ dataDir, env: env(sink.url) });
    try {
      const deadline = Date.now() + 30_000;
      const delivered = () =>
        new Set(sink?.messages.map((m) => /tip-([A-Z0-9-]+)@/.exec(m.parsed.messageId ?? '')?.[1]));
      while ([...acknowledged].some((ref) => !delivered().has(ref)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const lost = [...acknowledged].filter((ref) => !delivered().has(ref));
      expect(lost, 'acknowledged but never emailed').toEqual([]);
      const intake = await claimAll(server);
      expect(
        [...acknowledged].filter((ref) => !intake.has(ref)),
        'acknowledged but not in the intake queue',
      ).toEqual([]);

      const counts = new Map<string, number>();
      for (const message of sink.messages)
        counts.set(message.parsed.messageId ?? '', (counts.get(message.parsed.messageId ?? '') ?? 0) + 1);
      const duplicates = [...counts.values()].filter((n) => n > 1).reduce((sum, n) => sum + n - 1, 0);
      console.info(
        `crash: ${ROUNDS} kills, ${acknowledged.size} acknowledged, ${sink.messages.length} emails, ${duplicates} duplicate(s) (same Message-ID), 0 lost`,
      );
    } finally {
      await server.stop({ keepData: true });
    }
  }, 120_000);
});
