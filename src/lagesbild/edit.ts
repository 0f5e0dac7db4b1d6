import { NotFoundError, ValidationError } from '../http/errors.ts';
import { localDateOf, weekOf, weekOfLocalDate, type WeekId } from '../platform/stockholm-week.ts';
import type { ObservationFields, StoredAction, StoredEntry } from '../store/lagesbild-store.ts';
import { parseReference } from '../store/reference.ts';
import type { LagesbildDeps } from './deps.ts';
import {
  actionInput,
  notesInput,
  observationInput,
  parseInput,
  tipEntryInput,
  type ActionInput,
  type ObservationInput,
} from './inputs.ts';
import { weekOrNotFound } from './read.ts';
import { requireRole, type Audit, type StaffMember } from './staff.ts';

/**
 * The handlers' changes to a week: entries, notes and agreed actions. Each
 * needs the role handler (or admin), checks its input first, makes the
 * change, then writes the audit entry. A frozen version is never touched:
 * a change to a frozen week shows as "changed since version N" until the
 * week is frozen again, which makes version N + 1.
 */

/**
 * Puts a tip in the lägesbild with the handler's one-line summary (what
 * partners see instead of the tip's text). The entry takes the tip's week
 * (from its acceptance time), district, event and happening-now flag. The
 * staff inbox calls this when a tip moves to "in lägesbild"; calling it
 * again for the same tip returns the first entry unchanged (`created: false`).
 */
export async function addTipEntry(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  input: { tipReference: string; summary: string },
): Promise<{ entry: StoredEntry; created: boolean }> {
  requireRole(staff, 'handler');
  const { summary } = parseInput(tipEntryInput, { summary: input.summary });
  const reference = parseReference(input.tipReference);
  const facts = reference ? await deps.store.findTipFacts(reference) : undefined;
  if (!reference || !facts) throw new NotFoundError('no such tip');
  const week = weekOf(facts.acceptedAt);
  const result = await deps.store.addTipEntry(
    { tipId: facts.tipId, week, area: facts.area, category: facts.category, happeningNow: facts.happeningNow, summary },
    deps.clock(),
    staff.id,
  );
  if (result.created) await audit({ actor: staff.id, action: 'lagesbild.entry.add-tip', reference, week });
  return result;
}

/** An observation's fields from a handler's input: its week is the ISO week of its date; no date in the future. */
function observationFields(deps: LagesbildDeps, input: ObservationInput): ObservationFields {
  const parsed = parseInput(observationInput, input);
  if (parsed.date > localDateOf(deps.clock())) throw new ValidationError({ date: 'date.future' });
  const week = weekOfLocalDate(parsed.date);
  if (!week) throw new ValidationError({ date: 'date.invalid' });
  return {
    week,
    source: parsed.source,
    area: parsed.area,
    category: parsed.category,
    place: parsed.place,
    occurredOn: parsed.date,
    occurredTime: parsed.time,
    summary: parsed.summary,
  };
}

/** Adds what a partner reported: source, event, district (and place), when, and a summary. */
export async function addObservation(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  input: ObservationInput,
): Promise<StoredEntry> {
  requireRole(staff, 'handler');
  const fields = observationFields(deps, input);
  const entry = await deps.store.addObservation(fields, deps.clock(), staff.id);
  await audit({ actor: staff.id, action: 'lagesbild.entry.add-observation', week: entry.week });
  return entry;
}

/** Edits an entry: a tip's entry takes a new summary only; an observation takes every field. */
export async function editEntry(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  id: number,
  input: ObservationInput | { summary: string },
): Promise<StoredEntry> {
  requireRole(staff, 'handler');
  const existing = Number.isInteger(id) ? await deps.store.getEntry(id) : undefined;
  if (!existing) throw new NotFoundError(`no entry ${id}`);
  let updated: StoredEntry | undefined;
  if (existing.source === 'tip') {
    const { summary } = parseInput(tipEntryInput, { summary: (input as { summary?: unknown }).summary });
    updated = await deps.store.updateTipEntry(id, summary, deps.clock(), staff.id);
  } else {
    const fields = observationFields(deps, input as ObservationInput);
    updated = await deps.store.updateObservation(id, fields, deps.clock(), staff.id);
  }
  if (!updated) throw new NotFoundError(`no entry ${id}`);
  await audit({ actor: staff.id, action: 'lagesbild.entry.edit', week: updated.week });
  return updated;
}

/** Removes an entry of either kind (the tip itself stays in the inbox). */
export async function removeEntry(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  id: number,
): Promise<StoredEntry> {
  requireRole(staff, 'handler');
  const removed = Number.isInteger(id) ? await deps.store.removeEntry(id) : undefined;
  if (!removed) throw new NotFoundError(`no entry ${id}`);
  await audit({ actor: staff.id, action: 'lagesbild.entry.remove', week: removed.week });
  return removed;
}

/** Replaces the week's meeting notes ("" removes them). */
export async function setNotes(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  weekText: string,
  input: { text: string },
): Promise<void> {
  requireRole(staff, 'handler');
  const week = weekOrNotFound(weekText);
  const { text } = parseInput(notesInput, input);
  await deps.store.setNotes(week, text, deps.clock(), staff.id);
  await audit({ actor: staff.id, action: 'lagesbild.notes.set', week });
}

/** Adds an agreed action to a week: what, which partner, by when. */
export async function addAction(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  weekText: string,
  input: ActionInput,
): Promise<StoredAction> {
  requireRole(staff, 'handler');
  const week: WeekId = weekOrNotFound(weekText);
  const fields = parseInput(actionInput, input);
  const action = await deps.store.addAction({ week, ...fields }, deps.clock(), staff.id);
  await audit({ actor: staff.id, action: 'lagesbild.action.add', week });
  return action;
}

export async function editAction(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  id: number,
  input: ActionInput,
): Promise<StoredAction> {
  requireRole(staff, 'handler');
  const fields = parseInput(actionInput, input);
  const updated = Number.isInteger(id) ? await deps.store.updateAction(id, fields, deps.clock(), staff.id) : undefined;
  if (!updated) throw new NotFoundError(`no action ${id}`);
  await audit({ actor: staff.id, action: 'lagesbild.action.edit', week: updated.week });
  return updated;
}

export async function removeAction(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  id: number,
): Promise<StoredAction> {
  requireRole(staff, 'handler');
  const removed = Number.isInteger(id) ? await deps.store.removeAction(id) : undefined;
  if (!removed) throw new NotFoundError(`no action ${id}`);
  await audit({ actor: staff.id, action: 'lagesbild.action.remove', week: removed.week });
  return removed;
}
