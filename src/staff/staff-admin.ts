import { z } from 'zod';
import type { Clock } from '../platform/clock.ts';
import {
  AUDIT_ACTIONS,
  STAFF_ROLES,
  StaffExistsError,
  type AuditAction,
  type AuditFilter,
  type AuditPage,
  type StaffMember,
  type StaffRole,
  type StaffStore,
} from '../store/staff-store.ts';
import { parseReference } from '../store/reference.ts';
import { actorOf, ADMIN_ROLES, requireRole, type SignedIn } from './actor.ts';
import { StaffInputError } from './errors.ts';
import { isoWeekRange } from './iso-week.ts';

export interface StaffAdminDeps {
  staff: StaffStore;
  clock: Clock;
}

export const AUDIT_PAGE_SIZE = 100;
const EMAIL = z.email();

function roleFrom(value: string): StaffRole {
  if (!(STAFF_ROLES as readonly string[]).includes(value)) throw new StaffInputError('role', 'required');
  return value as StaffRole;
}

/** Everyone on the staff list (admins only). */
export async function listStaff(deps: StaffAdminDeps, signedIn: SignedIn): Promise<StaffMember[]> {
  requireRole(signedIn.member, ADMIN_ROLES);
  return deps.staff.listStaff();
}

/** Puts someone on the staff list, audited. */
export async function addStaffMember(
  deps: StaffAdminDeps,
  signedIn: SignedIn,
  form: { email: string; role: string; name: string },
): Promise<StaffMember> {
  requireRole(signedIn.member, ADMIN_ROLES);
  const email = form.email.trim();
  if (email === '') throw new StaffInputError('email', 'required');
  if (!EMAIL.safeParse(email).success) throw new StaffInputError('email', 'invalid');
  const role = roleFrom(form.role);
  try {
    return await deps.staff.addStaff(
      { email, role, displayName: form.name.trim() || null },
      actorOf(signedIn.member),
      deps.clock(),
    );
  } catch (error) {
    if (error instanceof StaffExistsError) throw new StaffInputError('email', 'taken');
    throw error;
  }
}

/** The other changes an admin makes to a member (never to themselves, so there is always an admin left who can). */
export async function changeStaffMember(
  deps: StaffAdminDeps,
  signedIn: SignedIn,
  id: string,
  change: { kind: 'role'; role: string } | { kind: 'oidc'; subject: string } | { kind: 'deactivate' | 'reactivate' },
): Promise<StaffMember | undefined> {
  requireRole(signedIn.member, ADMIN_ROLES);
  const memberId = /^\d{1,12}$/.test(id) ? Number(id) : undefined;
  if (memberId === undefined) return undefined;
  if (memberId === signedIn.member.id && change.kind !== 'oidc') throw new StaffInputError('self', 'self');
  const by = actorOf(signedIn.member);
  const now = deps.clock();
  switch (change.kind) {
    case 'role':
      return deps.staff.changeRole(memberId, roleFrom(change.role), by, now);
    case 'oidc':
      try {
        return await deps.staff.setOidcSubject(memberId, change.subject.trim() || null, by, now);
      } catch (error) {
        if (error instanceof StaffExistsError) throw new StaffInputError('oidc', 'taken');
        throw error;
      }
    case 'deactivate':
      return deps.staff.deactivateStaff(memberId, by, now);
    case 'reactivate':
      return deps.staff.reactivateStaff(memberId, by, now);
  }
}

/** The audit trail's filters as they stand in the URL. */
export interface AuditQuery {
  handling?: AuditAction;
  referens?: string;
  person?: string;
  vecka?: string;
  sida: number;
}

export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const action = params.get('handling') ?? '';
  const reference = parseReference(params.get('referens') ?? '');
  const person = params.get('person') ?? '';
  const week = params.get('vecka') ?? '';
  const page = Number(params.get('sida') ?? '1');
  return {
    handling: (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditAction) : undefined,
    referens: reference,
    person: /^\d{1,12}$/.test(person) ? person : undefined,
    vecka: isoWeekRange(week) ? week : undefined,
    sida: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** A page of the audit trail, newest first (admins only). Reading it is not itself audited. */
export async function readAudit(
  deps: StaffAdminDeps,
  signedIn: SignedIn,
  query: AuditQuery,
): Promise<AuditPage & { pageCount: number }> {
  requireRole(signedIn.member, ADMIN_ROLES);
  const filter: AuditFilter = {};
  if (query.handling) filter.action = query.handling;
  if (query.referens) filter.tipReference = query.referens;
  if (query.person) filter.actorId = Number(query.person);
  const week = query.vecka ? isoWeekRange(query.vecka) : undefined;
  if (week) {
    filter.from = week.from;
    filter.to = week.to;
  }
  const page = await deps.staff.listAudit(filter, {
    offset: (query.sida - 1) * AUDIT_PAGE_SIZE,
    limit: AUDIT_PAGE_SIZE,
  });
  return { ...page, pageCount: Math.max(1, Math.ceil(page.total / AUDIT_PAGE_SIZE)) };
}
