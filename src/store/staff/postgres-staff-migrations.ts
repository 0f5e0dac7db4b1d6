import type { PostgresMigration } from '../postgres/migrations.ts';
import { POSTGRES_DESCRIPTION, POSTGRES_PLACE } from './text-search.ts';

/** The staff side's tables on PostgreSQL: the same as SQLite's (see sqlite-staff-migrations.ts). */
export const POSTGRES_STAFF_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 20,
    name: 'staff, sessions, sign-in tokens, tip inbox, notes, reads, audit trail',
    sql: `
      CREATE TABLE staff (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL UNIQUE,
        display_name text,
        role text NOT NULL CHECK (role IN ('reader', 'handler', 'admin')),
        oidc_subject text UNIQUE,
        active boolean NOT NULL DEFAULT true,
        created_at bigint NOT NULL,
        deactivated_at bigint
      );

      CREATE TABLE staff_sessions (
        id_hash text PRIMARY KEY,
        staff_id bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at bigint NOT NULL,
        last_seen_at bigint NOT NULL,
        expires_at bigint NOT NULL
      );
      CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

      CREATE TABLE staff_signin_tokens (
        token_hash text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('email-link', 'oidc')),
        staff_id bigint REFERENCES staff (id) ON DELETE CASCADE,
        data text,
        expires_at bigint NOT NULL
      );
      CREATE INDEX staff_signin_tokens_expires ON staff_signin_tokens (expires_at);

      CREATE TABLE tip_inbox (
        tip_id bigint PRIMARY KEY REFERENCES tips (id) ON DELETE CASCADE,
        accepted_at bigint NOT NULL,
        category text NOT NULL,
        area text NOT NULL,
        happening_now boolean NOT NULL,
        personal_data boolean NOT NULL,
        status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'triaged', 'in-lagesbild', 'closed')),
        assignee_id bigint REFERENCES staff (id),
        close_reason text,
        lagesbild_summary text,
        updated_at bigint NOT NULL
      );
      -- One index per filter that leads, each carrying the other filter columns, so a count or a
      -- filtered page is answered from the index without reading the rows.
      CREATE INDEX tip_inbox_accepted ON tip_inbox (accepted_at, tip_id);
      CREATE INDEX tip_inbox_status ON tip_inbox (status, accepted_at, area, category, assignee_id);
      CREATE INDEX tip_inbox_area ON tip_inbox (area, accepted_at, status, category, assignee_id);
      CREATE INDEX tip_inbox_category ON tip_inbox (category, accepted_at, status, area, assignee_id);
      CREATE INDEX tip_inbox_assignee ON tip_inbox (assignee_id, accepted_at, status, area, category);

      CREATE FUNCTION tips_inbox_row() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_payload jsonb := NEW.payload::jsonb;
      BEGIN
        INSERT INTO tip_inbox (tip_id, accepted_at, category, area, happening_now, personal_data, updated_at)
        VALUES (NEW.id, NEW.accepted_at, v_payload->'tip'->>'category', v_payload->'tip'->>'area',
                coalesce((v_payload->'flags'->>'happeningNow')::boolean, false),
                coalesce(jsonb_array_length(v_payload->'flags'->'personalData'), 0) > 0, NEW.accepted_at);
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER tips_inbox_row AFTER INSERT ON tips FOR EACH ROW EXECUTE FUNCTION tips_inbox_row();

      INSERT INTO tip_inbox (tip_id, accepted_at, category, area, happening_now, personal_data, updated_at)
        SELECT id, accepted_at, payload::jsonb->'tip'->>'category', payload::jsonb->'tip'->>'area',
               coalesce((payload::jsonb->'flags'->>'happeningNow')::boolean, false),
               coalesce(jsonb_array_length(payload::jsonb->'flags'->'personalData'), 0) > 0, accepted_at
        FROM tips;

      CREATE TABLE tip_notes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tip_id bigint NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
        author_id bigint NOT NULL REFERENCES staff (id),
        body text NOT NULL,
        created_at bigint NOT NULL
      );
      CREATE INDEX tip_notes_tip ON tip_notes (tip_id, id);

      CREATE TABLE tip_reads (
        tip_id bigint NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
        staff_id bigint NOT NULL REFERENCES staff (id),
        PRIMARY KEY (tip_id, staff_id)
      );

      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at bigint NOT NULL,
        actor_id bigint,
        actor text NOT NULL,
        action text NOT NULL,
        tip_reference text,
        detail text
      );
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
      CREATE INDEX audit_log_tip ON audit_log (tip_reference, at);
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only';
      END
      $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    `,
  },
  {
    version: 21,
    name: 'audit trail: a purged tip leaves its entries without its reference',
    sql: `
      ALTER TABLE audit_log ADD COLUMN tip_purged boolean NOT NULL DEFAULT false;
      DROP TRIGGER audit_log_append_only ON audit_log;
      UPDATE audit_log a SET tip_reference = NULL, tip_purged = true
        WHERE tip_reference IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tips t WHERE t.reference = a.tip_reference);
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The one change allowed: the retention purge blanks a deleted tip's reference and marks the entry.
        IF OLD.tip_reference IS NOT NULL AND NEW.tip_reference IS NULL AND NOT OLD.tip_purged AND NEW.tip_purged
           AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
           AND NEW.actor = OLD.actor AND NEW.action = OLD.action AND NEW.detail IS NOT DISTINCT FROM OLD.detail THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'the audit trail is append-only';
      END
      $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    `,
  },
  {
    version: 22,
    name: 'inbox text search: trigram indexes of descriptions and places',
    // pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
    // The indexed expressions are the ones the search writes (text-search.ts), or the planner
    // cannot use them. No copy of the text in any table: index entries of deleted or
    // updated rows go when (auto)vacuum cleans the table, like the rows themselves.
    sql: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE INDEX tips_search_description ON tips USING gin (${POSTGRES_DESCRIPTION} gin_trgm_ops);
      CREATE INDEX tips_search_place ON tips USING gin (${POSTGRES_PLACE} gin_trgm_ops);
    `,
  },
];
