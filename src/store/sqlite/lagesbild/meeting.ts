import type { Database } from 'better-sqlite3';
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

/** Meeting notes, agreed actions and frozen versions on SQLite. */
export function sqliteLagesbildMeeting(db: Database) {
  const notes = db.prepare<[string], NotesRow>(
    'SELECT week, text, updated_at, updated_by FROM lagesbild_notes WHERE week = ?',
  );
  const upsertNotes = db.prepare<[string, string, number, string]>(
    `INSERT INTO lagesbild_notes (week, text, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (week) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  );
  const deleteNotes = db.prepare<[string]>('DELETE FROM lagesbild_notes WHERE week = ?');
  const action = db.prepare<[number], ActionRow>('SELECT * FROM lagesbild_actions WHERE id = ?');
  const actions = db.prepare<[string], ActionRow>('SELECT * FROM lagesbild_actions WHERE week = ? ORDER BY due_on, id');
  const insertAction = db.prepare(
    `INSERT INTO lagesbild_actions (week, what, partner, due_on, created_at, created_by, updated_at, updated_by)
     VALUES (@week, @what, @who, @dueOn, @at, @by, @at, @by)`,
  );
  const updateAction = db.prepare(
    `UPDATE lagesbild_actions SET what = @what, partner = @who, due_on = @dueOn,
       updated_at = @at, updated_by = @by WHERE id = @id`,
  );
  const deleteAction = db.prepare<[number]>('DELETE FROM lagesbild_actions WHERE id = ?');
  const newest = db.prepare<[string], { version: number; snapshot: string }>(
    'SELECT version, snapshot FROM lagesbild_versions WHERE week = ? ORDER BY version DESC LIMIT 1',
  );
  const insertVersion = db.prepare<[string, number, number, string, string]>(
    'INSERT INTO lagesbild_versions (week, version, frozen_at, frozen_by, snapshot) VALUES (?, ?, ?, ?, ?)',
  );
  const versions = db.prepare<[string], VersionRow>(
    'SELECT week, version, frozen_at, frozen_by FROM lagesbild_versions WHERE week = ? ORDER BY version',
  );
  const version = db.prepare<[string, number], VersionRow & { snapshot: string }>(
    'SELECT week, version, frozen_at, frozen_by, snapshot FROM lagesbild_versions WHERE week = ? AND version = ?',
  );
  const frozenWeeks = db.prepare<[number], VersionRow>(
    `SELECT week, max(version) AS version, frozen_at, frozen_by FROM lagesbild_versions
     GROUP BY week ORDER BY week DESC LIMIT ?`,
  );

  const getAction = (id: number): StoredAction | undefined => {
    const row = action.get(id);
    return row ? actionFromRow(row) : undefined;
  };

  const freeze = db.transaction((week: string, snapshot: string, at: number, by: string) => {
    const latest = newest.get(week);
    if (latest?.snapshot === snapshot) return { version: latest.version, created: false };
    const next = (latest?.version ?? 0) + 1;
    insertVersion.run(week, next, toMinute(at), by, snapshot);
    return { version: next, created: true };
  });

  const removeAction = db.transaction((id: number) => {
    const found = getAction(id);
    if (found) deleteAction.run(id);
    return found;
  });

  return {
    getNotes(week: string): StoredNotes | undefined {
      const row = notes.get(week);
      return row ? notesFromRow(row) : undefined;
    },
    setNotes(week: string, text: string, at: number, by: string): void {
      if (text === '') deleteNotes.run(week);
      else upsertNotes.run(week, text, toMinute(at), by);
    },
    addAction(input: ActionFields, at: number, by: string): StoredAction {
      const result = insertAction.run({ ...input, at: toMinute(at), by });
      const found = getAction(Number(result.lastInsertRowid));
      if (!found) throw new Error('addAction: the action vanished');
      return found;
    },
    updateAction(id: number, input: ActionChange, at: number, by: string): StoredAction | undefined {
      return updateAction.run({ ...input, id, at: toMinute(at), by }).changes > 0 ? getAction(id) : undefined;
    },
    removeAction: (id: number) => removeAction.immediate(id),
    listActions: (week: string): StoredAction[] => actions.all(week).map(actionFromRow),
    freezeWeek: (week: string, snapshot: string, at: number, by: string) => freeze.immediate(week, snapshot, at, by),
    listVersions: (week: string): VersionInfo[] => versions.all(week).map(versionFromRow),
    getVersion(week: string, number: number): StoredVersion | undefined {
      const row = version.get(week, number);
      return row ? { ...versionFromRow(row), snapshot: row.snapshot } : undefined;
    },
    listFrozenWeeks: (limit: number): VersionInfo[] => frozenWeeks.all(limit).map(versionFromRow),
  };
}
