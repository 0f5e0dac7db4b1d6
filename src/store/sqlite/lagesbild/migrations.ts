import type { Migration } from '../migrations.ts';

/**
 * The lägesbild's tables on SQLite (versions 30–39). Tips get three virtual
 * columns read from their payload (district, event, happening now) and one
 * index over the acceptance time that covers them, so a week's counts are a
 * range scan of the index, never a read of the tips' text.
 */
export const LAGESBILD_SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 30,
    name: 'lägesbild: tip facts index, entries, purged-tip aggregates, notes, actions, frozen versions',
    sql: `
      ALTER TABLE tips ADD COLUMN area TEXT GENERATED ALWAYS AS (json_extract(payload, '$.tip.area')) VIRTUAL;
      ALTER TABLE tips ADD COLUMN category TEXT GENERATED ALWAYS AS (json_extract(payload, '$.tip.category')) VIRTUAL;
      ALTER TABLE tips ADD COLUMN happening_now INTEGER
        GENERATED ALWAYS AS (json_extract(payload, '$.flags.happeningNow')) VIRTUAL;
      CREATE INDEX tips_week_counts ON tips (accepted_at, area, category, happening_now);

      -- What outlives the retention purge: counts per week, nothing finer, no text, no reference.
      CREATE TABLE lagesbild_week_aggregates (
        week TEXT NOT NULL,
        area TEXT NOT NULL,
        category TEXT NOT NULL,
        happening_now INTEGER NOT NULL,
        source TEXT NOT NULL DEFAULT 'tip' CHECK (source = 'tip'),
        count INTEGER NOT NULL CHECK (count > 0),
        PRIMARY KEY (week, area, category, happening_now, source)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE lagesbild_entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        week TEXT NOT NULL,
        source TEXT NOT NULL,
        tip_id INTEGER UNIQUE REFERENCES tips (id) ON DELETE SET NULL,
        area TEXT NOT NULL,
        category TEXT NOT NULL,
        happening_now INTEGER NOT NULL DEFAULT 0,
        place TEXT,
        occurred_on TEXT,
        occurred_time TEXT,
        summary TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        CHECK ((source = 'tip') = (occurred_on IS NULL))
      ) STRICT;
      CREATE INDEX lagesbild_entries_week ON lagesbild_entries (week, source, area, category);

      CREATE TABLE lagesbild_notes (
        week TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE lagesbild_actions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        week TEXT NOT NULL,
        what TEXT NOT NULL,
        partner TEXT NOT NULL,
        due_on TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX lagesbild_actions_week ON lagesbild_actions (week);

      CREATE TABLE lagesbild_versions (
        week TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version > 0),
        frozen_at INTEGER NOT NULL,
        frozen_by TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        PRIMARY KEY (week, version)
      ) STRICT;
      CREATE TRIGGER lagesbild_versions_immutable_update BEFORE UPDATE ON lagesbild_versions
        BEGIN SELECT RAISE(ABORT, 'a frozen lägesbild version cannot be changed'); END;
      CREATE TRIGGER lagesbild_versions_immutable_delete BEFORE DELETE ON lagesbild_versions
        BEGIN SELECT RAISE(ABORT, 'a frozen lägesbild version cannot be deleted'); END;
    `,
  },
];
