import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { createMailer, type TipMailer } from '../../src/delivery/mail/mailer.ts';
import { startWorker } from '../../src/delivery/outbox/worker.ts';
import { createPostgresTipStore } from '../../src/store/postgres/postgres-tip-store.ts';
import type { AcceptTipInput, TipStore } from '../../src/store/tip-store.ts';
import { flagsOf, isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { TEST_POLICY } from '../helpers/store-policy.ts';

/**
 * Two workers, each with its own PostgreSQL pool (as two instances would
 * have), drain one outbox through a real SMTP sink: every tip arrives exactly
 * once, even while the relay refuses some sends. Also measures acceptTip on
 * PostgreSQL.
 */

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 30, 12, 0);

function sampleTip(): AcceptTipInput {
  const parsed = validateSubmission(tipFixture('full-swedish').fields, isoDate(T0 + 24 * HOUR));
  if (!parsed.success) throw new Error('fixture does not validate');
  const { lang: _lang, formToken: _token, idempotencyKey: _key, website: _honeypot, ...tip } = parsed.data;
  return { idempotencyKey: undefined, acceptedAt: T0, language: 'sv', tip, flags: flagsOf(tip) };
}

let server: TestPostgres;
let sink: SmtpSink;
beforeAll(async () => {
  [server, sink] = await Promise.all([startPostgres(), startSmtpSink()]);
});
afterAll(async () => {
  await Promise.all([server.stop(), sink.close()]);
});

describe('outbox on PostgreSQL', () => {
  it('delivers every tip exactly once with two workers on separate pools', async () => {
    const url = await server.createDatabase();
    const stores: TipStore[] = await Promise.all(
      [0, 1].map(() => createPostgresTipStore({ url, poolSize: 5, policy: TEST_POLICY, now: T0 })),
    );
    const config = loadConfig({ SMTP_URL: sink.url, SMTP_POOL_CONNECTIONS: '2' });
    const logger = createLogger('silent');
    const mailers: TipMailer[] = stores.map(() =>
      createMailer(config.mail, { dataDir: '/nonexistent', nodeEnv: 'test', logger, siteHost: 'trygghet.example' }),
    );
    const clock = manualClock(T0);
    try {
      const references = new Set<string>();
      const [first] = stores;
      if (!first) throw new Error('no store');
      for (let n = 0; n < 100; n += 1) references.add((await first.acceptTip(sampleTip())).reference);
      sink.failNext(10, 451);

      const workers = stores.map((store, n) =>
        startWorker({
          store,
          mailer: mailers[n] as TipMailer,
          clock,
          logger,
          config,
          batchSize: 8,
          loop: false,
        }),
      );
      let sent = 0;
      let retried = 0;
      for (let round = 0; round < 30 && sent < 100; round += 1) {
        const runs = await Promise.all(workers.map((worker) => worker.runOnce()));
        for (const run of runs) {
          sent += run.sent;
          retried += run.retried;
          expect(run.stale).toBe(0);
        }
        clock.advance(HOUR);
      }
      expect(sent).toBe(100);
      expect(retried).toBe(10);
      const ids = sink.messages.map((message) => message.parsed.messageId);
      expect(ids).toHaveLength(100);
      expect(new Set(ids)).toEqual(new Set([...references].map((reference) => `<tip-${reference}@trygghet.example>`)));
      expect((await first.healthDetails(clock())).queueDepth.email).toBe(0);
    } finally {
      await Promise.all(mailers.map((mailer) => mailer.close()));
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('accepts tips durably at a useful rate (figure)', async () => {
    const url = await server.createDatabase();
    const store = await createPostgresTipStore({ url, poolSize: 10, policy: TEST_POLICY, now: T0 });
    try {
      const count = 1000;
      const clients = 32;
      const input = sampleTip();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          for (let n = 0; n < count / clients; n += 1) await store.acceptTip(input);
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const rate = Math.round((Math.floor(count / clients) * clients) / seconds);
      console.info(`PostgreSQL acceptTip, synchronous_commit=on, pool 10, ${clients} concurrent callers: ${rate}/s`);
      expect(rate).toBeGreaterThan(50);
    } finally {
      await store.close();
    }
  });
});
