import type { WeekId } from '../platform/stockholm-week.ts';
import type { CountSource, PartnerId } from '../schemas/lagesbild-options.ts';
import type { AreaId, CategoryId } from '../schemas/tip-options.ts';
import type { StoredAction, StoredEntry, StoredNotes, VersionInfo } from './lagesbild-store.ts';

/**
 * The lägesbild's rows as both backends select them, and how they become the
 * contract's types. SQLite gives 0/1 where PostgreSQL gives booleans.
 */

export interface EntryRow {
  id: number;
  week: string;
  source: string;
  tip_reference: string | null;
  area: string;
  category: string;
  happening_now: number | boolean;
  place: string | null;
  occurred_on: string | null;
  occurred_time: string | null;
  summary: string;
  created_at: number;
  created_by: string;
  updated_at: number;
  updated_by: string;
}

/** The columns of an entry, with its tip's reference while that tip is stored (`e` = entries, `t` = tips). */
export const ENTRY_COLUMNS = `e.id, e.week, e.source, t.reference AS tip_reference, e.area, e.category,
  e.happening_now, e.place, e.occurred_on, e.occurred_time, e.summary,
  e.created_at, e.created_by, e.updated_at, e.updated_by`;

export function entryFromRow(row: EntryRow): StoredEntry {
  return {
    id: Number(row.id),
    week: row.week as WeekId,
    source: row.source as CountSource,
    tipReference: row.tip_reference,
    area: row.area as AreaId,
    category: row.category as CategoryId,
    happeningNow: Boolean(row.happening_now),
    place: row.place,
    occurredOn: row.occurred_on,
    occurredTime: row.occurred_time,
    summary: row.summary,
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
    updatedAt: Number(row.updated_at),
    updatedBy: row.updated_by,
  };
}

export interface ActionRow {
  id: number;
  week: string;
  what: string;
  partner: string;
  due_on: string;
  created_at: number;
  created_by: string;
  updated_at: number;
  updated_by: string;
}

export function actionFromRow(row: ActionRow): StoredAction {
  return {
    id: Number(row.id),
    week: row.week as WeekId,
    what: row.what,
    who: row.partner as PartnerId,
    dueOn: row.due_on,
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
    updatedAt: Number(row.updated_at),
    updatedBy: row.updated_by,
  };
}

export interface NotesRow {
  week: string;
  text: string;
  updated_at: number;
  updated_by: string;
}

export function notesFromRow(row: NotesRow): StoredNotes {
  return { week: row.week as WeekId, text: row.text, updatedAt: Number(row.updated_at), updatedBy: row.updated_by };
}

export interface VersionRow {
  week: string;
  version: number;
  frozen_at: number;
  frozen_by: string;
}

export function versionFromRow(row: VersionRow): VersionInfo {
  return {
    week: row.week as WeekId,
    version: Number(row.version),
    frozenAt: Number(row.frozen_at),
    frozenBy: row.frozen_by,
  };
}

/** A count row before the stored and purged tips of one group are added up. */
export interface RawCountRow {
  source: string;
  area: string;
  category: string;
  happening_now: number | boolean;
  n: number;
}

/** Adds up rows of the same group (stored tips and the aggregates of purged ones come apart). */
export function mergeCountRows(rows: readonly RawCountRow[]) {
  const merged = new Map<
    string,
    { source: CountSource; area: AreaId; category: CategoryId; happeningNow: boolean; count: number }
  >();
  for (const row of rows) {
    const happeningNow = Boolean(row.happening_now);
    const key = `${row.source}|${row.area}|${row.category}|${happeningNow ? 1 : 0}`;
    const found = merged.get(key);
    if (found) found.count += Number(row.n);
    else
      merged.set(key, {
        source: row.source as CountSource,
        area: row.area as AreaId,
        category: row.category as CategoryId,
        happeningNow,
        count: Number(row.n),
      });
  }
  return [...merged.values()];
}

export interface RawTrendRow {
  week: string;
  kind: string;
  category: string;
  n: number;
}

export function mergeTrendRows(rows: readonly RawTrendRow[]) {
  const merged = new Map<string, { week: WeekId; kind: 'tip' | 'observation'; category: CategoryId; count: number }>();
  for (const row of rows) {
    const key = `${row.week}|${row.kind}|${row.category}`;
    const found = merged.get(key);
    if (found) found.count += Number(row.n);
    else
      merged.set(key, {
        week: row.week as WeekId,
        kind: row.kind as 'tip' | 'observation',
        category: row.category as CategoryId,
        count: Number(row.n),
      });
  }
  return [...merged.values()];
}
