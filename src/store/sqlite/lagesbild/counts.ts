import type { Database } from 'better-sqlite3';
import { weekOf, weeksFromTo, weekSpan, type WeekId, type WeekSpan } from '../../../platform/stockholm-week.ts';
import { mergeCountRows, mergeTrendRows, type RawCountRow, type RawTrendRow } from '../../lagesbild-rows.ts';
import type { CountRow, TrendRow } from '../../lagesbild-store.ts';

/**
 * The lägesbild's counts on SQLite. Stored tips are counted from their
 * facts by a range scan of the index over (accepted_at, category, area,
 * happening_now), which covers the query; purged tips come from their weekly
 * aggregates; observations from their entries (indexed by week). Week ids
 * sort in calendar order, so a run of weeks is a BETWEEN.
 *
 * Stored tips are counted one week at a time: grouping a whole year or
 * three in one statement makes SQLite sort every row in a temporary b-tree
 * (measured ~9× slower over 100,000 tips than 157 small groupings).
 */
export function sqliteLagesbildCounts(db: Database) {
  const tipsInWeek = db.prepare<[number, number], RawCountRow>(`
    SELECT 'tip' AS source, area, category, happening_now, count(*) AS n
    FROM tip_facts WHERE accepted_at >= ? AND accepted_at < ?
    GROUP BY category, area, happening_now`);
  const tipsInWeekByCategory = db.prepare<[number, number], { category: string; n: number }>(`
    SELECT category, count(*) AS n FROM tip_facts WHERE accepted_at >= ? AND accepted_at < ? GROUP BY category`);
  const others = db.prepare<[string, string, string, string], RawCountRow>(`
    SELECT source, area, category, happening_now, sum(count) AS n
      FROM lagesbild_week_aggregates WHERE week BETWEEN ? AND ?
      GROUP BY source, area, category, happening_now
    UNION ALL
    SELECT source, area, category, 0 AS happening_now, count(*) AS n
      FROM lagesbild_entries WHERE week BETWEEN ? AND ? AND source <> 'tip'
      GROUP BY source, area, category`);
  const otherTrend = db.prepare<[string, string, string, string], RawTrendRow>(`
    SELECT week, 'tip' AS kind, category, sum(count) AS n
      FROM lagesbild_week_aggregates WHERE week BETWEEN ? AND ?
      GROUP BY week, category
    UNION ALL
    SELECT week, 'observation' AS kind, category, count(*) AS n
      FROM lagesbild_entries WHERE week BETWEEN ? AND ? AND source <> 'tip'
      GROUP BY week, category`);
  const firstTip = db.prepare<[], { at: number | null }>('SELECT min(accepted_at) AS at FROM tip_facts');
  const firstAggregate = db.prepare<[], { week: string | null }>(
    'SELECT min(week) AS week FROM lagesbild_week_aggregates',
  );
  const firstObservation = db.prepare<[], { week: string | null }>(
    "SELECT min(week) AS week FROM lagesbild_entries WHERE source <> 'tip'",
  );

  return {
    countRange(first: WeekSpan, last: WeekSpan): CountRow[] {
      const rows: RawCountRow[] = [];
      const weeks = first.week === last.week ? [first] : weeksFromTo(first.week, last.week).map(weekSpan);
      for (const span of weeks) rows.push(...tipsInWeek.all(span.start, span.end));
      rows.push(...others.all(first.week, last.week, first.week, last.week));
      return mergeCountRows(rows);
    },
    countTrend(weeks: readonly WeekSpan[]): TrendRow[] {
      const first = weeks[0];
      const last = weeks.at(-1);
      if (!first || !last) return [];
      const rows: RawTrendRow[] = [];
      for (const span of weeks) {
        for (const row of tipsInWeekByCategory.all(span.start, span.end)) {
          rows.push({ week: span.week, kind: 'tip', category: row.category, n: row.n });
        }
      }
      rows.push(...otherTrend.all(first.week, last.week, first.week, last.week));
      return mergeTrendRows(rows);
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
