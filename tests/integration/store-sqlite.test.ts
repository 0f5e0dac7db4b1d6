import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteTipStore, type SqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import type { AcceptTipInput } from '../../src/store/tip-store.ts';
import { flagsOf, isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { TEST_POLICY } from '../helpers/store-policy.ts';

/**
 * What only the SQLite store has to show: its durability and privacy
 * settings, versioned migrations, exclusion across separate processes (the
 * server, `npm run worker` and the CLIs share one file), purged content
 * really gone from the files, and its commit rate with synchronous=FULL.
 */

const DAY = 24 * 60 * 60_000;
const T0 = Date.UTC(2026, 10, 30, 12, 0);
const CANARY = 'Kanarie-Q7X-trapphus-beskrivning';

function sampleTip(description = 'Trasig belysning vid gångvägen bakom skolan.', key?: string): AcceptTipInput {
  const parsed = validateSubmission({ ...tipFixture('minimal').fields, description }, isoDate(T0 + DAY));
  if (!parsed.success) throw new Error('fixture does not validate');
  const { lang: _lang, formToken: _token, idempotencyKey: _key, website: _honeypot, ...tip } = parsed.data;
  return { idempotencyKey: key, acceptedAt: T0, language: 'sv', tip, flags: flagsOf(tip) };
}

let dir: string;
let file: string;
const open = () => createSqliteTipStore({ file, policy: TEST_POLICY, now: T0 });
let store: SqliteTipStore | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tips-sqlite-'));
  file = join(dir, 'data', 'tips.sqlite');
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** The store module, driven from child processes that start their work together on "go". */
const CHILD = `
const { createSqliteTipStore } = await import(process.env.STORE_MODULE);
const policy = { ...JSON.parse(process.env.TEST_POLICY), random: () => 0.5 };
const store = createSqliteTipStore({ file: process.env.STORE_FILE, policy, now: Number(process.env.NOW) });
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
let result;
if (process.env.MODE === 'accept') {
  const input = JSON.parse(process.env.INPUT);
  result = await Promise.all(Array.from({ length: 5 }, () => store.acceptTip(input)));
} else {
  result = [];
  for (;;) {
    const claims = await store.claimEmailJobs(Number(process.env.NOW), { limit: 5, leaseMs: 60000 });
    if (claims.length === 0) break;
    result.push(...claims.map((claim) => claim.tip.reference));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
process.stdout.write(JSON.stringify(result) + '\\n');
await store.close();
`;

/** Starts `count` processes on the store file, waits until all opened it, then lets them go at once. */
async function inProcesses(count: number, mode: 'accept' | 'claim', input?: AcceptTipInput): Promise<unknown[]> {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
      env: {
        PATH: process.env.PATH ?? '',
        STORE_MODULE: new URL('../../src/store/sqlite/sqlite-tip-store.ts', import.meta.url).href,
        STORE_FILE: file,
        TEST_POLICY: JSON.stringify(TEST_POLICY),
        NOW: String(T0),
        MODE: mode,
        INPUT: JSON.stringify(input ?? null),
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const exits = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  const lines = children.map((child) => {
    const received: string[] = [];
    let buffer = '';
    let wake: (() => void) | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      received.push(...parts);
      wake?.();
    });
    return async (n: number) => {
      while (received.length < n) await new Promise<void>((resolve) => (wake = resolve));
      return received[n - 1] ?? '';
    };
  });
  await Promise.all(lines.map((line) => line(1)));
  for (const child of children) child.stdin.end('go\n');
  const results = await Promise.all(lines.map(async (line) => JSON.parse(await line(2)) as unknown));
  await Promise.all(exits);
  return results;
}

