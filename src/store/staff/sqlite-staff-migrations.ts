import type { Migration } from '../sqlite/migrations.ts';

/**
 * The staff side's tables on SQLite (versions 20–29 are the staff side's).
 * `tip_inbox` is filled by a trigger on `tips`, so accepting a tip needs no
 * change and its row is written in the tip's own transaction; it holds the
 * allow-listed fields the inbox filters on (never the tipster's text) and
 * the triage state. Notes, reads and the inbox row go when the retention
 * purge deletes the tip (ON DELETE CASCADE); the audit trail stays for
 * AUDIT_RETENTION_DAYS and a trigger refuses any UPDATE of it but one: the
 * purge blanks a deleted tip's reference in its entries (version 21).
 */
export const SQLITE_STAFF_MIGRATIONS: readonly Migration[] = [
  {
    version: 20,
    name: 'staff, sessions, sign-in tokens, tip inbox, notes, reads, audit trail',
    sql: `
      CREATE TABLE staff (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        email TEXT NOT NULL UNIQUE,
        display_name TEXT,
        role TEXT NOT NULL CHECK (role IN ('reader', 'handler', 'admin')),
        oidc_subject TEXT UNIQUE,
        active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        deactivated_at INTEGER
      ) STRICT;

      CREATE TABLE staff_sessions (
        id_hash TEXT PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

      CREATE TABLE staff_signin_tokens (
        token_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('email-link', 'oidc')),
        staff_id INTEGER REFERENCES staff (id) ON DELETE CASCADE,
        data TEXT,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX staff_signin_tokens_expires ON staff_signin_tokens (expires_at);

      CREATE TABLE tip_inbox (
        tip_id INTEGER PRIMARY KEY REFERENCES tips (id) ON DELETE CASCADE,
        accepted_at INTEGER NOT NULL,
        category TEXT NOT NULL,
        area TEXT NOT NULL,
        happening_now INTEGER NOT NULL,
        personal_data INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'new'
          CHECK (status IN ('new', 'triaged', 'in-lagesbild', 'closed')),
        assignee_id INTEGER REFERENCES staff (id),
        close_reason TEXT,
        lagesbild_summary TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;
      -- One index per filter that leads, each carrying the other filter columns, so a count or a
      -- filtered page is answered from the index without reading the rows.
      CREATE INDEX tip_inbox_accepted ON tip_inbox (accepted_at, tip_id);
      CREATE INDEX tip_inbox_status ON tip_inbox (status, accepted_at, area, category, assignee_id);
      CREATE INDEX tip_inbox_area ON tip_inbox (area, accepted_at, status, category, assignee_id);
      CREATE INDEX tip_inbox_category ON tip_inbox (category, accepted_at, status, area, assignee_id);
      CREATE INDEX tip_inbox_assignee ON tip_inbox (assignee_id, accepted_at, status, area, category);

      INSERT INTO tip_inbox (tip_id, accepted_at, category, area, happening_now, personal_data, updated_at)
        SELECT id, accepted_at, json_extract(payload, '$.tip.category'), json_extract(payload, '$.tip.area'),
               coalesce(json_extract(payload, '$.flags.happeningNow'), 0),
               json_array_length(payload, '$.flags.personalData') > 0, accepted_at
        FROM tips;

      CREATE TRIGGER tips_inbox_row AFTER INSERT ON tips BEGIN
        INSERT INTO tip_inbox (tip_id, accepted_at, category, area, happening_now, personal_data, updated_at)
        VALUES (NEW.id, NEW.accepted_at, json_extract(NEW.payload, '$.tip.category'),
                json_extract(NEW.payload, '$.tip.area'),
                coalesce(json_extract(NEW.payload, '$.flags.happeningNow'), 0),
                json_array_length(NEW.payload, '$.flags.personalData') > 0, NEW.accepted_at);
      END;

      CREATE TABLE tip_notes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tip_id INTEGER NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
        author_id INTEGER NOT NULL REFERENCES staff (id),
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX tip_notes_tip ON tip_notes (tip_id, id);

      CREATE TABLE tip_reads (
        tip_id INTEGER NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        PRIMARY KEY (tip_id, staff_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor_id INTEGER,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        tip_reference TEXT,
        detail TEXT
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
      CREATE INDEX audit_log_tip ON audit_log (tip_reference, at);
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
      END;
    `,
  },
  {
    version: 21,
    name: 'audit trail: a purged tip leaves its entries without its reference',
    // The one change the trigger allows: the retention purge blanks the reference of a tip it
    // deletes and marks the entry, nothing else. Entries of tips purged before this version
    // (their tip is gone) are blanked here.
    sql: `
      ALTER TABLE audit_log ADD COLUMN tip_purged INTEGER NOT NULL DEFAULT 0 CHECK (tip_purged IN (0, 1));
      DROP TRIGGER audit_log_append_only;
      UPDATE audit_log SET tip_reference = NULL, tip_purged = 1
        WHERE tip_reference IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM tips t WHERE t.reference = audit_log.tip_reference);
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
        WHEN NOT (OLD.tip_reference IS NOT NULL AND NEW.tip_reference IS NULL
                  AND OLD.tip_purged = 0 AND NEW.tip_purged = 1
                  AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor_id IS OLD.actor_id
                  AND NEW.actor = OLD.actor AND NEW.action = OLD.action AND NEW.detail IS OLD.detail)
      BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
      END;
    `,
  },
  {
    version: 22,
    name: 'inbox text search: a trigram full-text index of descriptions and places',
    // Contentless (the index holds no copy of the text to read back) and secure-delete: a
    // 'delete' with the old values takes the row's trigrams out of the index's pages at once,
    // so a redacted or purged text leaves nothing behind (a contentless_delete=1 table would
    // only mark the row deleted and keep its trigrams until a merge). The old values come
    // from the same expressions as the new ones, as FTS5 requires.
    sql: `
      CREATE VIRTUAL TABLE tip_search USING fts5(description, place, content='', tokenize='trigram');
      INSERT INTO tip_search (tip_search, rank) VALUES ('secure-delete', 1);
      INSERT INTO tip_search (rowid, description, place)
        SELECT id, json_extract(payload, '$.tip.description'), json_extract(payload, '$.tip.place') FROM tips;
      CREATE TRIGGER tip_search_insert AFTER INSERT ON tips BEGIN
        INSERT INTO tip_search (rowid, description, place)
        VALUES (NEW.id, json_extract(NEW.payload, '$.tip.description'), json_extract(NEW.payload, '$.tip.place'));
      END;
      CREATE TRIGGER tip_search_update AFTER UPDATE OF payload ON tips BEGIN
        INSERT INTO tip_search (tip_search, rowid, description, place)
        VALUES ('delete', OLD.id, json_extract(OLD.payload, '$.tip.description'), json_extract(OLD.payload, '$.tip.place'));
        INSERT INTO tip_search (rowid, description, place)
        VALUES (NEW.id, json_extract(NEW.payload, '$.tip.description'), json_extract(NEW.payload, '$.tip.place'));
      END;
      CREATE TRIGGER tip_search_delete AFTER DELETE ON tips BEGIN
        INSERT INTO tip_search (tip_search, rowid, description, place)
        VALUES ('delete', OLD.id, json_extract(OLD.payload, '$.tip.description'), json_extract(OLD.payload, '$.tip.place'));
      END;
    `,
  },
];
