import { countCharacters, hasAnyControl, hasForbiddenControl, prepareText } from '../schemas/text.ts';
import type { Clock } from '../platform/clock.ts';
import { parseReference } from '../store/reference.ts';
import {
  CLOSE_REASONS,
  TIP_STATUSES,
  type CloseReason,
  type StaffStore,
  type StatusChange,
  type TipStatus,
} from '../store/staff-store.ts';
import { actorOf, requireRole, TIP_ROLES, type SignedIn } from './actor.ts';
import { StaffInputError } from './errors.ts';
import { redactionEdit, type RedactionRequest } from './redaction.ts';

/** The lägesbild summary is one line that partners read instead of the tip. */
export const SUMMARY_MAX = 200;
export const NOTE_MAX = 4000;

export interface TriageDeps {
  staff: StaffStore;
  clock: Clock;
}

/** What happened: false when the tip is gone (purged meanwhile, or never existed). */
type Done = boolean;

function referenceOf(reference: string): string {
  const canonical = parseReference(reference);
  if (!canonical) throw new StaffInputError('referens', 'unknown');
  return canonical;
}

/** Reads a status change from the form: closing needs a reason, the lägesbild a one-line summary. */
export function statusChangeFrom(form: { status: string; reason: string; summary: string }): StatusChange {
  const status = (TIP_STATUSES as readonly string[]).includes(form.status) ? (form.status as TipStatus) : undefined;
  if (!status) throw new StaffInputError('status', 'required');
  if (status === 'closed') {
    if (!(CLOSE_REASONS as readonly string[]).includes(form.reason)) throw new StaffInputError('reason', 'required');
    return { status, reason: form.reason as CloseReason };
  }
  if (status === 'in-lagesbild') {
    const summary = prepareText(form.summary);
    if (summary === '') throw new StaffInputError('summary', 'required');
    if (countCharacters(summary) > SUMMARY_MAX) throw new StaffInputError('summary', 'tooLong');
    if (hasAnyControl(summary)) throw new StaffInputError('summary', 'oneLine');
    return { status, summary };
  }
  return { status };
}

/** new → triaged → in lägesbild → closed (any order a handler needs), audited with the change. */
export async function changeStatus(
  deps: TriageDeps,
  signedIn: SignedIn,
  reference: string,
  form: { status: string; reason: string; summary: string },
): Promise<Done> {
  requireRole(signedIn.member, TIP_ROLES);
  const change = statusChangeFrom(form);
  return deps.staff.changeStatus(referenceOf(reference), change, actorOf(signedIn.member), deps.clock());
}

/** Assigns the tip to an active handler or admin ("" = nobody). */
export async function assignTip(
  deps: TriageDeps,
  signedIn: SignedIn,
  reference: string,
  assignee: string,
): Promise<Done> {
  requireRole(signedIn.member, TIP_ROLES);
  let assigneeId: number | null = null;
  if (assignee !== '') {
    const member = /^\d{1,12}$/.test(assignee) ? await deps.staff.findStaffById(Number(assignee)) : undefined;
    if (!member?.active || member.role === 'reader') throw new StaffInputError('assignee', 'unknown');
    assigneeId = member.id;
  }
  return deps.staff.assignTip(referenceOf(reference), assigneeId, actorOf(signedIn.member), deps.clock());
}

/** An internal note, only ever shown on the staff side; the audit keeps its length, not its text. */
export async function addNote(deps: TriageDeps, signedIn: SignedIn, reference: string, text: string): Promise<Done> {
  requireRole(signedIn.member, TIP_ROLES);
  const body = prepareText(text);
  if (body === '') throw new StaffInputError('note', 'required');
  if (countCharacters(body) > NOTE_MAX) throw new StaffInputError('note', 'tooLong');
  if (hasForbiddenControl(body)) throw new StaffInputError('note', 'invalid');
  return deps.staff.addNote(referenceOf(reference), body, actorOf(signedIn.member), deps.clock());
}

/**
 * Removes what the handler picked from the stored description, in one
 * action; undefined when the tip is gone. Nothing picked, or nothing found
 * of it, is an input error (nothing changes, nothing is audited).
 */
export async function redactTip(
  deps: TriageDeps,
  signedIn: SignedIn,
  reference: string,
  request: RedactionRequest,
): Promise<number | undefined> {
  requireRole(signedIn.member, TIP_ROLES);
  if (!request.allDetected && request.spans.length === 0 && request.text === '') {
    throw new StaffInputError('redact', 'nothingPicked');
  }
  const result = await deps.staff.redactTip(
    referenceOf(reference),
    redactionEdit(request),
    actorOf(signedIn.member),
    deps.clock(),
  );
  if (result === undefined) return undefined;
  if (result.removed === 0) throw new StaffInputError('redact', 'notFound');
  return result.removed;
}
