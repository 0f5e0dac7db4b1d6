import { toMinute } from '../../accepted-tip.ts';
import { ENTRY_COLUMNS, entryFromRow, type EntryRow } from '../../lagesbild-rows.ts';
import type { NewTipEntry, ObservationFields, StoredEntry, TipFacts } from '../../lagesbild-store.ts';
import type { AreaId, CategoryId } from '../../../schemas/tip-options.ts';
import type { Pool, Sql } from '../connect.ts';

/** Tip facts and the lägesbild's entries on PostgreSQL. */
export function postgresLagesbildEntries(sql: Pool) {
  const get = async (db: Sql, id: number): Promise<StoredEntry | undefined> => {
    const [row] = await db<EntryRow[]>`
      SELECT ${db.unsafe(ENTRY_COLUMNS)} FROM lagesbild_entries e LEFT JOIN tips t ON t.id = e.tip_id WHERE e.id = ${id}`;
    return row ? entryFromRow(row) : undefined;
  };

  return {
    async findTipFacts(reference: string): Promise<TipFacts | undefined> {
      const [row] = await sql<
        { id: number; accepted_at: number; area: string; category: string; happening_now: boolean }[]
      >`SELECT id, accepted_at, area, category, happening_now FROM tips WHERE reference = ${reference}`;
      if (!row) return undefined;
      return {
        tipId: row.id,
        acceptedAt: row.accepted_at,
        area: row.area as AreaId,
        category: row.category as CategoryId,
        happeningNow: row.happening_now,
      };
    },

    addTipEntry: (input: NewTipEntry, at: number, by: string) =>
      sql.begin(async (tx) => {
        const minute = toMinute(at);
        const inserted = await tx<{ id: number }[]>`
          INSERT INTO lagesbild_entries
            (tip_id, week, source, area, category, happening_now, summary, created_at, created_by, updated_at, updated_by)
          VALUES (${input.tipId}, ${input.week}, 'tip', ${input.area}, ${input.category}, ${input.happeningNow},
            ${input.summary}, ${minute}, ${by}, ${minute}, ${by})
          ON CONFLICT (tip_id) DO NOTHING RETURNING id`;
        const id =
          inserted[0]?.id ??
          (await tx<{ id: number }[]>`SELECT id FROM lagesbild_entries WHERE tip_id = ${input.tipId}`)[0]?.id;
        const entry = id === undefined ? undefined : await get(tx, id);
        if (!entry) throw new Error('addTipEntry: the entry vanished');
        return { entry, created: inserted.length > 0 };
      }),

    async addObservation(input: ObservationFields, at: number, by: string): Promise<StoredEntry> {
      const minute = toMinute(at);
      const [row] = await sql<{ id: number }[]>`
        INSERT INTO lagesbild_entries
          (week, source, area, category, place, occurred_on, occurred_time, summary,
           created_at, created_by, updated_at, updated_by)
        VALUES (${input.week}, ${input.source}, ${input.area}, ${input.category}, ${input.place},
          ${input.occurredOn}, ${input.occurredTime}, ${input.summary}, ${minute}, ${by}, ${minute}, ${by})
        RETURNING id`;
      const entry = row ? await get(sql, row.id) : undefined;
      if (!entry) throw new Error('addObservation: the entry vanished');
      return entry;
    },

    getEntry: (id: number) => get(sql, id),

    async updateTipEntry(id: number, summary: string, at: number, by: string): Promise<StoredEntry | undefined> {
      const updated = await sql`
        UPDATE lagesbild_entries SET summary = ${summary}, updated_at = ${toMinute(at)}, updated_by = ${by}
        WHERE id = ${id} AND source = 'tip'`;
      return updated.count > 0 ? get(sql, id) : undefined;
    },

    async updateObservation(
      id: number,
      input: ObservationFields,
      at: number,
      by: string,
    ): Promise<StoredEntry | undefined> {
      const updated = await sql`
        UPDATE lagesbild_entries SET week = ${input.week}, source = ${input.source}, area = ${input.area},
          category = ${input.category}, place = ${input.place}, occurred_on = ${input.occurredOn},
          occurred_time = ${input.occurredTime}, summary = ${input.summary},
          updated_at = ${toMinute(at)}, updated_by = ${by}
        WHERE id = ${id} AND source <> 'tip'`;
      return updated.count > 0 ? get(sql, id) : undefined;
    },

    removeEntry: (id: number) =>
      sql.begin(async (tx) => {
        const entry = await get(tx, id);
        if (entry) await tx`DELETE FROM lagesbild_entries WHERE id = ${id}`;
        return entry;
      }),

    async listEntries(week: string): Promise<StoredEntry[]> {
      const rows = await sql<EntryRow[]>`
        SELECT ${sql.unsafe(ENTRY_COLUMNS)} FROM lagesbild_entries e LEFT JOIN tips t ON t.id = e.tip_id
        WHERE e.week = ${week} ORDER BY e.area, e.id`;
      return rows.map(entryFromRow);
    },
  };
}
