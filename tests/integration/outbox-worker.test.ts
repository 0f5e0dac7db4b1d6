import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { createMailer, type TipMailer } from '../../src/delivery/mail/mailer.ts';
import { PermanentDeliveryError, TemporaryDeliveryError } from '../../src/delivery/mail/errors.ts';
import { toDeliveryFailure } from '../../src/delivery/outbox/delivery-failure.ts';
import { startWorker, type TipSender, type WorkerRun } from '../../src/delivery/outbox/worker.ts';
import { createSqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import type { AcceptTipInput, TipStore } from '../../src/store/tip-store.ts';
import { flagsOf, isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { TEST_POLICY } from '../helpers/store-policy.ts';

/**
 * The outbox worker against a real SQLite store and a real smtp-server on
 * 127.0.0.1 with scripted faults (THREATS #12). The clock is moved to make
 * retries due; the only real waits are for SMTP I/O.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 30, 12, 0);
const CANARY = 'Kanariefågel-7Q2 beskrivning som aldrig får synas i loggarna';

function sampleTip(acceptedAt = T0): AcceptTipInput {
  const parsed = validateSubmission({ ...tipFixture('full-swedish').fields, description: CANARY }, isoDate(T0 + DAY));
  if (!parsed.success) throw new Error('fixture does not validate');
  const { lang: _lang, formToken: _token, idempotencyKey: _key, website: _honeypot, ...tip } = parsed.data;
  return { idempotencyKey: undefined, acceptedAt, language: 'sv', tip, flags: flagsOf(tip) };
}

let sink: SmtpSink;
let config: Config;
let dir: string;
let store: TipStore;
let mailer: TipMailer;
let clock: ReturnType<typeof manualClock>;
let logLines: string[];
const logger = () => createLogger('info', { write: (line: string) => logLines.push(line) });

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});
beforeEach(async () => {
  await sink.start();
  sink.reset();
  logLines = [];
  dir = mkdtempSync(join(tmpdir(), 'tips-outbox-'));
  config = loadConfig({ SMTP_URL: sink.url, SMTP_POOL_CONNECTIONS: '3', DATA_DIR: dir });
  clock = manualClock(T0);
  store = createSqliteTipStore({ file: join(dir, 'tips.sqlite'), policy: TEST_POLICY, now: T0 });
  mailer = createMailer(config.mail, { dataDir: dir, nodeEnv: 'test', logger: logger(), siteHost: 'trygghet.example' });
});
afterEach(async () => {
  await mailer.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const worker = (sender: TipSender = mailer, policyConfig = config) =>
  startWorker({ store, mailer: sender, clock, logger: logger(), config: policyConfig, loop: false });

/** Runs the worker, moving the clock an hour (the backoff cap) between runs, `runs` times. */
async function runHourly(run: () => Promise<WorkerRun>, runs: number): Promise<WorkerRun[]> {
  const results: WorkerRun[] = [];
  for (let n = 0; n < runs; n += 1) {
    results.push(await run());
    clock.advance(HOUR);
  }
  return results;
}

const total = (runs: WorkerRun[], key: 'sent' | 'retried' | 'deadLettered') =>
  runs.reduce((sum, run) => sum + run[key], 0);

describe('outbox worker with a real SMTP server', () => {
  it('delivers exactly once after 451 three times, then 250', async () => {
    const { reference } = await store.acceptTip(sampleTip());
    sink.failNext(3, 451);
    const runs = await runHourly(worker().runOnce, 6);
    expect(total(runs, 'retried')).toBe(3);
    expect(total(runs, 'sent')).toBe(1);
    expect(sink.attempts.map((attempt) => attempt.code)).toEqual([451, 451, 451, 250]);
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]?.parsed.messageId).toBe(`<tip-${reference}@trygghet.example>`);
    const health = await store.healthDetails(clock());
    expect(health.queueDepth.email).toBe(0);
    expect(health.deadLetters.email).toBe(0);
    expect(health.lastEmailSentAt).not.toBeNull();
  });

  it('dead-letters a 550 at once and never retries it on its own', async () => {
    const { reference } = await store.acceptTip(sampleTip());
    sink.failAlways(550);
    const runs = await runHourly(worker().runOnce, 10);
    expect(total(runs, 'deadLettered')).toBe(1);
    expect(total(runs, 'retried')).toBe(0);
    expect(sink.attempts).toHaveLength(1);
    expect(sink.messages).toHaveLength(0);
    const [letter] = await store.listDeadLetters('email');
    expect(letter).toMatchObject({ reference, attempts: 1 });
    expect(letter?.lastError).toMatch(/^PermanentDeliveryError: 550/);
    expect((await store.healthDetails(clock())).deadLetters.email).toBe(1);

    // An operator fixes the relay and retries the dead letter: it goes out once.
    sink.clearFaults();
    await store.retryDeadLetters([reference], clock());
    const after = await runHourly(worker().runOnce, 2);
    expect(total(after, 'sent')).toBe(1);
    expect(sink.messages).toHaveLength(1);
  });

  it('delivers every tip once after the relay was down for a while', async () => {
    const refs = new Set<string>();
    for (let n = 0; n < 20; n += 1) refs.add((await store.acceptTip(sampleTip())).reference);
    await sink.stop();
    const down = await runHourly(worker().runOnce, 5);
    expect(total(down, 'sent')).toBe(0);
    expect(total(down, 'retried')).toBe(100);
    expect(down.every((run) => run.claimed === 20)).toBe(true);

    await sink.start();
    const started = performance.now();
    const first = await worker().runOnce();
    const drainMs = Math.round(performance.now() - started);
    const up = [first, ...(await runHourly(worker().runOnce, 2))];
    expect(first.sent).toBe(20);
    expect(total(up, 'sent')).toBe(20);
    const ids = sink.messages.map((message) => message.parsed.messageId);
    expect(ids).toHaveLength(20);
    expect(new Set(ids)).toEqual(new Set([...refs].map((reference) => `<tip-${reference}@trygghet.example>`)));
    expect((await store.healthDetails(clock())).queueDepth.email).toBe(0);
    console.info(
      `relay down for 5 h (moved clock): 20 tips, ${total(down, 'retried')} failed attempts; the first run after it ` +
        `returned delivered all 20 in ${drainMs} ms; lost 0, duplicates ${ids.length - new Set(ids).size}`,
    );
  });

  it('treats an unexpected error as temporary and stores only its class, never its message', async () => {
    const { reference } = await store.acceptTip(sampleTip());
    const broken: TipSender = {
      send: async () => {
        throw new TypeError(`boom ${CANARY}`);
      },
    };
    const shortWindow = createSqliteTipStore({
      file: join(dir, 'tips.sqlite'),
      policy: { ...TEST_POLICY, deliveryWindowMs: 2 * HOUR },
      now: T0,
    });
    const runs = await runHourly(
      startWorker({ store: shortWindow, mailer: broken, clock, logger: logger(), config, loop: false }).runOnce,
      4,
    );
    await shortWindow.close();
    expect(total(runs, 'retried')).toBe(2);
    expect(total(runs, 'deadLettered')).toBe(1);
    expect(await store.listDeadLetters()).toEqual([
      expect.objectContaining({ reference, channel: 'email', lastError: 'TypeError: unexpected' }),
    ]);
    expect(logLines.join('\n')).not.toContain('Kanariefågel');
  });

  it('logs counters and error classes, references only at debug level, never tip content', async () => {
    const { reference } = await store.acceptTip(sampleTip());
    sink.failNext(1, 451);
    await runHourly(worker().runOnce, 2);
    const info = logLines.join('\n');
    expect(info).toContain('"retried":1');
    expect(info).toContain('"sent":1');
    expect(info).toContain('"TemporaryDeliveryError: 451 at DATA":1');
    expect(info).not.toContain(reference);
    expect(info).not.toContain('Kanariefågel');
    expect(info).not.toContain('Trapphus');

    logLines = [];
    const second = await store.acceptTip(sampleTip(clock()));
    const debug = createLogger('debug', { write: (line: string) => logLines.push(line) });
    await startWorker({ store, mailer, clock, logger: debug, config, loop: false }).runOnce();
    const lines = logLines.join('\n');
    expect(lines).toContain(`"reference":"${second.reference}"`);
    expect(lines).not.toContain('Kanariefågel');
  });

  it('sends in the background, and stop() waits for the sends in flight', async () => {
    for (let n = 0; n < 5; n += 1) await store.acceptTip(sampleTip());
    let started!: () => void;
    const firstSend = new Promise<void>((resolve) => (started = resolve));
    const watched: TipSender = {
      send: (tip) => {
        started();
        return mailer.send(tip);
      },
    };
    const background = startWorker({ store, mailer: watched, clock, logger: logger(), config });
    await firstSend;
    await background.stop();
    // Every claimed job was sent and recorded before stop() resolved.
    expect(sink.messages).toHaveLength(5);
    expect((await store.healthDetails(clock())).queueDepth.email).toBe(0);
  });

  it('renews its claim while a slow send is in flight, so a second worker never sends that email too', async () => {
    await store.acceptTip(sampleTip());
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const sending = new Promise<void>((resolve) => (started = resolve));
    const slow: TipSender = {
      send: async (tip) => {
        started();
        await held;
        return mailer.send(tip);
      },
    };
    const claimMs = 30_000;
    const short = loadConfig({ SMTP_URL: sink.url, DATA_DIR: dir, WORKER_CLAIM_SECONDS: String(claimMs / 1000) });
    const first = startWorker({
      store,
      mailer: slow,
      clock,
      logger: logger(),
      config: short,
      loop: false,
      heartbeatMs: 20,
    });
    const run = first.runOnce();
    await sending;
    const other = startWorker({ store, mailer, clock, logger: logger(), config: short, loop: false });
    // The relay takes five leases' time; after each lease's worth the heartbeat has renewed the claim.
    for (let lease = 1; lease <= 5; lease += 1) {
      clock.advance(claimMs - 1);
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect((await other.runOnce()).claimed, `lease ${lease}`).toBe(0);
    }
    release();
    expect(await run).toMatchObject({ claimed: 1, sent: 1 });
    expect(sink.messages).toHaveLength(1);
  });

  it('expires intake leases and purges once per UTC day', async () => {
    const retention = loadConfig({ SMTP_URL: sink.url, RETENTION_DAYS: '30', DATA_DIR: dir });
    const { reference } = await store.acceptTip(sampleTip(T0 - 40 * DAY));
    const lease = await store.claimIntake(T0, 10);
    expect(lease.tips.map((tip) => tip.reference)).toEqual([reference]);
    const w = worker(mailer, retention);

    clock.set(lease.expiresAt);
    const first = await w.runOnce();
    expect(first).toMatchObject({ expiredLeases: 1, sent: 1, purged: { tips: 0 } });
    expect(await w.runOnce()).toMatchObject({ purged: null });

    const again = await store.claimIntake(clock(), 10);
    await store.ackIntake(again.leaseId, [reference], clock());
    clock.set(Date.UTC(2026, 11, 1, 0, 0));
    expect(await w.runOnce()).toMatchObject({ purged: { tips: 1, oldestTipAcceptedAt: null } });
    expect(await w.runOnce()).toMatchObject({ purged: null });
  });
});

describe('failure classification', () => {
  it('keeps the error class and a short reason, never the message', () => {
    expect(toDeliveryFailure(new PermanentDeliveryError('550 5.1.1 at RCPT TO', 550))).toEqual({
      kind: 'permanent',
      errorClass: 'PermanentDeliveryError',
      reason: '550 5.1.1 at RCPT TO',
    });
    expect(toDeliveryFailure(new TemporaryDeliveryError('451 at DATA', 451))).toEqual({
      kind: 'temporary',
      errorClass: 'TemporaryDeliveryError',
      reason: '451 at DATA',
    });
    expect(toDeliveryFailure(Object.assign(new Error(`socket ${CANARY}`), { code: 'ECONNRESET' }))).toEqual({
      kind: 'temporary',
      errorClass: 'Error',
      reason: 'ECONNRESET',
    });
    expect(toDeliveryFailure('thrown string')).toEqual({
      kind: 'temporary',
      errorClass: 'UnknownError',
      reason: 'unexpected',
    });
    expect(toDeliveryFailure(new TemporaryDeliveryError('x\r\ny'.repeat(100))).reason).toMatch(/^[^\r\n]{120}$/);
  });
});
