import type { AuditFilter } from '../staff-store.ts';
import { SqlWhere } from './sql-where.ts';

/** A query's text and its parameters. */
export interface Query {
  text: string;
  params: unknown[];
}

function where(filter: AuditFilter, style: '?' | '$'): SqlWhere {
  const w = new SqlWhere(style);
  if (filter.actorId !== undefined) w.add((p) => `actor_id = ${p}`, filter.actorId);
  if (filter.action !== undefined) w.add((p) => `action = ${p}`, filter.action);
  if (filter.tipReference !== undefined) w.add((p) => `tip_reference = ${p}`, filter.tipReference);
  if (filter.from !== undefined) w.add((p) => `at >= ${p}`, filter.from);
  if (filter.to !== undefined) w.add((p) => `at < ${p}`, filter.to);
  return w;
}

/** One page of audit entries, newest first, for either backend. */
export function auditListQuery(filter: AuditFilter, page: { offset: number; limit: number }, style: '?' | '$'): Query {
  const w = where(filter, style);
  const text = `SELECT id, at, actor_id, actor, action, tip_reference, tip_purged, detail FROM audit_log ${w.clause}
    ORDER BY at DESC, id DESC LIMIT ${w.param(page.limit)} OFFSET ${w.param(page.offset)}`;
  return { text, params: w.params };
}

/** How many audit entries match. */
export function auditCountQuery(filter: AuditFilter, style: '?' | '$'): Query {
  const w = where(filter, style);
  return { text: `SELECT count(*) AS n FROM audit_log ${w.clause}`, params: w.params };
}
