import { POSTGRES_STAFF_MIGRATIONS } from '../staff/postgres-staff-migrations.ts';
import type { Pool } from './connect.ts';
import { LAGESBILD_POSTGRES_MIGRATIONS } from './lagesbild/migrations.ts';

/** Versioned schema migrations for PostgreSQL; the same tables as SQLite's (see sqlite/migrations.ts). */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

const TIP_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'tips, delivery jobs, idempotency keys, counters',
    sql: `
      CREATE TABLE tips (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        accepted_at bigint NOT NULL,
        language text NOT NULL,
        payload text NOT NULL
      );

      CREATE TABLE idempotency_keys (
        key_hash text PRIMARY KEY,
        tip_id bigint NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
        created_at bigint NOT NULL
      );
      CREATE INDEX idempotency_keys_tip ON idempotency_keys (tip_id);
      CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

      CREATE TABLE delivery_jobs (
        tip_id bigint NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('email', 'intake')),
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead', 'discarded')),
        attempts integer NOT NULL DEFAULT 0,
        window_start bigint NOT NULL,
        next_attempt_at bigint NOT NULL,
        claim_id text,
        claimed_until bigint,
        last_error text,
        finished_at bigint,
        PRIMARY KEY (tip_id, channel)
      );
      CREATE INDEX delivery_jobs_due ON delivery_jobs (channel, next_attempt_at) WHERE state = 'pending';
      CREATE INDEX delivery_jobs_queue ON delivery_jobs (channel, tip_id) WHERE state = 'pending';
      CREATE INDEX delivery_jobs_dead ON delivery_jobs (channel, tip_id) WHERE state = 'dead';

      CREATE TABLE counters (
        name text PRIMARY KEY,
        value bigint NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'accept_tip(): a tip, its key and its jobs in one round trip',
    // One statement instead of a transaction of five: twice the accepted tips per second.
    // The OUT column is not called "reference", so it cannot be confused with tips.reference.
    sql: `
      CREATE FUNCTION accept_tip(
        p_key_hash text, p_since bigint, p_accepted_at bigint, p_language text, p_payload text,
        p_references text[], p_channels text[]
      ) RETURNS TABLE (tip_reference text, created boolean) LANGUAGE plpgsql AS $$
      DECLARE
        v_id bigint;
        v_reference text;
      BEGIN
        IF p_key_hash IS NOT NULL THEN
          SELECT t.reference INTO v_reference FROM idempotency_keys k JOIN tips t ON t.id = k.tip_id
            WHERE k.key_hash = p_key_hash AND k.created_at > p_since;
          IF FOUND THEN
            RETURN QUERY SELECT v_reference, false;
            RETURN;
          END IF;
          DELETE FROM idempotency_keys WHERE key_hash = p_key_hash AND created_at <= p_since;
        END IF;

        FOREACH v_reference IN ARRAY p_references LOOP
          INSERT INTO tips (reference, accepted_at, language, payload)
            VALUES (v_reference, p_accepted_at, p_language, p_payload)
            ON CONFLICT (reference) DO NOTHING RETURNING id INTO v_id;
          EXIT WHEN v_id IS NOT NULL;
        END LOOP;
        IF v_id IS NULL THEN
          RAISE EXCEPTION 'could not draw an unused reference';
        END IF;

        IF p_key_hash IS NOT NULL THEN
          -- Waits for a concurrent transaction holding the same key, then sees it committed.
          INSERT INTO idempotency_keys (key_hash, tip_id, created_at) VALUES (p_key_hash, v_id, p_accepted_at)
            ON CONFLICT (key_hash) DO NOTHING;
          IF NOT FOUND THEN
            -- That submission won: drop this copy (never visible to anyone) and answer with its reference.
            DELETE FROM tips WHERE id = v_id;
            SELECT t.reference INTO v_reference FROM idempotency_keys k JOIN tips t ON t.id = k.tip_id
              WHERE k.key_hash = p_key_hash;
            RETURN QUERY SELECT v_reference, false;
            RETURN;
          END IF;
        END IF;

        INSERT INTO delivery_jobs (tip_id, channel, window_start, next_attempt_at)
          SELECT v_id, channel, p_accepted_at, p_accepted_at FROM unnest(p_channels) AS channel;
        RETURN QUERY SELECT v_reference, true;
      END
      $$;
    `,
  },
  {
    version: 10,
    name: 'surge digests: held emails go out together',
    // accept_tip() is replaced by a version that can hold the new tip's email for the digest.
    sql: `
      CREATE TABLE email_digests (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        created_at bigint NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'released')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at bigint NOT NULL,
        claim_id text,
        claimed_until bigint,
        last_error text,
        finished_at bigint
      );
      ALTER TABLE delivery_jobs ADD COLUMN held boolean NOT NULL DEFAULT false;
      ALTER TABLE delivery_jobs ADD COLUMN digest_id bigint REFERENCES email_digests (id);
      CREATE INDEX delivery_jobs_held ON delivery_jobs (digest_id) WHERE state = 'pending' AND held;

      DROP FUNCTION accept_tip(text, bigint, bigint, text, text, text[], text[]);
      CREATE FUNCTION accept_tip(
        p_key_hash text, p_since bigint, p_accepted_at bigint, p_language text, p_payload text,
        p_references text[], p_channels text[], p_held boolean
      ) RETURNS TABLE (tip_reference text, created boolean) LANGUAGE plpgsql AS $$
      DECLARE
        v_id bigint;
        v_reference text;
      BEGIN
        IF p_key_hash IS NOT NULL THEN
          SELECT t.reference INTO v_reference FROM idempotency_keys k JOIN tips t ON t.id = k.tip_id
            WHERE k.key_hash = p_key_hash AND k.created_at > p_since;
          IF FOUND THEN
            RETURN QUERY SELECT v_reference, false;
            RETURN;
          END IF;
          DELETE FROM idempotency_keys WHERE key_hash = p_key_hash AND created_at <= p_since;
        END IF;

        FOREACH v_reference IN ARRAY p_references LOOP
          INSERT INTO tips (reference, accepted_at, language, payload)
            VALUES (v_reference, p_accepted_at, p_language, p_payload)
            ON CONFLICT (reference) DO NOTHING RETURNING id INTO v_id;
          EXIT WHEN v_id IS NOT NULL;
        END LOOP;
        IF v_id IS NULL THEN
          RAISE EXCEPTION 'could not draw an unused reference';
        END IF;

        IF p_key_hash IS NOT NULL THEN
          -- Waits for a concurrent transaction holding the same key, then sees it committed.
          INSERT INTO idempotency_keys (key_hash, tip_id, created_at) VALUES (p_key_hash, v_id, p_accepted_at)
            ON CONFLICT (key_hash) DO NOTHING;
          IF NOT FOUND THEN
            -- That submission won: drop this copy (never visible to anyone) and answer with its reference.
            DELETE FROM tips WHERE id = v_id;
            SELECT t.reference INTO v_reference FROM idempotency_keys k JOIN tips t ON t.id = k.tip_id
              WHERE k.key_hash = p_key_hash;
            RETURN QUERY SELECT v_reference, false;
            RETURN;
          END IF;
        END IF;

        INSERT INTO delivery_jobs (tip_id, channel, window_start, next_attempt_at, held)
          SELECT v_id, channel, p_accepted_at, p_accepted_at, p_held AND channel = 'email'
          FROM unnest(p_channels) AS channel;
        RETURN QUERY SELECT v_reference, true;
      END
      $$;
    `,
  },
  ...POSTGRES_STAFF_MIGRATIONS,
];

/** Every migration in version order: the tips', then the lägesbild's (30–39). */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [...TIP_MIGRATIONS, ...LAGESBILD_POSTGRES_MIGRATIONS];

/** Any constant works; every store process uses the same one to serialize migrations. */
const MIGRATION_LOCK = 7_301_990_210;

/** Brings the database up to the newest version; an advisory lock makes concurrent starts take turns. */
export async function migratePostgres(
  sql: Pool,
  now: number,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
): Promise<number> {
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at bigint NOT NULL
    )`;
    // Every version not yet recorded (see sqlite/migrations.ts: 21–29 came after 30).
    const applied = await tx<{ version: number }[]>`SELECT version FROM schema_migrations`;
    const done = new Set(applied.map((row) => row.version));
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await tx.unsafe(migration.sql);
      await tx`INSERT INTO schema_migrations (version, name, applied_at)
               VALUES (${migration.version}, ${migration.name}, ${now})`;
      done.add(migration.version);
    }
    return Math.max(0, ...done);
  });
}
