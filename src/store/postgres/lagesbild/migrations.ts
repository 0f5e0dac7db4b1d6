import type { PostgresMigration } from '../migrations.ts';

/**
 * The lägesbild's tables on PostgreSQL (versions 30–39), the same as
 * SQLite's (see ../../sqlite/lagesbild/migrations.ts). The tip facts are
 * stored generated columns (PostgreSQL cannot index virtual ones), so the
 * index over the acceptance time covers a week's count (index-only scan).
 * Week ids are compared byte by byte (COLLATE "C"), so they sort as weeks.
 */
export const LAGESBILD_POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 30,
    name: 'lägesbild: tip facts index, entries, purged-tip aggregates, notes, actions, frozen versions',
    sql: `
      ALTER TABLE tips
        ADD COLUMN area text GENERATED ALWAYS AS ((payload::jsonb) #>> '{tip,area}') STORED,
        ADD COLUMN category text GENERATED ALWAYS AS ((payload::jsonb) #>> '{tip,category}') STORED,
        ADD COLUMN happening_now boolean
          GENERATED ALWAYS AS (((payload::jsonb) #>> '{flags,happeningNow}')::boolean) STORED;
      CREATE INDEX tips_week_counts ON tips (accepted_at, area, category, happening_now);

      -- What outlives the retention purge: counts per week, nothing finer, no text, no reference.
      CREATE TABLE lagesbild_week_aggregates (
        week text COLLATE "C" NOT NULL,
        area text NOT NULL,
        category text NOT NULL,
        happening_now boolean NOT NULL,
        source text NOT NULL DEFAULT 'tip' CHECK (source = 'tip'),
        count integer NOT NULL CHECK (count > 0),
        PRIMARY KEY (week, area, category, happening_now, source)
      );

      CREATE TABLE lagesbild_entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        week text COLLATE "C" NOT NULL,
        source text NOT NULL,
        tip_id bigint UNIQUE REFERENCES tips (id) ON DELETE SET NULL,
        area text NOT NULL,
        category text NOT NULL,
        happening_now boolean NOT NULL DEFAULT false,
        place text,
        occurred_on text,
        occurred_time text,
        summary text NOT NULL,
        created_at bigint NOT NULL,
        created_by text NOT NULL,
        updated_at bigint NOT NULL,
        updated_by text NOT NULL,
        CHECK ((source = 'tip') = (occurred_on IS NULL))
      );
      CREATE INDEX lagesbild_entries_week ON lagesbild_entries (week, source, area, category);

      CREATE TABLE lagesbild_notes (
        week text COLLATE "C" PRIMARY KEY,
        text text NOT NULL,
        updated_at bigint NOT NULL,
        updated_by text NOT NULL
      );

      CREATE TABLE lagesbild_actions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        week text COLLATE "C" NOT NULL,
        what text NOT NULL,
        partner text NOT NULL,
        due_on text NOT NULL,
        created_at bigint NOT NULL,
        created_by text NOT NULL,
        updated_at bigint NOT NULL,
        updated_by text NOT NULL
      );
      CREATE INDEX lagesbild_actions_week ON lagesbild_actions (week);

      CREATE TABLE lagesbild_versions (
        week text COLLATE "C" NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        frozen_at bigint NOT NULL,
        frozen_by text NOT NULL,
        snapshot text NOT NULL,
        PRIMARY KEY (week, version)
      );
      CREATE FUNCTION lagesbild_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a frozen lägesbild version cannot be changed or deleted';
      END
      $$;
      CREATE TRIGGER lagesbild_versions_immutable BEFORE UPDATE OR DELETE ON lagesbild_versions
        FOR EACH ROW EXECUTE FUNCTION lagesbild_versions_immutable();
      CREATE TRIGGER lagesbild_versions_no_truncate BEFORE TRUNCATE ON lagesbild_versions
        FOR EACH STATEMENT EXECUTE FUNCTION lagesbild_versions_immutable();
    `,
  },
];
