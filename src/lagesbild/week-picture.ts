import type { WeekId } from '../platform/stockholm-week.ts';
import type { CountSource, PartnerId } from '../schemas/lagesbild-options.ts';
import { AREA_IDS, type AreaId, type CategoryId } from '../schemas/tip-options.ts';
import type { StoredAction, StoredEntry } from '../store/lagesbild-store.ts';
import type { PeriodCounts, TrendPoint } from './count-matrix.ts';

/**
 * The picture of one week, as the meeting sees it and as a frozen version
 * keeps it. Pure data: the staff pages, the exports and the charts are all
 * made from it, so they show the same numbers.
 */
export interface WeekPicture {
  week: WeekId;
  /** The instants the week covers (Stockholm time), start inclusive, end exclusive. */
  start: number;
  end: number;
  counts: PeriodCounts;
  /** The weeks before this one and this one, oldest first. */
  trend: TrendPoint[];
  /** The same week a year earlier, when the calendar has one and the store reaches back that far. */
  yearEarlier: { week: WeekId; counts: PeriodCounts } | null;
  /** The week's entries grouped by district, in the districts' list order; districts without entries are left out. */
  entriesByArea: { area: AreaId; entries: EntryView[] }[];
  notes: string;
  actions: ActionView[];
}

/** An entry as a picture shows it: a summary, never a tip's text. */
export interface EntryView {
  source: CountSource;
  area: AreaId;
  category: CategoryId;
  happeningNow: boolean;
  place: string | null;
  occurredOn: string | null;
  occurredTime: string | null;
  summary: string;
}

export interface ActionView {
  what: string;
  who: PartnerId;
  dueOn: string;
}

/** The live week adds what only the working copy has: entry and action ids, versions. */
export interface LiveEntryView extends EntryView {
  id: number;
  /** Only for handlers and admins, while the tip is stored (a link back to the inbox); never for readers. */
  tipReference?: string | null;
}

export function entryView(entry: StoredEntry): EntryView {
  return {
    source: entry.source,
    area: entry.area,
    category: entry.category,
    happeningNow: entry.happeningNow,
    place: entry.place,
    occurredOn: entry.occurredOn,
    occurredTime: entry.occurredTime,
    summary: entry.summary,
  };
}

export function actionView(action: StoredAction): ActionView {
  return { what: action.what, who: action.who, dueOn: action.dueOn };
}

/** Entries grouped by district, in list order. */
export function groupByArea<T extends { area: AreaId }>(entries: readonly T[]): { area: AreaId; entries: T[] }[] {
  return AREA_IDS.map((area) => ({ area, entries: entries.filter((entry) => entry.area === area) })).filter(
    (group) => group.entries.length > 0,
  );
}

/**
 * What a frozen version is compared on: the week's own numbers, entries,
 * notes and actions. The trend and the year-earlier figures are kept in a
 * version too, but a change in an older week does not make this week
 * "changed since it was frozen".
 */
export function ownPart(picture: WeekPicture): string {
  return JSON.stringify([picture.counts, picture.entriesByArea, picture.notes, picture.actions]);
}
