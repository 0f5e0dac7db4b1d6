import type { CountRow, TrendRow } from '../store/lagesbild-store.ts';
import { COUNT_SOURCES, type CountSource } from '../schemas/lagesbild-options.ts';
import {
  AREA_IDS,
  CATEGORY_FOCUS_AREA,
  CATEGORY_IDS,
  FOCUS_AREA_IDS,
  type AreaId,
  type CategoryId,
} from '../schemas/tip-options.ts';
import type { WeekId } from '../platform/stockholm-week.ts';
import type { FocusAreaKey } from './labels.ts';

/**
 * Pure arithmetic over the store's count rows: matrices of district × event
 * with their sums, per focus area, for tips, observations and both.
 */

export const FOCUS_KEYS: readonly FocusAreaKey[] = [...FOCUS_AREA_IDS, 'none'];

/** Counts of one kind (tips, observations or both) over district × event, with every sum. */
export interface CountMatrix {
  cells: Record<AreaId, Record<CategoryId, number>>;
  byArea: Record<AreaId, number>;
  byCategory: Record<CategoryId, number>;
  byFocusArea: Record<FocusAreaKey, number>;
  total: number;
}

/** A week's (or a period's) counts. */
export interface PeriodCounts {
  tips: CountMatrix;
  observations: CountMatrix;
  together: CountMatrix;
  /** Tips that came marked "happening now" (`happeningNow.total` of them). */
  happeningNow: CountMatrix;
  /** Counts per source: "tip" and each observation source. */
  bySource: Record<CountSource, number>;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

export function emptyMatrix(): CountMatrix {
  return {
    cells: Object.fromEntries(AREA_IDS.map((area) => [area, zeros(CATEGORY_IDS)])) as CountMatrix['cells'],
    byArea: zeros(AREA_IDS),
    byCategory: zeros(CATEGORY_IDS),
    byFocusArea: zeros(FOCUS_KEYS),
    total: 0,
  };
}

/** The focus area an event counts towards ("none" for "other"). */
export function focusKeyOf(category: CategoryId): FocusAreaKey {
  return CATEGORY_FOCUS_AREA[category] ?? 'none';
}

function add(matrix: CountMatrix, area: AreaId, category: CategoryId, count: number): void {
  // A stored id no longer in the lists would make the sums disagree with the cells: fail loudly.
  if (!(area in matrix.cells) || !(category in matrix.byCategory)) throw new Error(`unknown ${area}/${category}`);
  matrix.cells[area][category] += count;
  matrix.byArea[area] += count;
  matrix.byCategory[category] += count;
  matrix.byFocusArea[focusKeyOf(category)] += count;
  matrix.total += count;
}

/** Adds up count rows into tips, observations and both. */
export function periodCounts(rows: readonly CountRow[]): PeriodCounts {
  const counts: PeriodCounts = {
    tips: emptyMatrix(),
    observations: emptyMatrix(),
    together: emptyMatrix(),
    happeningNow: emptyMatrix(),
    bySource: zeros(COUNT_SOURCES),
  };
  for (const row of rows) {
    add(row.source === 'tip' ? counts.tips : counts.observations, row.area, row.category, row.count);
    add(counts.together, row.area, row.category, row.count);
    counts.bySource[row.source] += row.count;
    if (row.source === 'tip' && row.happeningNow) add(counts.happeningNow, row.area, row.category, row.count);
  }
  return counts;
}

/** One week of a trend. */
export interface TrendPoint {
  week: WeekId;
  tips: number;
  observations: number;
  together: number;
  /** Tips and observations together, per focus area. */
  byFocusArea: Record<FocusAreaKey, number>;
}

/** One point per week (zeros where nothing happened), in the order of `weeks`. */
export function trendPoints(weeks: readonly WeekId[], rows: readonly TrendRow[]): TrendPoint[] {
  const points = new Map<string, TrendPoint>(
    weeks.map((week) => [week, { week, tips: 0, observations: 0, together: 0, byFocusArea: zeros(FOCUS_KEYS) }]),
  );
  for (const row of rows) {
    const point = points.get(row.week);
    if (!point) continue;
    if (row.kind === 'tip') point.tips += row.count;
    else point.observations += row.count;
    point.together += row.count;
    point.byFocusArea[focusKeyOf(row.category)] += row.count;
  }
  return [...points.values()];
}

/** A roll-up line: district × event × source. */
export interface RollupRow {
  area: AreaId;
  category: CategoryId;
  source: CountSource;
  count: number;
}

/** Count rows summed over happening-now, in list order (district, event, source); zeros left out. */
export function rollupRows(rows: readonly CountRow[]): RollupRow[] {
  const sums = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.area}|${row.category}|${row.source}`;
    sums.set(key, (sums.get(key) ?? 0) + row.count);
  }
  const result: RollupRow[] = [];
  for (const area of AREA_IDS) {
    for (const category of CATEGORY_IDS) {
      for (const source of COUNT_SOURCES) {
        const count = sums.get(`${area}|${category}|${source}`);
        if (count) result.push({ area, category, source, count });
      }
    }
  }
  return result;
}
