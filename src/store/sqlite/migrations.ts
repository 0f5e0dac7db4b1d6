import type { Database } from 'better-sqlite3';
import { SQLITE_STAFF_MIGRATIONS } from '../staff/sqlite-staff-migrations.ts';
import { LAGESBILD_SQLITE_MIGRATIONS } from './lagesbild/migrations.ts';

/**
 * Versioned schema migrations, applied in order, each in its own
 * transaction, recorded in `schema_migrations`. Never edit a released
 * migration: add the next version. The schema holds no column for anything
 * about the sender (address, user agent, exact time): tests inspect it.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const TIP_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tips, delivery jobs, idempotency keys, counters',
    sql: `
      CREATE TABLE tips (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        reference TEXT NOT NULL UNIQUE,
        accepted_at INTEGER NOT NULL,
        language TEXT NOT NULL,
        payload TEXT NOT NULL
      ) STRICT;

      CREATE TABLE idempotency_keys (
        key_hash TEXT PRIMARY KEY,
        tip_id INTEGER NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX idempotency_keys_tip ON idempotency_keys (tip_id);
      CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

      CREATE TABLE delivery_jobs (
        tip_id INTEGER NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
        channel TEXT NOT NULL CHECK (channel IN ('email', 'intake')),
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead', 'discarded')),
        attempts INTEGER NOT NULL DEFAULT 0,
        window_start INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        claim_id TEXT,
        claimed_until INTEGER,
        last_error TEXT,
        finished_at INTEGER,
        PRIMARY KEY (tip_id, channel)
      ) STRICT;
      CREATE INDEX delivery_jobs_due ON delivery_jobs (channel, next_attempt_at) WHERE state = 'pending';
      CREATE INDEX delivery_jobs_queue ON delivery_jobs (channel, tip_id) WHERE state = 'pending';
      CREATE INDEX delivery_jobs_dead ON delivery_jobs (channel, tip_id) WHERE state = 'dead';

      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 10,
    name: 'surge digests: held emails go out together',
    sql: `
      CREATE TABLE email_digests (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'released')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        claim_id TEXT,
        claimed_until INTEGER,
        last_error TEXT,
        finished_at INTEGER
      ) STRICT;
      ALTER TABLE delivery_jobs ADD COLUMN held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1));
      ALTER TABLE delivery_jobs ADD COLUMN digest_id INTEGER REFERENCES email_digests (id);
      CREATE INDEX delivery_jobs_held ON delivery_jobs (digest_id) WHERE state = 'pending' AND held = 1;
    `,
  },
  ...SQLITE_STAFF_MIGRATIONS,
];

/** Every migration in version order: the tips', then the lägesbild's (30–39). */
export const SQLITE_MIGRATIONS: readonly Migration[] = [...TIP_MIGRATIONS, ...LAGESBILD_SQLITE_MIGRATIONS];

/** Brings the database up to the newest version; safe when several processes open it at once. */
export function migrateSqlite(db: Database, now: number, migrations: readonly Migration[] = SQLITE_MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const current = db.prepare<[], { version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  const applied = db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applyPending = db.transaction(() => {
    // Every version not yet recorded, not only those above the highest: the staff side's 21–29
    // come after the lägesbild's 30 was released, so a database at 30 still needs them.
    const done = new Set(applied.all() as unknown as number[]);
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now);
    }
  });
  // IMMEDIATE takes the write lock before reading the version, so two processes never both migrate.
  applyPending.immediate();
  return current.get()?.version ?? 0;
}
