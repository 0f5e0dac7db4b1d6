import { REFERENCE_ALPHABET } from '../reference.ts';
import type { AuditDetail, AuditEntry, AuditEntryInput, StaffMember, StaffRole } from '../staff-store.ts';

/** A staff row as both stores select it (`active` is 0/1 on SQLite, a boolean on PostgreSQL). */
export interface StaffRow {
  id: number;
  email: string;
  display_name: string | null;
  role: string;
  oidc_subject: string | null;
  active: number | boolean;
  created_at: number;
  deactivated_at: number | null;
}

export const STAFF_COLUMNS = 'id, email, display_name, role, oidc_subject, active, created_at, deactivated_at';

export function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: Number(row.id),
    email: row.email,
    displayName: row.display_name,
    role: row.role as StaffRole,
    oidcSubject: row.oidc_subject,
    active: Boolean(row.active),
    createdAt: Number(row.created_at),
    deactivatedAt: row.deactivated_at === null ? null : Number(row.deactivated_at),
  };
}

export interface AuditRow {
  id: number;
  at: number;
  actor_id: number | null;
  actor: string;
  action: string;
  tip_reference: string | null;
  tip_purged: number | boolean;
  detail: string | null;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: Number(row.at),
    actorId: row.actor_id === null ? null : Number(row.actor_id),
    actor: row.actor,
    action: row.action as AuditEntry['action'],
    tipReference: row.tip_reference,
    tipPurged: Boolean(row.tip_purged),
    detail: row.detail === null ? null : (JSON.parse(row.detail) as AuditDetail),
  };
}

const REFERENCE_ANYWHERE = new RegExp(`[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}`);

/**
 * The columns of one audit entry, in insert order. A tip's reference goes
 * only in its own column, which the retention purge blanks when it deletes
 * the tip; in the details (which no one may change) it would outlive the tip.
 */
export function auditValues(
  entry: AuditEntryInput,
): [number, number | null, string, string, string | null, string | null] {
  const detail = entry.detail ? JSON.stringify(entry.detail) : null;
  if (detail !== null && REFERENCE_ANYWHERE.test(detail)) {
    throw new Error('an audit detail must not hold a tip reference: pass it as tipReference');
  }
  return [entry.at, entry.actor.id, entry.actor.label, entry.action, entry.tipReference ?? null, detail];
}

/** Emails are compared and stored in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** `%text%` for LIKE, with the pattern characters of `text` escaped by `\`. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const DAY_MS = 24 * 60 * 60_000;
