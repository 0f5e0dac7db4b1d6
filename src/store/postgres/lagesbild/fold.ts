import { weekOf } from '../../../platform/stockholm-week.ts';
import type { Sql } from '../connect.ts';

/**
 * The lägesbild's step of the retention purge on PostgreSQL: before tips are
 * deleted, their counts go into the weekly aggregates (week, district,
 * event, happening now; no text, no reference, nothing finer than the week)
 * and the lägesbild entries made from them let go of them (the handler's
 * summary stays). Call it with the purge's transaction and the ids it is
 * about to delete (already locked FOR UPDATE), so counts never change.
 */
export async function postgresFoldPurgedTips(tx: Sql, tipIds: readonly number[]): Promise<number> {
  if (tipIds.length === 0) return 0;
  const ids = tx.array([...tipIds]);
  const tips = await tx<{ accepted_at: number; area: string; category: string; happening_now: boolean }[]>`
    SELECT accepted_at, area, category, happening_now FROM tips WHERE id = ANY(${ids}::bigint[])`;
  const groups = new Map<string, { week: string; area: string; category: string; happeningNow: boolean; n: number }>();
  for (const tip of tips) {
    const week = weekOf(tip.accepted_at);
    const key = `${week}|${tip.area}|${tip.category}|${tip.happening_now}`;
    const group = groups.get(key);
    if (group) group.n += 1;
    else groups.set(key, { week, area: tip.area, category: tip.category, happeningNow: tip.happening_now, n: 1 });
  }
  if (groups.size > 0) {
    const rows = [...groups.values()];
    await tx`
      INSERT INTO lagesbild_week_aggregates (week, area, category, happening_now, source, count)
      SELECT week, area, category, happening_now, 'tip', n
      FROM unnest(${tx.array(rows.map((row) => row.week))}::text[], ${tx.array(rows.map((row) => row.area))}::text[],
        ${tx.array(rows.map((row) => row.category))}::text[], ${tx.array(rows.map((row) => row.happeningNow))}::boolean[],
        ${tx.array(rows.map((row) => row.n))}::int[]) AS g (week, area, category, happening_now, n)
      ON CONFLICT (week, area, category, happening_now, source)
        DO UPDATE SET count = lagesbild_week_aggregates.count + excluded.count`;
  }
  await tx`UPDATE lagesbild_entries SET tip_id = NULL WHERE tip_id = ANY(${ids}::bigint[])`;
  return groups.size;
}
