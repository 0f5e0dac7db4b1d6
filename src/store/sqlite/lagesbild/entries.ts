import type { Database } from 'better-sqlite3';
import { toMinute } from '../../accepted-tip.ts';
import { ENTRY_COLUMNS, entryFromRow, type EntryRow } from '../../lagesbild-rows.ts';
import type { NewTipEntry, ObservationFields, StoredEntry, TipFacts } from '../../lagesbild-store.ts';
import type { AreaId, CategoryId } from '../../../schemas/tip-options.ts';

const FROM_ENTRIES = `FROM lagesbild_entries e LEFT JOIN tips t ON t.id = e.tip_id`;

/** Tip facts and the lägesbild's entries on SQLite. */
export function sqliteLagesbildEntries(db: Database) {
  const tipFacts = db.prepare<
    [string],
    { id: number; accepted_at: number; area: string; category: string; happening_now: number }
  >(`SELECT t.id, f.accepted_at, f.area, f.category, f.happening_now
     FROM tips t JOIN tip_facts f ON f.tip_id = t.id WHERE t.reference = ?`);
  const byId = db.prepare<[number], EntryRow>(`SELECT ${ENTRY_COLUMNS} ${FROM_ENTRIES} WHERE e.id = ?`);
  const byTip = db.prepare<[number], { id: number }>('SELECT id FROM lagesbild_entries WHERE tip_id = ?');
  const byWeek = db.prepare<[string], EntryRow>(
    `SELECT ${ENTRY_COLUMNS} ${FROM_ENTRIES} WHERE e.week = ? ORDER BY e.area, e.id`,
  );
  const insertTip = db.prepare<[number, string, string, string, number, string, number, string, number, string]>(
    `INSERT INTO lagesbild_entries
       (tip_id, week, source, area, category, happening_now, summary, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, 'tip', ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tip_id) DO NOTHING`,
  );
  const insertObservation = db.prepare(
    `INSERT INTO lagesbild_entries
       (week, source, area, category, place, occurred_on, occurred_time, summary,
        created_at, created_by, updated_at, updated_by)
     VALUES (@week, @source, @area, @category, @place, @occurredOn, @occurredTime, @summary, @at, @by, @at, @by)`,
  );
  const updateTip = db.prepare<[string, number, string, number]>(
    `UPDATE lagesbild_entries SET summary = ?, updated_at = ?, updated_by = ? WHERE id = ? AND source = 'tip'`,
  );
  const updateObservation = db.prepare(
    `UPDATE lagesbild_entries SET week = @week, source = @source, area = @area, category = @category,
       place = @place, occurred_on = @occurredOn, occurred_time = @occurredTime, summary = @summary,
       updated_at = @at, updated_by = @by
     WHERE id = @id AND source <> 'tip'`,
  );
  const remove = db.prepare<[number]>('DELETE FROM lagesbild_entries WHERE id = ?');

  const get = (id: number): StoredEntry | undefined => {
    const row = byId.get(id);
    return row ? entryFromRow(row) : undefined;
  };

  const addTipEntry = db.transaction((input: NewTipEntry, at: number, by: string) => {
    const minute = toMinute(at);
    const inserted = insertTip.run(
      input.tipId,
      input.week,
      input.area,
      input.category,
      input.happeningNow ? 1 : 0,
      input.summary,
      minute,
      by,
      minute,
      by,
    );
    const id = inserted.changes > 0 ? Number(inserted.lastInsertRowid) : byTip.get(input.tipId)?.id;
    const entry = id === undefined ? undefined : get(id);
    if (!entry) throw new Error('addTipEntry: the entry vanished');
    return { entry, created: inserted.changes > 0 };
  });

  const removeEntry = db.transaction((id: number) => {
    const entry = get(id);
    if (entry) remove.run(id);
    return entry;
  });

  return {
    findTipFacts(reference: string): TipFacts | undefined {
      const row = tipFacts.get(reference);
      if (!row) return undefined;
      return {
        tipId: row.id,
        acceptedAt: row.accepted_at,
        area: row.area as AreaId,
        category: row.category as CategoryId,
        happeningNow: row.happening_now === 1,
      };
    },
    addTipEntry: (input: NewTipEntry, at: number, by: string) => addTipEntry.immediate(input, at, by),
    addObservation(input: ObservationFields, at: number, by: string): StoredEntry {
      const result = insertObservation.run({ ...input, at: toMinute(at), by });
      const entry = get(Number(result.lastInsertRowid));
      if (!entry) throw new Error('addObservation: the entry vanished');
      return entry;
    },
    getEntry: get,
    updateTipEntry(id: number, summary: string, at: number, by: string): StoredEntry | undefined {
      return updateTip.run(summary, toMinute(at), by, id).changes > 0 ? get(id) : undefined;
    },
    updateObservation(id: number, input: ObservationFields, at: number, by: string): StoredEntry | undefined {
      return updateObservation.run({ ...input, id, at: toMinute(at), by }).changes > 0 ? get(id) : undefined;
    },
    removeEntry: (id: number) => removeEntry.immediate(id),
    listEntries: (week: string): StoredEntry[] => byWeek.all(week).map(entryFromRow),
  };
}
