import type { WeekId, WeekSpan } from '../platform/stockholm-week.ts';
import type { CountSource, ObservationSource, PartnerId } from '../schemas/lagesbild-options.ts';
import type { AreaId, CategoryId } from '../schemas/tip-options.ts';

/**
 * The store behind the weekly lägesbild (src/lagesbild/): entries (tips a
 * handler moved to the lägesbild, observations handlers add), the week's
 * counts, meeting notes and agreed actions, and frozen versions. It lives in
 * the same database as the TipStore (SQLite or PostgreSQL) and reads the
 * tips table for counts; the retention purge folds every tip it deletes into
 * a weekly aggregate first (see `foldPurgedTips` in sqlite/ and postgres/),
 * so counts never change when tips are purged. The contract suite in
 * tests/integration/lagesbild-store-contract.test.ts runs against both.
 *
 * Times are ms since the epoch, truncated to the minute by the store.
 * `by` is the staff member's id, as the staff side names them.
 */
export interface LagesbildStore {
  /** What the lägesbild may know about a stored tip: never its text. Undefined when no such tip is stored. */
  findTipFacts(reference: string): Promise<TipFacts | undefined>;

  /**
   * Puts a tip in the lägesbild with a handler's summary. One entry per tip:
   * a second call for the same tip returns the first entry (`created: false`)
   * and changes nothing.
   */
  addTipEntry(input: NewTipEntry, at: number, by: string): Promise<{ entry: StoredEntry; created: boolean }>;
  addObservation(input: ObservationFields, at: number, by: string): Promise<StoredEntry>;
  getEntry(id: number): Promise<StoredEntry | undefined>;
  /** A tip entry's summary only (its week, district and event are the tip's). */
  updateTipEntry(id: number, summary: string, at: number, by: string): Promise<StoredEntry | undefined>;
  /** Every field of an observation; undefined when no observation has this id. */
  updateObservation(id: number, input: ObservationFields, at: number, by: string): Promise<StoredEntry | undefined>;
  /** Removes an entry (either kind) and returns it as it was; undefined when none has this id. */
  removeEntry(id: number): Promise<StoredEntry | undefined>;
  /** The week's entries of both kinds, in a stable order (district, then id). */
  listEntries(week: WeekId): Promise<StoredEntry[]>;

  getNotes(week: WeekId): Promise<StoredNotes | undefined>;
  /** Replaces the week's meeting notes ("" removes them). */
  setNotes(week: WeekId, text: string, at: number, by: string): Promise<void>;
  addAction(input: ActionFields, at: number, by: string): Promise<StoredAction>;
  /** What, who and by when; an action stays in its week. */
  updateAction(id: number, input: ActionChange, at: number, by: string): Promise<StoredAction | undefined>;
  removeAction(id: number): Promise<StoredAction | undefined>;
  listActions(week: WeekId): Promise<StoredAction[]>;

  /**
   * Counts from the first week's start to the last week's end, by source,
   * district, event and happening-now: tips accepted in the range (stored
   * ones plus the aggregates of purged ones; source "tip") and observations
   * dated in it (their own sources). Only non-zero counts are returned.
   */
  countRange(first: WeekSpan, last: WeekSpan): Promise<CountRow[]>;
  /** Counts per week, kind and event for consecutive weeks (tips: stored plus purged aggregates). */
  countTrend(weeks: readonly WeekSpan[]): Promise<TrendRow[]>;
  /** The earliest week holding a tip (stored or aggregated) or an observation; undefined when none. */
  firstWeekWithData(): Promise<WeekId | undefined>;

  /**
   * Freezes a week: stores `snapshot` (JSON, summaries only) as the next
   * version, unless it equals the newest version's, which is then returned
   * with `created: false`. Versions are never changed or deleted (the
   * database refuses it too).
   */
  freezeWeek(week: WeekId, snapshot: string, at: number, by: string): Promise<{ version: number; created: boolean }>;
  listVersions(week: WeekId): Promise<VersionInfo[]>;
  getVersion(week: WeekId, version: number): Promise<StoredVersion | undefined>;
  /** The newest version of each frozen week, newest week first. */
  listFrozenWeeks(limit: number): Promise<VersionInfo[]>;
}

export interface TipFacts {
  /** The store's own key; never shown and dropped from entries when the tip is purged. */
  tipId: number;
  acceptedAt: number;
  area: AreaId;
  category: CategoryId;
  happeningNow: boolean;
}

export interface NewTipEntry {
  tipId: number;
  week: WeekId;
  area: AreaId;
  category: CategoryId;
  happeningNow: boolean;
  summary: string;
}

export interface ObservationFields {
  week: WeekId;
  source: ObservationSource;
  area: AreaId;
  category: CategoryId;
  /** An optional place name within the district. */
  place: string | null;
  /** The day it happened (YYYY-MM-DD, Swedish time); its week is `week`. */
  occurredOn: string;
  /** HH:MM, optional. */
  occurredTime: string | null;
  summary: string;
}

export interface StoredEntry {
  id: number;
  week: WeekId;
  /** "tip" for a tip's entry, else who reported the observation. */
  source: CountSource;
  /** The tip's reference while the tip is stored; null for observations and once the tip is purged. */
  tipReference: string | null;
  area: AreaId;
  category: CategoryId;
  happeningNow: boolean;
  place: string | null;
  occurredOn: string | null;
  occurredTime: string | null;
  summary: string;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
}

export interface StoredNotes {
  week: WeekId;
  text: string;
  updatedAt: number;
  updatedBy: string;
}

export interface ActionFields {
  week: WeekId;
  what: string;
  /** The partner the action falls to. */
  who: PartnerId;
  /** By when (YYYY-MM-DD). */
  dueOn: string;
}

export type ActionChange = Omit<ActionFields, 'week'>;

export interface StoredAction extends ActionFields {
  id: number;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
}

export interface CountRow {
  source: CountSource;
  area: AreaId;
  category: CategoryId;
  /** Always false for observations. */
  happeningNow: boolean;
  count: number;
}

export interface TrendRow {
  week: WeekId;
  kind: 'tip' | 'observation';
  category: CategoryId;
  count: number;
}

export interface VersionInfo {
  week: WeekId;
  version: number;
  frozenAt: number;
  frozenBy: string;
}

export interface StoredVersion extends VersionInfo {
  /** The frozen picture as JSON (see src/lagesbild/freeze.ts). */
  snapshot: string;
}
