import type { Migration } from '../migrations.ts';

/**
 * The lägesbild's tables on SQLite (versions 30–39). Each tip gets a row of
 * facts read from its payload (acceptance time, district, event, happening
 * now) with an index that covers a count, so a week's counts are a range
 * scan of that index, never a read of the tips' text.
 */
export const LAGESBILD_SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 30,
    name: 'lägesbild: tip facts index, entries, purged-tip aggregates, notes, actions, frozen versions',
    sql: `
      -- The tip facts the counts need, one narrow row per tip, kept by triggers and
      -- deleted with the tip. An index on generated columns of tips would not cover
      -- the count (SQLite reads the row and its JSON again), so a week took ~10×
      -- longer.
      CREATE TABLE tip_facts (
        tip_id INTEGER PRIMARY KEY REFERENCES tips (id) ON DELETE CASCADE,
        accepted_at INTEGER NOT NULL,
        area TEXT NOT NULL,
        category TEXT NOT NULL,
        happening_now INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX tip_facts_week_counts ON tip_facts (accepted_at, category, area, happening_now);
      INSERT INTO tip_facts (tip_id, accepted_at, area, category, happening_now)
        SELECT id, accepted_at, json_extract(payload, '$.tip.area'), json_extract(payload, '$.tip.category'),
          json_extract(payload, '$.flags.happeningNow') FROM tips;
      CREATE TRIGGER tip_facts_insert AFTER INSERT ON tips BEGIN
        INSERT INTO tip_facts (tip_id, accepted_at, area, category, happening_now)
        VALUES (new.id, new.accepted_at, json_extract(new.payload, '$.tip.area'),
          json_extract(new.payload, '$.tip.category'), json_extract(new.payload, '$.flags.happeningNow'));
      END;
      CREATE TRIGGER tip_facts_update AFTER UPDATE OF accepted_at, payload ON tips BEGIN
        UPDATE tip_facts SET accepted_at = new.accepted_at, area = json_extract(new.payload, '$.tip.area'),
          category = json_extract(new.payload, '$.tip.category'),
          happening_now = json_extract(new.payload, '$.flags.happeningNow')
        WHERE tip_id = new.id;
      END;

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
