import { sameWeekYearEarlier, weekSpan, weeksEndingWith, type WeekId } from '../platform/stockholm-week.ts';
import type { StoredAction, StoredEntry } from '../store/lagesbild-store.ts';
import { periodCounts, trendPoints, type TrendPoint } from './count-matrix.ts';
import { DEFAULT_TREND_WEEKS, type LagesbildDeps } from './deps.ts';
import { actionView, entryView, groupByArea, type WeekPicture } from './week-picture.ts';

/** A week's picture with the rows it was made from (the live view needs their ids). */
export interface BuiltWeek {
  picture: WeekPicture;
  entries: StoredEntry[];
  actions: StoredAction[];
}

/** `count` weeks ending with `last`, as points (zeros where nothing happened). */
export async function trendOf(deps: LagesbildDeps, last: WeekId, count: number): Promise<TrendPoint[]> {
  const weeks = weeksEndingWith(last, count);
  return trendPoints(weeks, await deps.store.countTrend(weeks.map(weekSpan)));
}

/**
 * Reads everything a week's picture holds, in parallel: its counts, the
 * trend, the same week a year earlier, entries, notes and actions.
 */
export async function buildWeek(deps: LagesbildDeps, week: WeekId): Promise<BuiltWeek> {
  const span = weekSpan(week);
  const earlier = sameWeekYearEarlier(week);
  const earlierSpan = earlier ? weekSpan(earlier) : undefined;
  const trendWeeks = Math.max(8, deps.trendWeeks ?? DEFAULT_TREND_WEEKS) + 1;
  const [rows, trend, first, earlierRows, entries, notes, actions] = await Promise.all([
    deps.store.countRange(span, span),
    trendOf(deps, week, trendWeeks),
    deps.store.firstWeekWithData(),
    earlierSpan ? deps.store.countRange(earlierSpan, earlierSpan) : Promise.resolve([]),
    deps.store.listEntries(week),
    deps.store.getNotes(week),
    deps.store.listActions(week),
  ]);
  // A year earlier counts only when the store reaches back that far: zeros from before the service began would mislead.
  const yearEarlier =
    earlier && first !== undefined && first <= earlier ? { week: earlier, counts: periodCounts(earlierRows) } : null;
  return {
    picture: {
      week,
      start: span.start,
      end: span.end,
      counts: periodCounts(rows),
      trend,
      yearEarlier,
      entriesByArea: groupByArea(entries.map(entryView)),
      notes: notes?.text ?? '',
      actions: actions.map(actionView),
    },
    entries,
    actions,
  };
}
