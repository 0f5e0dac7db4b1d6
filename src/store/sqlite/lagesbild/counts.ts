import type { Database } from 'better-sqlite3';
import { weekOf, type WeekId, type WeekSpan } from '../../../platform/stockholm-week.ts';
import { mergeCountRows, mergeTrendRows, type RawCountRow, type RawTrendRow } from '../../lagesbild-rows.ts';
import type { CountRow, TrendRow } from '../../lagesbild-store.ts';

/**
 * The lägesbild's counts on SQLite. Stored tips are counted by a range scan
 * of the index over (accepted_at, area, category, happening_now), which
 * covers the query; purged tips come from their weekly aggregates;
 * observations from their entries (indexed by week). Week ids sort in
 * calendar order, so a run of weeks is a BETWEEN.
 */
export function sqliteLagesbildCounts(db: Database) {
  const range = db.prepare<[number, number, string, string, string, string], RawCountRow>(`
    SELECT 'tip' AS source, area, category, happening_now, count(*) AS n
      FROM tips WHERE accepted_at >= ? AND accepted_at < ?
      GROUP BY area, category, happening_now
    UNION ALL
    SELECT source, area, category, happening_now, sum(count) AS n
      FROM lagesbild_week_aggregates WHERE week BETWEEN ? AND ?
      GROUP BY source, area, category, happening_now
    UNION ALL
    SELECT source, area, category, 0 AS happening_now, count(*) AS n
      FROM lagesbild_entries WHERE week BETWEEN ? AND ? AND source <> 'tip'
      GROUP BY source, area, category`);
  // The weeks drive the join (CROSS JOIN keeps them the outer loop): one index range per week.
  const trend = db.prepare<[string, string, string, string, string], RawTrendRow>(`
    WITH w (week, start_at, end_at) AS (
      SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))
    SELECT w.week, 'tip' AS kind, t.category, count(*) AS n
      FROM w CROSS JOIN tips t ON t.accepted_at >= w.start_at AND t.accepted_at < w.end_at
      GROUP BY w.week, t.category
    UNION ALL
    SELECT week, 'tip' AS kind, category, sum(count) AS n
      FROM lagesbild_week_aggregates WHERE week BETWEEN ? AND ?
      GROUP BY week, category
    UNION ALL
    SELECT week, 'observation' AS kind, category, count(*) AS n
      FROM lagesbild_entries WHERE week BETWEEN ? AND ? AND source <> 'tip'
      GROUP BY week, category`);
  const firstTip = db.prepare<[], { at: number | null }>('SELECT min(accepted_at) AS at FROM tips');
  const firstAggregate = db.prepare<[], { week: string | null }>(
    'SELECT min(week) AS week FROM lagesbild_week_aggregates',
  );
  const firstObservation = db.prepare<[], { week: string | null }>(
    "SELECT min(week) AS week FROM lagesbild_entries WHERE source <> 'tip'",
  );

  return {
    countRange(first: WeekSpan, last: WeekSpan): CountRow[] {
      return mergeCountRows(range.all(first.start, last.end, first.week, last.week, first.week, last.week));
    },
    countTrend(weeks: readonly WeekSpan[]): TrendRow[] {
      const first = weeks[0];
      const last = weeks.at(-1);
      if (!first || !last) return [];
      const spans = JSON.stringify(weeks.map((span) => [span.week, span.start, span.end]));
      return mergeTrendRows(trend.all(spans, first.week, last.week, first.week, last.week));
    },
    firstWeekWithData(): WeekId | undefined {
      const at = firstTip.get()?.at ?? null;
      const candidates = [
        at === null ? null : weekOf(at),
        firstAggregate.get()?.week ?? null,
        firstObservation.get()?.week ?? null,
      ].filter((week): week is string => week !== null);
      return candidates.sort()[0] as WeekId | undefined;
    },
  };
}
