import type { Database } from 'better-sqlite3';
import { weekOf } from '../../../platform/stockholm-week.ts';

/**
 * The lägesbild's step of the retention purge on SQLite: before tips are
 * deleted, their counts go into the weekly aggregates (week, district,
 * event, happening now; no text, no reference, nothing finer than the week)
 * and the lägesbild entries made from them let go of them (the handler's
 * summary stays). Call it inside the purge's transaction, with the ids the
 * purge is about to delete (a JSON array), so counts never change.
 */
export function sqliteFoldPurgedTips(db: Database): (tipIdsJson: string) => number {
  const facts = db.prepare<[string], { accepted_at: number; area: string; category: string; happening_now: number }>(
    `SELECT accepted_at, area, category, happening_now FROM tip_facts WHERE tip_id IN (SELECT value FROM json_each(?))`,
  );
  const add = db.prepare<[string, string, string, number, number]>(
    `INSERT INTO lagesbild_week_aggregates (week, area, category, happening_now, source, count)
     VALUES (?, ?, ?, ?, 'tip', ?)
     ON CONFLICT (week, area, category, happening_now, source) DO UPDATE SET count = count + excluded.count`,
  );
  const unlink = db.prepare<[string]>(
    'UPDATE lagesbild_entries SET tip_id = NULL WHERE tip_id IN (SELECT value FROM json_each(?))',
  );
  return (tipIdsJson) => {
    if (!db.inTransaction) throw new Error('foldPurgedTips must run inside the purge transaction');
    const groups = new Map<string, { week: string; area: string; category: string; happeningNow: number; n: number }>();
    for (const tip of facts.iterate(tipIdsJson)) {
      const week = weekOf(tip.accepted_at);
      const key = `${week}|${tip.area}|${tip.category}|${tip.happening_now}`;
      const group = groups.get(key);
      if (group) group.n += 1;
      else groups.set(key, { week, area: tip.area, category: tip.category, happeningNow: tip.happening_now, n: 1 });
    }
    for (const group of groups.values()) add.run(group.week, group.area, group.category, group.happeningNow, group.n);
    unlink.run(tipIdsJson);
    return groups.size;
  };
}
