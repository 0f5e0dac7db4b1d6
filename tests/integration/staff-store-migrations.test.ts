import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagsOf, isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { connectPostgres } from '../../src/store/postgres/connect.ts';
import { migratePostgres, POSTGRES_MIGRATIONS } from '../../src/store/postgres/migrations.ts';
import { createPostgresTipStore } from '../../src/store/postgres/postgres-tip-store.ts';
import { migrateSqlite, SQLITE_MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { openSqliteDatabase } from '../../src/store/sqlite/open-database.ts';
import { createSqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import { createPostgresStaffStore } from '../../src/store/staff/postgres-staff-store.ts';
import { createSqliteStaffStore } from '../../src/store/staff/sqlite-staff-store.ts';
import type { StaffStore } from '../../src/store/staff-store.ts';
import { encodePayload } from '../../src/store/stored-tip.ts';
import type { TipStore } from '../../src/store/tip-store.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { TEST_POLICY } from '../helpers/store-policy.ts';

/**
 * A database made before the staff side's versions 21+ (as main made it:
 * 1, 10, 20 and the lägesbild's 30), holding tips and an audit trail that
 * still names a tip an earlier purge deleted, is opened by the current
 * store: the missing versions run although 30 is higher, the text search
 * index is filled from the stored tips, and the audit entries of the tip
 * that is gone lose its reference.
 */

const T0 = Date.UTC(2026, 10, 30, 12, 0);
/** What an old database has: the staff side's 20 alone, or with the lägesbild's 30 (as main made it). */
const STARTS = [
  { name: 'version 20', has: (version: number) => version <= 20 },
  { name: 'versions 20 and 30', has: (version: number) => version <= 20 || version >= 30 },
];
const KEPT = 'K7MX-4RDP';
const GONE = 'H3QA-9TWC';

function payload(description: string): string {
  const parsed = validateSubmission({ ...tipFixture('full-swedish').fields, description }, isoDate(T0));
  if (!parsed.success) throw new Error('fixture does not validate');
  const { lang: _l, formToken: _t, idempotencyKey: _k, website: _w, ...tip } = parsed.data;
  return encodePayload(tip, flagsOf(tip));
}

/** The rows an old database holds: two tips and audit entries for one of them and for one purged earlier. */
const OLD_ROWS = [
  `INSERT INTO tips (reference, accepted_at, language, payload) VALUES ('${KEPT}', ${T0}, 'sv', '${payload('Det luktar rök i källaringången på kvällarna.')}')`,
  `INSERT INTO tips (reference, accepted_at, language, payload) VALUES ('C4DE-FGHJ', ${T0 + 1}, 'sv', '${payload('Trasig belysning vid gångtunneln mot stationen.')}')`,
  `INSERT INTO audit_log (at, actor_id, actor, action, tip_reference) VALUES (${T0}, NULL, 'anna@huge.se', 'view', '${KEPT}')`,
  `INSERT INTO audit_log (at, actor_id, actor, action, tip_reference) VALUES (${T0}, NULL, 'anna@huge.se', 'view', '${GONE}')`,
  `INSERT INTO audit_log (at, actor_id, actor, action, tip_reference) VALUES (${T0}, NULL, 'anna@huge.se', 'note', '${GONE}')`,
];

interface Migrated {
  tips: TipStore;
  staff: StaffStore;
  versions(): Promise<number[]>;
  cleanup(): Promise<void>;
}

const backends: {
  name: string;
  versions: number[];
  setup(): Promise<void>;
  teardown(): Promise<void>;
  old(has: (version: number) => boolean): Promise<Migrated>;
}[] = [];

backends.push({
  name: 'SQLite',
  versions: SQLITE_MIGRATIONS.map((m) => m.version),
  setup: async () => undefined,
  teardown: async () => undefined,
  async old(has) {
    const dir = mkdtempSync(join(tmpdir(), 'staff-migrations-'));
    const file = join(dir, 'tips.sqlite');
    const db = openSqliteDatabase(file);
    migrateSqlite(
      db,
      T0,
      SQLITE_MIGRATIONS.filter((m) => has(m.version)),
    );
    for (const statement of OLD_ROWS) db.exec(statement);
    db.close();
    const tips = createSqliteTipStore({ file, policy: TEST_POLICY, now: T0 });
    const staff = createSqliteStaffStore(file);
    return {
      tips,
      staff,
      versions: async () =>
        tips.db.prepare<[], number>('SELECT version FROM schema_migrations ORDER BY version').pluck().all(),
      async cleanup() {
        await staff.close();
        await tips.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});

let server: TestPostgres | undefined;
backends.push({
  name: 'PostgreSQL',
  versions: POSTGRES_MIGRATIONS.map((m) => m.version),
  async setup() {
    server = await startPostgres();
  },
  async teardown() {
    await server?.stop();
  },
  async old(has) {
    if (!server) throw new Error('PostgreSQL not started');
    const url = await server.createDatabase();
    const sql = connectPostgres(url, 1);
    await migratePostgres(
      sql,
      T0,
      POSTGRES_MIGRATIONS.filter((m) => has(m.version)),
    );
    for (const statement of OLD_ROWS) await sql.unsafe(statement);
    await sql.end();
    const tips = await createPostgresTipStore({ url, poolSize: 2, policy: TEST_POLICY, now: T0 });
    const staff = createPostgresStaffStore(url, 1);
    return {
      tips,
      staff,
      async versions() {
        const check = postgres(url, { max: 1 });
        try {
          return (await check<{ version: number }[]>`SELECT version FROM schema_migrations ORDER BY version`).map(
            (row) => row.version,
          );
        } finally {
          await check.end();
        }
      },
      async cleanup() {
        await staff.close();
        await tips.close();
      },
    };
  },
});

describe.each(backends.flatMap((backend) => STARTS.map((start) => ({ ...backend, start }))))(
  'an existing database at $start.name migrated on $name',
  (backend) => {
    let db: Migrated;
    beforeAll(async () => {
      await backend.setup();
      db = await backend.old(backend.start.has);
    });
    afterAll(async () => {
      await db?.cleanup();
      await backend.teardown();
    });

    it('gets every missing version, also those below the highest applied', async () => {
      expect(await db.versions()).toEqual(backend.versions);
    });

    it('fills the text search index from the stored tips', async () => {
      const found = async (text: string) =>
        (await db.staff.listInbox({ text }, 1, { offset: 0, limit: 5 })).rows.map((row) => row.reference);
      expect(await found('LUKTAR RÖK')).toEqual([KEPT]);
      expect(await found('gångtunneln')).toEqual(['C4DE-FGHJ']);
      expect(await found('rök i')).toEqual([KEPT]);
      expect(await found('Trapphus 4B')).toEqual(['C4DE-FGHJ', KEPT]);
      expect(await found('cykel')).toEqual([]);
    });

    it('blanks the reference of a tip an earlier purge deleted, and keeps the stored tips’', async () => {
      const { entries } = await db.staff.listAudit({}, { offset: 0, limit: 10 });
      expect(entries.map((e) => [e.action, e.tipReference, e.tipPurged]).sort()).toEqual(
        [
          ['note', null, true],
          ['view', KEPT, false],
          ['view', null, true],
        ].sort(),
      );
    });
  },
);