describe('SQLite store', () => {
  it('opens with WAL, synchronous=FULL, secure_delete, foreign keys and a busy timeout, in private files', () => {
    store = open();
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
  });

  it('records each migration once, however often and by however many processes it is opened', async () => {
    const results = await inProcesses(4, 'claim');
    expect(results).toEqual([[], [], [], []]);
    store = open();
    const rows = store.db.prepare('SELECT version, name FROM schema_migrations').all();
    expect(rows).toEqual([
      { version: 1, name: 'tips, delivery jobs, idempotency keys, counters' },
      { version: 10, name: 'surge digests: held emails go out together' },
    ]);
  });

  it('keeps one tip for one key when four processes submit it five times each at once', async () => {
    const results = (await inProcesses(4, 'accept', sampleTip(undefined, 'cross-process-key-0123'))) as {
      reference: string;
      created: boolean;
    }[][];
    const all = results.flat();
    expect(all).toHaveLength(20);
    expect(new Set(all.map((result) => result.reference)).size).toBe(1);
    expect(all.filter((result) => result.created)).toHaveLength(1);
    store = open();
    expect(store.db.prepare('SELECT count(*) AS n FROM tips').get()).toEqual({ n: 1 });
  });

  it('never gives one email job to two worker processes', async () => {
    store = open();
    for (let n = 0; n < 200; n += 1) await store.acceptTip(sampleTip());
    const results = (await inProcesses(4, 'claim')) as string[][];
    const all = results.flat();
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    console.info(`4 processes claimed 200 jobs: ${results.map((got) => got.length).join(' + ')}, duplicates 0`);
  });

  it('leaves no trace of a purged tip in the database file or its WAL', async () => {
    store = open();
    const { reference } = await store.acceptTip(sampleTip(`${CANARY} lampan är trasig`));
    const files = () => [file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path));
    const hits = () => files().filter((bytes) => bytes.includes(CANARY)).length;
    expect(hits()).toBeGreaterThan(0);

    const [claim] = await store.claimEmailJobs(T0, { limit: 1, leaseMs: 60_000 });
    if (!claim) throw new Error('no job');
    await store.markEmailSent(claim, T0);
    const lease = await store.claimIntake(T0, 1);
    await store.ackIntake(lease.leaseId, [reference], T0);
    expect((await store.purge(T0 + 91 * DAY, 90)).tips).toBe(1);
    expect(hits()).toBe(0);
    expect(files().some((bytes) => bytes.includes(reference))).toBe(false);
  });

  it('group-commits concurrent tips, and one failing tip does not take the others down', async () => {
    store = open();
    const broken = { ...sampleTip(), acceptedAt: Number.NaN }; // NOT NULL violation inside its savepoint
    const results = await Promise.allSettled([
      store.acceptTip(sampleTip()),
      store.acceptTip(broken),
      store.acceptTip(sampleTip()),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.db.prepare('SELECT count(*) AS n FROM tips').get()).toEqual({ n: 2 });
    expect(store.db.prepare('SELECT count(*) AS n FROM delivery_jobs').get()).toEqual({ n: 4 });
    // Queued tips are committed, not dropped, when the store closes.
    const pending = store.acceptTip(sampleTip());
    await store.close();
    await expect(pending).resolves.toMatchObject({ created: true });
  });

  it('commits acceptTip durably at a useful rate (figures)', async () => {
    store = open();
    const input = sampleTip();
    const count = 2000;
    let started = performance.now();
    for (let n = 0; n < count; n += 1) await store.acceptTip(input);
    const sequential = (performance.now() - started) / 1000;

    const clients = 32;
    started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let n = 0; n < count / clients; n += 1) await store?.acceptTip(input);
      }),
    );
    const concurrent = (performance.now() - started) / 1000;
    const rate = (seconds: number) => Math.round(count / seconds);
    console.info(
      `SQLite acceptTip, WAL + synchronous=FULL: one at a time ${rate(sequential)}/s ` +
        `(${((sequential / count) * 1000).toFixed(3)} ms each); ${clients} concurrent callers with group commit ` +
        `${rate(concurrent)}/s`,
    );
    expect(rate(sequential)).toBeGreaterThan(100);
    expect(rate(concurrent)).toBeGreaterThan(rate(sequential));
  });
});
