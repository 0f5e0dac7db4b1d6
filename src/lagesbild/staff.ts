import { LAGESBILD_AUDIT_ACTIONS, type LagesbildAuditAction } from '../schemas/lagesbild-options.ts';
import { LagesbildRoleError } from './errors.ts';

/** Every lägesbild act the audit trail records, by a stable name (kept with the lägesbild's lists). */
export { LAGESBILD_AUDIT_ACTIONS, type LagesbildAuditAction };

/**
 * What the lägesbild needs from the staff side (issue 10): who is signed in,
 * and a way to write the audit trail. The staff side's session gives the
 * first and its audit store the second; the lägesbild defines only these
 * small shapes, so it does not depend on how sign-in or the trail work.
 */

/** The staff roles, least to most: readers (partners) see; handlers also edit and freeze; admins also manage staff. */
export const STAFF_ROLES = ['reader', 'handler', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The signed-in staff member a use case acts for. */
export interface StaffMember {
  /** A stable id (the staff list's key); stored as "by" on what they change. */
  id: string;
  email?: string;
  role: StaffRole;
}

/**
 * One line of the audit trail: who, what, which tip (by reference, never its
 * text) and which week. `period` names a roll-up's quarter or year
 * (`2026-Q3`, `2026`). The trail adds the time itself.
 */
export interface AuditEntry {
  actor: string;
  action: LagesbildAuditAction;
  reference?: string;
  week?: string;
  period?: string;
}

/** Writes one audit entry; a failure (a rejected promise or a throw) fails the use case. */
export type Audit = (entry: AuditEntry) => void | Promise<void>;

const RANK: Readonly<Record<StaffRole, number>> = { reader: 0, handler: 1, admin: 2 };

/**
 * Refuses a staff member whose role is below `least`. The staff routes'
 * role table refuses first; this is the use case's own check, so no route
 * can forget it.
 */
export function requireRole(staff: StaffMember, least: StaffRole): void {
  if (!(staff.role in RANK) || RANK[staff.role] < RANK[least]) throw new LagesbildRoleError(least);
}
