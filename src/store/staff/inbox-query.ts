import {
  searchable,
  type AuditDetail,
  type CloseReason,
  type InboxFilter,
  type InboxRow,
  type StatusChange,
  type TipNote,
  type TipRecord,
  type TipStatus,
} from '../staff-store.ts';
import { decodeTip, type StoredTipRow } from '../stored-tip.ts';
import type { Query } from './audit-query.ts';
import { SqlWhere } from './sql-where.ts';
import { POSTGRES_TEXT_SEARCH, SQLITE_TEXT_SEARCH, type TextSearch } from './text-search.ts';

/** How the two backends differ in the inbox's queries. */
export interface InboxDialect {
  style: '?' | '$';
  /** The text search: the value the query gets for `text`, and the condition on `i.tip_id` that uses it. */
  search: TextSearch;
}

export const SQLITE_INBOX: InboxDialect = { style: '?', search: SQLITE_TEXT_SEARCH };

export const POSTGRES_INBOX: InboxDialect = { style: '$', search: POSTGRES_TEXT_SEARCH };

/**
 * How a search text is looked for: `reference` only (by the unique index) when it is shorter than
 * SEARCH_MIN_CHARACTERS (it has no trigram for the full-text index), `text` (a reference, or the
 * description or place through the full-text index) otherwise; `nothing` for a text with a NUL:
 * no stored text holds one (the tip schema refuses control characters; PostgreSQL's text cannot)
 * and neither backend takes one in a query (FTS5 ends its string there).
 */
function searchOf(text: string): 'none' | 'nothing' | 'reference' | 'text' {
  if (text === '') return 'none';
  if (text.includes('\u0000')) return 'nothing';
  return searchable(text) ? 'text' : 'reference';
}

function where(filter: InboxFilter, dialect: InboxDialect, w: SqlWhere, fewHits: boolean): SqlWhere {
  if (filter.status !== undefined) w.add((p) => `i.status = ${p}`, filter.status);
  if (filter.area !== undefined) w.add((p) => `i.area = ${p}`, filter.area);
  if (filter.categories !== undefined) {
    const list = filter.categories.length > 0 ? filter.categories : [''];
    w.add((...ps) => `i.category IN (${ps.join(', ')})`, ...list);
  }
  if (filter.from !== undefined) w.add((p) => `i.accepted_at >= ${p}`, filter.from);
  if (filter.to !== undefined) w.add((p) => `i.accepted_at < ${p}`, filter.to);
  if (filter.assignee === 'none') w.add(() => 'i.assignee_id IS NULL');
  else if (filter.assignee !== undefined) w.add((p) => `i.assignee_id = ${p}`, filter.assignee);
  const text = filter.text ?? '';
  const search = searchOf(text);
  if (search === 'nothing') w.add(() => '1 = 0');
  else if (search === 'reference')
    w.add((p) => `i.tip_id = (SELECT id FROM tips WHERE reference = ${p})`, text.toUpperCase());
  else if (search === 'text')
    w.add(
      (ref, value) => dialect.search.matches(ref ?? '', value ?? '', fewHits),
      text.toUpperCase(),
      dialect.search.value(text),
    );
  return w;
}

/**
 * A text search matching at most this many tips counts as few: PostgreSQL
 * then collects them before it sorts (see text-search.ts).
 */
export const SEARCH_FEW_HITS = 2_000;

/**
 * One page of the inbox, newest first. `counted` (the count query's answer)
 * lets a text search pick its plan: few hits are collected first, many are
 * found walking the inbox newest first.
 */
export function inboxListQuery(
  filter: InboxFilter,
  viewerId: number,
  page: { offset: number; limit: number },
  dialect: InboxDialect,
  counted = 0,
): Query {
  const w = where(filter, dialect, new SqlWhere(dialect.style), counted <= SEARCH_FEW_HITS);
  // The page's rows first, from the inbox alone; only those 50 are joined to their reference, assignee
  // and read mark (a text search matching most tips joined 73,000 rows before sorting them).
  const limit = w.param(page.limit);
  const offset = w.param(page.offset);
  // A join, not NOT EXISTS in the select list: PostgreSQL hashed that subquery over all the viewer's reads.
  const viewer = w.param(viewerId);
  const text = `SELECT t.reference, i.accepted_at, i.category, i.area, i.happening_now, i.personal_data, i.status,
      i.assignee_id, s.email AS assignee_email, (r.tip_id IS NULL) AS unread
    FROM (SELECT i.tip_id, i.accepted_at, i.category, i.area, i.happening_now, i.personal_data, i.status, i.assignee_id
          FROM tip_inbox i ${w.clause}
          ORDER BY i.accepted_at DESC, i.tip_id DESC LIMIT ${limit} OFFSET ${offset}) AS i
      JOIN tips t ON t.id = i.tip_id LEFT JOIN staff s ON s.id = i.assignee_id
      LEFT JOIN tip_reads r ON r.tip_id = i.tip_id AND r.staff_id = ${viewer}
    ORDER BY i.accepted_at DESC, i.tip_id DESC`;
  return { text, params: w.params };
}

