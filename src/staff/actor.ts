import type { StaffActor, StaffMember, StaffRole } from '../store/staff-store.ts';
import { StaffForbiddenError } from './errors.ts';

/** The signed-in member as the use cases receive them. */
export interface SignedIn {
  member: StaffMember;
  /** The session's id hash (sign-out ends it). */
  sessionHash: string;
  csrfToken: string;
}

/** Who the audit trail names. */
export function actorOf(member: StaffMember): StaffActor {
  return { id: member.id, label: member.email };
}

/** The use cases' own check, behind the route table's: refuses a role that is not listed. */
export function requireRole(member: StaffMember, roles: readonly StaffRole[]): void {
  if (!member.active || !roles.includes(member.role)) throw new StaffForbiddenError(`role ${member.role}`);
}

/** Handlers and admins work with tips; readers never see a tip's text. */
export const TIP_ROLES: readonly StaffRole[] = ['handler', 'admin'];
export const ADMIN_ROLES: readonly StaffRole[] = ['admin'];
