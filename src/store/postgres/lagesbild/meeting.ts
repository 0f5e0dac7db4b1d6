import { toMinute } from '../../accepted-tip.ts';
import {
  actionFromRow,
  notesFromRow,
  versionFromRow,
  type ActionRow,
  type NotesRow,
  type VersionRow,
} from '../../lagesbild-rows.ts';
import type {
  ActionChange,
  ActionFields,
  StoredAction,
  StoredNotes,
  StoredVersion,
  VersionInfo,
} from '../../lagesbild-store.ts';
import type { Pool } from '../connect.ts';

/** Any int4 works; with the week's hash it serializes freezing one week. */
const FREEZE_LOCK = 730_199;

/** Meeting notes, agreed actions and frozen versions on PostgreSQL. */
export function postgresLagesbildMeeting(sql: Pool) {
  return {
    async getNotes(week: string): Promise<StoredNotes | undefined> {
      const [row] = await sql<NotesRow[]>`
        SELECT week, text, updated_at, updated_by FROM lagesbild_notes WHERE week = ${week}`;
      return row ? notesFromRow(row) : undefined;
    },

    async setNotes(week: string, text: string, at: number, by: string): Promise<void> {
      if (text === '') {
        await sql`DELETE FROM lagesbild_notes WHERE week = ${week}`;
        return;
      }
      await sql`
        INSERT INTO lagesbild_notes (week, text, updated_at, updated_by) VALUES (${week}, ${text}, ${toMinute(at)}, ${by})
        ON CONFLICT (week) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at,
          updated_by = excluded.updated_by`;
    },

    async addAction(input: ActionFields, at: number, by: string): Promise<StoredAction> {
      const minute = toMinute(at);
      const [row] = await sql<ActionRow[]>`
        INSERT INTO lagesbild_actions (week, what, partner, due_on, created_at, created_by, updated_at, updated_by)
        VALUES (${input.week}, ${input.what}, ${input.who}, ${input.dueOn}, ${minute}, ${by}, ${minute}, ${by})
        RETURNING *`;
      if (!row) throw new Error('addAction: nothing inserted');
      return actionFromRow(row);
    },

    async updateAction(id: number, input: ActionChange, at: number, by: string): Promise<StoredAction | undefined> {
      const [row] = await sql<ActionRow[]>`
        UPDATE lagesbild_actions SET what = ${input.what}, partner = ${input.who},
          due_on = ${input.dueOn}, updated_at = ${toMinute(at)}, updated_by = ${by}
        WHERE id = ${id} RETURNING *`;
      return row ? actionFromRow(row) : undefined;
    },

    async removeAction(id: number): Promise<StoredAction | undefined> {
      const [row] = await sql<ActionRow[]>`DELETE FROM lagesbild_actions WHERE id = ${id} RETURNING *`;
      return row ? actionFromRow(row) : undefined;
    },

    async listActions(week: string): Promise<StoredAction[]> {
      const rows = await sql<ActionRow[]>`SELECT * FROM lagesbild_actions WHERE week = ${week} ORDER BY due_on, id`;
      return rows.map(actionFromRow);
    },

    freezeWeek: (week: string, snapshot: string, at: number, by: string) =>
      sql.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(${FREEZE_LOCK}, hashtext(${week}))`;
        const [latest] = await tx<{ version: number; snapshot: string }[]>`
          SELECT version, snapshot FROM lagesbild_versions WHERE week = ${week} ORDER BY version DESC LIMIT 1`;
        if (latest?.snapshot === snapshot) return { version: latest.version, created: false };
        const next = (latest?.version ?? 0) + 1;
        await tx`
          INSERT INTO lagesbild_versions (week, version, frozen_at, frozen_by, snapshot)
          VALUES (${week}, ${next}, ${toMinute(at)}, ${by}, ${snapshot})`;
        return { version: next, created: true };
      }),

    async listVersions(week: string): Promise<VersionInfo[]> {
      const rows = await sql<VersionRow[]>`
        SELECT week, version, frozen_at, frozen_by FROM lagesbild_versions WHERE week = ${week} ORDER BY version`;
      return rows.map(versionFromRow);
    },

    async getVersion(week: string, version: number): Promise<StoredVersion | undefined> {
      const [row] = await sql<(VersionRow & { snapshot: string })[]>`
        SELECT week, version, frozen_at, frozen_by, snapshot FROM lagesbild_versions
        WHERE week = ${week} AND version = ${version}`;
      return row ? { ...versionFromRow(row), snapshot: row.snapshot } : undefined;
    },

    async listFrozenWeeks(limit: number): Promise<VersionInfo[]> {
      const rows = await sql<VersionRow[]>`
        SELECT DISTINCT ON (week) week, version, frozen_at, frozen_by FROM lagesbild_versions
        ORDER BY week DESC, version DESC LIMIT ${limit}`;
      return rows.map(versionFromRow);
    },
  };
}