/** Counting stops here: beyond it the inbox says "more than 10,000" (an exact count of 100,000 rows costs tens of ms). */
export const INBOX_COUNT_CAP = 10_000;

/** The count as the inbox shows it: at most the cap, and whether more match. */
export function cappedTotal(counted: number): { total: number; totalCapped: boolean } {
  return { total: Math.min(counted, INBOX_COUNT_CAP), totalCapped: counted > INBOX_COUNT_CAP };
}

/** How many tips match, up to one more than the cap (from `tip_inbox` and its indexes, and the text search's). */
export function inboxCountQuery(filter: InboxFilter, dialect: InboxDialect): Query {
  const w = new SqlWhere(dialect.style);
  const { countFrom } = dialect.search;
  let from = 'tip_inbox i';
  if (countFrom && filter.text !== undefined && searchOf(filter.text) === 'text') {
    // Placeholders in text order ('?' counts them): the hits' come before the WHERE clause's.
    const hits = countFrom(w.param(filter.text.toUpperCase()), w.param(dialect.search.value(filter.text)));
    from = `(${hits}) AS h JOIN tip_inbox i ON i.tip_id = h.tip_id`;
    where({ ...filter, text: undefined }, dialect, w, false);
  } else {
    where(filter, dialect, w, false);
  }
  return {
    text: `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} ${w.clause} LIMIT ${w.param(INBOX_COUNT_CAP + 1)}) AS matching`,
    params: w.params,
  };
}

/** An inbox row as both backends return it. */
export interface InboxSqlRow {
  reference: string;
  accepted_at: number;
  category: string;
  area: string;
  happening_now: number | boolean;
  personal_data: number | boolean;
  status: string;
  assignee_id: number | null;
  assignee_email: string | null;
  unread: number | boolean;
}

export function toInboxRow(row: InboxSqlRow): InboxRow {
  return {
    reference: row.reference,
    acceptedAt: Number(row.accepted_at),
    category: row.category,
    area: row.area,
    happeningNow: Boolean(row.happening_now),
    personalData: Boolean(row.personal_data),
    status: row.status as TipStatus,
    assigneeId: row.assignee_id === null ? null : Number(row.assignee_id),
    assigneeEmail: row.assignee_email,
    unread: Boolean(row.unread),
  };
}

/** A tip with its triage state, as both backends select it for the tip view. */
export interface TipSqlRow extends StoredTipRow {
  id: number;
  status: string;
  assignee_id: number | null;
  assignee_email: string | null;
  close_reason: string | null;
  lagesbild_summary: string | null;
  updated_at: number;
  pending_jobs: number;
}

export const TIP_ROW_SELECT = `SELECT t.id, t.reference, t.accepted_at, t.language, t.payload,
    i.status, i.assignee_id, s.email AS assignee_email, i.close_reason, i.lagesbild_summary, i.updated_at,
    (SELECT count(*) FROM delivery_jobs j WHERE j.tip_id = t.id AND j.state IN ('pending', 'dead')) AS pending_jobs
  FROM tips t JOIN tip_inbox i ON i.tip_id = t.id LEFT JOIN staff s ON s.id = i.assignee_id`;

export function toTipRecord(row: TipSqlRow, notes: TipNote[]): TipRecord {
  return {
    tip: decodeTip(row),
    triage: {
      status: row.status as TipStatus,
      assigneeId: row.assignee_id === null ? null : Number(row.assignee_id),
      assigneeEmail: row.assignee_email,
      closeReason: row.close_reason as CloseReason | null,
      lagesbildSummary: row.lagesbild_summary,
      updatedAt: Number(row.updated_at),
    },
    notes,
    deliveryPending: Number(row.pending_jobs) > 0,
  };
}

/** The columns a status change writes: the reason only when closed, the summary kept once written. */
export function statusColumns(change: StatusChange): {
  status: TipStatus;
  reason: string | null;
  summary: string | null;
} {
  return {
    status: change.status,
    reason: change.status === 'closed' ? change.reason : null,
    summary: change.status === 'in-lagesbild' ? change.summary : null,
  };
}

/** What the audit keeps of a status change: codes and the summary's length, never its text. */
export function statusDetail(from: string, change: StatusChange): AuditDetail {
  return {
    from,
    to: change.status,
    ...(change.status === 'closed' ? { reason: change.reason } : {}),
    ...(change.status === 'in-lagesbild' ? { summaryCharacters: [...change.summary].length } : {}),
  };
}
