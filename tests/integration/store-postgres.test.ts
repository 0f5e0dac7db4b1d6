import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTipStore } from '../../src/store/postgres/postgres-tip-store.ts';
import type { AcceptTipInput } from '../../src/store/tip-store.ts';
import { flagsOf, isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { TEST_POLICY } from '../helpers/store-policy.ts';

/**
 * What only the PostgreSQL store has to show: migrations applied once when
 * several instances start together, and the concurrent-duplicate path of
 * accept_tip() really taken (copies drawn and dropped), with one tip per key.
 */

const T0 = Date.UTC(2026, 10, 30, 12, 0);

function sampleTip(key: string): AcceptTipInput {
  const parsed = validateSubmission(tipFixture('arabic').fields, isoDate(T0 + 86_400_000));
  if (!parsed.success) throw new Error('fixture does not validate');
  const { lang: _lang, formToken: _token, idempotencyKey: _key, website: _honeypot, ...tip } = parsed.data;
  return { idempotencyKey: key, acceptedAt: T0, language: 'ar', tip, flags: flagsOf(tip) };
}

let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server.stop();
});

describe('PostgreSQL store', () => {
  it('applies each migration once when four instances start at the same time', async () => {
    const url = await server.createDatabase();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => createPostgresTipStore({ url, poolSize: 2, policy: TEST_POLICY, now: T0 })),
    );
    await Promise.all(stores.map((store) => store.close()));
    const sql = postgres(url, { max: 1 });
    try {
      expect(await sql`SELECT version FROM schema_migrations ORDER BY version`).toEqual([
        { version: 1 },
        { version: 2 },
        { version: 10 },
      ]);
    } finally {
      await sql.end();
    }
  });

  it('settles concurrent duplicates inside accept_tip(): copies are dropped, one tip per key remains', async () => {
    const url = await server.createDatabase();
    const stores = await Promise.all(
      [0, 1].map(() => createPostgresTipStore({ url, poolSize: 10, policy: TEST_POLICY, now: T0 })),
    );
    const sql = postgres(url, { max: 1 });
    try {
      for (let round = 0; round < 10; round += 1) {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, n) => stores[n % 2]?.acceptTip(sampleTip(`race-key-${round}-0123456789`))),
        );
        expect(new Set(results.map((result) => result?.reference)).size).toBe(1);
        expect(results.filter((result) => result?.created)).toHaveLength(1);
      }
      const [counts] = await sql<{ tips: number; jobs: number; keys: number; drawn: number }[]>`
        SELECT (SELECT count(*)::int FROM tips) AS tips, (SELECT count(*)::int FROM delivery_jobs) AS jobs,
               (SELECT count(*)::int FROM idempotency_keys) AS keys, (SELECT last_value::int FROM tips_id_seq) AS drawn`;
      if (!counts) throw new Error('no counts');
      const { tips, jobs, keys, drawn } = counts;
      expect({ tips, jobs, keys }).toEqual({ tips: 10, jobs: 20, keys: 10 });
      // More ids drawn than tips kept: concurrent duplicates reached the insert and were dropped.
      expect(drawn).toBeGreaterThan(tips);
      console.info(`PostgreSQL: 10 rounds of 20 concurrent duplicates → 10 tips; ${drawn - tips} copies dropped`);
    } finally {
      await sql.end();
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
