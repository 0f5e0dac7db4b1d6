import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLagesbildStore } from '../../src/store/create-lagesbild-store.ts';
import type { LagesbildStore } from '../../src/store/lagesbild-store.ts';
import { createPostgresTipStore, type PostgresTipStore } from '../../src/store/postgres/postgres-tip-store.ts';
import { createSqliteTipStore, type SqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import { createPostgresStaffStore } from '../../src/store/staff/postgres-staff-store.ts';
import { createSqliteStaffStore } from '../../src/store/staff/sqlite-staff-store.ts';
import type { StaffStore } from '../../src/store/staff-store.ts';
import type { StorePolicy } from '../../src/store/store-policy.ts';
import type { TipStore } from '../../src/store/tip-store.ts';
import { startPostgres, type TestPostgres } from './postgres.ts';

/**
 * One database with every store on it (tips, staff, lägesbild), on SQLite or
 * a real PostgreSQL, and everything it holds: the text of every column of
 * every table, found from the catalogue (sqlite_master / information_schema,
 * never a hand-written list, so a table added later is searched too), and on
 * SQLite the raw bytes of its files (database, -wal, -shm).
 */
export interface WholeStore {
  tips: TipStore;
  staff: StaffStore;
  lagesbild: LagesbildStore;
  /** Every column of every table as text, one line per value: `table.column: value`. */
  everyColumn(): Promise<string>;
  /** How many tables and columns `everyColumn` read (so a test can say it read them all). */
  catalogue(): Promise<{ tables: string[]; columns: number }>;
  /** The database files' bytes as latin1 text (and as UTF-8, for non-Latin text); undefined on PostgreSQL. */
  rawFiles(): string | undefined;
  /** Runs SQL straight on the database, past every store. */
  rawExec(statement: string): Promise<void>;
  cleanup(): Promise<void>;
}

export interface WholeStoreBackend {
  name: 'SQLite' | 'PostgreSQL';
  setup(): Promise<void>;
  teardown(): Promise<void>;
  fresh(now: number, policy: StorePolicy): Promise<WholeStore>;
}

export const sqliteWholeStore: WholeStoreBackend = {
  name: 'SQLite',
  setup: async () => undefined,
  teardown: async () => undefined,
  async fresh(now, policy) {
    const dir = mkdtempSync(join(tmpdir(), 'whole-store-'));
    const file = join(dir, 'tips.sqlite');
    const tips: SqliteTipStore = createSqliteTipStore({ file, policy, now });
    const staff = createSqliteStaffStore(file);
    const lagesbild = await createLagesbildStore(tips);
    const columns = () =>
      tips.db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all()
        .flatMap(({ name: table }) =>
          tips.db
            .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
            .all(table)
            .map(({ name: column }) => ({ table, column })),
        );
    return {
      tips,
      staff,
      lagesbild,
      async everyColumn() {
        const lines: string[] = [];
        for (const { table, column } of columns()) {
          const values = tips.db
            .prepare<[], string | null>(`SELECT CAST("${column}" AS TEXT) FROM "${table}"`)
            .pluck()
            .all();
          for (const value of values) if (value !== null) lines.push(`${table}.${column}: ${value}`);
        }
        return lines.join('\n');
      },
      async catalogue() {
        const all = columns();
        return { tables: [...new Set(all.map((c) => c.table))], columns: all.length };
      },
      rawFiles() {
        return readdirSync(dir)
          .flatMap((name) => {
            const bytes = readFileSync(join(dir, name));
            return [bytes.toString('latin1'), bytes.toString('utf8')];
          })
          .join('\n');
      },
      async rawExec(statement) {
        tips.db.exec(statement);
      },
      async cleanup() {
        await staff.close();
        await tips.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

let server: TestPostgres | undefined;
export const postgresWholeStore: WholeStoreBackend = {
  name: 'PostgreSQL',
  async setup() {
    server = await startPostgres();
  },
  async teardown() {
    await server?.stop();
  },
  async fresh(now, policy) {
    if (!server) throw new Error('PostgreSQL not started');
    const url = await server.createDatabase();
    const tips: PostgresTipStore = await createPostgresTipStore({ url, poolSize: 4, policy, now });
    const staff = createPostgresStaffStore(url, 2);
    const lagesbild = await createLagesbildStore(tips);
    const columns = () =>
      tips.sql<{ table_name: string; column_name: string }[]>`
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`;
    return {
      tips,
      staff,
      lagesbild,
      async everyColumn() {
        const lines: string[] = [];
        for (const { table_name: table, column_name: column } of await columns()) {
          const values = await tips.sql.unsafe<{ v: string | null }[]>(`SELECT "${column}"::text AS v FROM "${table}"`);
          for (const { v } of values) if (v !== null) lines.push(`${table}.${column}: ${v}`);
        }
        return lines.join('\n');
      },
      async catalogue() {
        const all = await columns();
        return { tables: [...new Set(all.map((c) => c.table_name))], columns: all.length };
      },
      rawFiles: () => undefined,
      async rawExec(statement) {
        await tips.sql.unsafe(statement);
      },
      async cleanup() {
        await staff.close();
        await tips.close();
      },
    };
  },
};

export const WHOLE_STORE_BACKENDS = [sqliteWholeStore, postgresWholeStore];
