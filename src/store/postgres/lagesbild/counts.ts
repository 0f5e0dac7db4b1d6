import { weekOf, type WeekId, type WeekSpan } from '../../../platform/stockholm-week.ts';
import { mergeCountRows, mergeTrendRows, type RawCountRow, type RawTrendRow } from '../../lagesbild-rows.ts';
import type { CountRow, TrendRow } from '../../lagesbild-store.ts';
import type { Pool } from '../connect.ts';

/**
 * The lägesbild's counts on PostgreSQL: the same three sources as SQLite's
 * (stored tips by a range of the covering index over accepted_at, purged
 * tips' aggregates, observations), one round trip per question. A trend is
 * one range scan bucketed by the weeks' starts (width_bucket), rather than
 * a join of every week with its own range of the index.
 *
 * These statements are never prepared: after five runs of a prepared
 * statement PostgreSQL may switch to a generic plan that does not know how
 * wide the range is, and the three-year trend went from ~70 ms to over a
 * second (measured over 100,000 tips). Unnamed statements are planned with
 * their values each time (~0.3 ms of planning).
 */

const RANGE = `
  SELECT 'tip' AS source, area, category, happening_now, count(*)::int AS n
    FROM tips WHERE accepted_at >= $1 AND accepted_at < $2
    GROUP BY area, category, happening_now
  UNION ALL
  SELECT source, area, category, happening_now, sum(count)::int AS n
    FROM lagesbild_week_aggregates WHERE week BETWEEN $3 AND $4
    GROUP BY source, area, category, happening_now
  UNION ALL
  SELECT source, area, category, false AS happening_now, count(*)::int AS n
    FROM lagesbild_entries WHERE week BETWEEN $3 AND $4 AND source <> 'tip'
    GROUP BY source, area, category`;

const TREND = `
  SELECT NULL AS week, width_bucket(accepted_at, $1::bigint[]) AS bucket, 'tip' AS kind, category, count(*)::int AS n
    FROM tips WHERE accepted_at >= $2 AND accepted_at < $3
    GROUP BY bucket, category
  UNION ALL
  SELECT week, NULL, 'tip' AS kind, category, sum(count)::int AS n
    FROM lagesbild_week_aggregates WHERE week BETWEEN $4 AND $5
    GROUP BY week, category
  UNION ALL
  SELECT week, NULL, 'observation' AS kind, category, count(*)::int AS n
    FROM lagesbild_entries WHERE week BETWEEN $4 AND $5 AND source <> 'tip'
    GROUP BY week, category`;

const UNPREPARED = { prepare: false };

export function postgresLagesbildCounts(sql: Pool) {
  return {
    async countRange(first: WeekSpan, last: WeekSpan): Promise<CountRow[]> {
      const rows = await sql.unsafe<RawCountRow[]>(RANGE, [first.start, last.end, first.week, last.week], UNPREPARED);
      return mergeCountRows(rows);
    },

    async countTrend(weeks: readonly WeekSpan[]): Promise<TrendRow[]> {
      const first = weeks[0];
      const last = weeks.at(-1);
      if (!first || !last) return [];
      const starts = weeks.map((span) => span.start);
      const rows = await sql.unsafe<(RawTrendRow & { bucket: number | null })[]>(
        TREND,
        [starts, first.start, last.end, first.week, last.week],
        UNPREPARED,
      );
      for (const row of rows) {
        if (row.bucket !== null) row.week = weeks[row.bucket - 1]?.week ?? '';
      }
      return mergeTrendRows(rows);
    },

    async firstWeekWithData(): Promise<WeekId | undefined> {
      const [row] = await sql<{ at: number | null; aggregate: string | null; observation: string | null }[]>`
        SELECT (SELECT min(accepted_at) FROM tips) AS at,
          (SELECT min(week) FROM lagesbild_week_aggregates) AS aggregate,
          (SELECT min(week) FROM lagesbild_entries WHERE source <> 'tip') AS observation`;
      const candidates = [row?.at == null ? null : weekOf(row.at), row?.aggregate ?? null, row?.observation ?? null];
      return candidates.filter((week): week is string => week !== null).sort()[0] as WeekId | undefined;
    },
  };
}
