import { NotFoundError } from '../http/errors.ts';
import {
  parseWeekId,
  weeksOfQuarter,
  weeksOfYear,
  weekSpan,
  type Quarter,
  type WeekId,
} from '../platform/stockholm-week.ts';
import type { StoredAction, StoredEntry, VersionInfo } from '../store/lagesbild-store.ts';
import { periodCounts, rollupRows, type PeriodCounts, type RollupRow, type TrendPoint } from './count-matrix.ts';
import { MAX_TREND_WEEKS, type LagesbildDeps } from './deps.ts';
import { buildWeek, trendOf } from './picture.ts';
import { decodeSnapshot, type FrozenWeek } from './snapshot.ts';
import { requireRole, type Audit, type StaffMember } from './staff.ts';
import { entryView, groupByArea, ownPart, type LiveEntryView, type WeekPicture } from './week-picture.ts';

/** A week as staff see it now: the picture plus what only the working copy has. */
export interface LiveWeek {
  picture: WeekPicture;
  /** The entries with their ids (for edit links), grouped by district like the picture's. */
  entriesByArea: { area: WeekPicture['entriesByArea'][number]['area']; entries: LiveEntryView[] }[];
  actions: (WeekPicture['actions'][number] & { id: number })[];
  versions: VersionInfo[];
  /** True when the week's numbers, entries, notes or actions differ from its newest version (false when never frozen). */
  changedSinceLatest: boolean;
}

/** A week id from a route; an unknown week is answered like any unknown page. */
export function weekOrNotFound(text: string): WeekId {
  const week = parseWeekId(text);
  if (!week) throw new NotFoundError(`no such week: ${text}`);
  return week;
}

/** The newest frozen version of a week, if any. */
export async function latestVersion(deps: LagesbildDeps, week: WeekId): Promise<FrozenWeek | undefined> {
  const versions = await deps.store.listVersions(week);
  const newest = versions.at(-1);
  const stored = newest ? await deps.store.getVersion(week, newest.version) : undefined;
  return stored ? decodeSnapshot(stored) : undefined;
}

/** Opens a week (any role); recorded in the audit trail before anything is read. */
export async function viewWeek(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  weekText: string,
): Promise<LiveWeek> {
  requireRole(staff, 'reader');
  const week = weekOrNotFound(weekText);
  await audit({ actor: staff.id, action: 'lagesbild.week.view', week });
  const [built, versions] = await Promise.all([buildWeek(deps, week), deps.store.listVersions(week)]);
  const newest = versions.at(-1);
  const stored = newest ? await deps.store.getVersion(week, newest.version) : undefined;
  const frozen = stored ? decodeSnapshot(stored) : undefined;
  const handler = staff.role !== 'reader';
  const entries: LiveEntryView[] = built.entries.map((entry) => ({
    id: entry.id,
    ...entryView(entry),
    // Readers (partners) never get a tip's reference; handlers get it as a link back to the inbox.
    ...(handler ? { tipReference: entry.tipReference } : {}),
  }));
  return {
    picture: built.picture,
    entriesByArea: groupByArea(entries),
    actions: built.actions.map((action) => ({
      id: action.id,
      what: action.what,
      who: action.who,
      dueOn: action.dueOn,
    })),
    versions,
    changedSinceLatest: frozen !== undefined && ownPart(frozen.picture) !== ownPart(built.picture),
  };
}

/** A trend of `weeks` weeks ending with `lastWeek` (any role), e.g. three years (157 weeks). */
export async function viewTrend(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  input: { lastWeek: string; weeks: number },
): Promise<TrendPoint[]> {
  requireRole(staff, 'reader');
  const week = weekOrNotFound(input.lastWeek);
  if (!Number.isInteger(input.weeks) || input.weeks < 1 || input.weeks > MAX_TREND_WEEKS) {
    throw new NotFoundError(`no trend of ${input.weeks} weeks`);
  }
  await audit({ actor: staff.id, action: 'lagesbild.trend.view', week });
  return trendOf(deps, week, input.weeks);
}

/** The versions of a week, oldest first (any role). Part of viewing the week: not audited on its own. */
export async function listVersions(deps: LagesbildDeps, staff: StaffMember, weekText: string): Promise<VersionInfo[]> {
  requireRole(staff, 'reader');
  return deps.store.listVersions(weekOrNotFound(weekText));
}

/** The newest version of each frozen week, newest week first (any role). */
export async function listFrozenWeeks(deps: LagesbildDeps, staff: StaffMember, limit = 52): Promise<VersionInfo[]> {
  requireRole(staff, 'reader');
  return deps.store.listFrozenWeeks(Math.min(Math.max(1, Math.trunc(limit)), 520));
}

/** One frozen version, exactly as it was frozen (any role). */
export async function viewVersion(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  weekText: string,
  version: number,
): Promise<FrozenWeek> {
  requireRole(staff, 'reader');
  const week = weekOrNotFound(weekText);
  await audit({ actor: staff.id, action: 'lagesbild.version.view', week });
  const stored = Number.isInteger(version) ? await deps.store.getVersion(week, version) : undefined;
  if (!stored) throw new NotFoundError(`no version ${version} of ${week}`);
  return decodeSnapshot(stored);
}

/** A quarter (`2026-Q3`) or a year (`2026`): a run of whole ISO weeks (a week belongs to the quarter of its Thursday). */
export interface Period {
  id: string;
  weeks: WeekId[];
}

const PERIOD = /^(\d{4})(?:-Q([1-4]))?$/;

export function periodOrNotFound(text: string): Period {
  const match = PERIOD.exec(text);
  const year = Number(match?.[1]);
  if (!match || year < 2000 || year > 2999) throw new NotFoundError(`no such period: ${text}`);
  const quarter = match[2] ? (Number(match[2]) as Quarter) : undefined;
  return { id: text, weeks: quarter ? weeksOfQuarter(year, quarter) : weeksOfYear(year) };
}

export interface Rollup {
  period: string;
  first: WeekId;
  last: WeekId;
  rows: RollupRow[];
  counts: PeriodCounts;
}

/** Counts of a quarter or a year per district × event × source (any role). */
export async function viewRollup(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  periodText: string,
): Promise<Rollup> {
  requireRole(staff, 'reader');
  const period = periodOrNotFound(periodText);
  await audit({ actor: staff.id, action: 'lagesbild.rollup.view', period: period.id });
  return rollupOf(deps, period);
}

export async function rollupOf(deps: LagesbildDeps, period: Period): Promise<Rollup> {
  const first = period.weeks[0];
  const last = period.weeks.at(-1);
  if (!first || !last) throw new NotFoundError(`empty period ${period.id}`);
  const rows = await deps.store.countRange(weekSpan(first), weekSpan(last));
  return { period: period.id, first, last, rows: rollupRows(rows), counts: periodCounts(rows) };
}

/** One entry by id, for its edit form (handlers and admins); undefined when there is none. Not audited: the change is. */
export async function findEntry(deps: LagesbildDeps, staff: StaffMember, id: number): Promise<StoredEntry | undefined> {
  requireRole(staff, 'handler');
  return Number.isInteger(id) ? deps.store.getEntry(id) : undefined;
}

/** One of a week's agreed actions by id, for its edit form (handlers and admins); undefined when the week has none with this id. */
export async function findAction(
  deps: LagesbildDeps,
  staff: StaffMember,
  weekText: string,
  id: number,
): Promise<StoredAction | undefined> {
  requireRole(staff, 'handler');
  const week = weekOrNotFound(weekText);
  return (await deps.store.listActions(week)).find((action) => action.id === id);
}
