import { ValidationError } from '../http/errors.ts';
import { weekSpan } from '../platform/stockholm-week.ts';
import type { LagesbildDeps } from './deps.ts';
import { buildWeek } from './picture.ts';
import { latestVersion, weekOrNotFound } from './read.ts';
import { encodeSnapshot } from './snapshot.ts';
import { requireRole, type Audit, type StaffMember } from './staff.ts';
import { ownPart } from './week-picture.ts';

/**
 * Fastställ: freezes a week's picture (its numbers, entries as summaries,
 * notes and actions, with the trend beside them) as the next immutable
 * version. A week unchanged since its newest version keeps that version
 * (`created: false`); a week that has not begun cannot be frozen.
 */
export async function freezeWeek(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  weekText: string,
): Promise<{ version: number; created: boolean }> {
  requireRole(staff, 'handler');
  const week = weekOrNotFound(weekText);
  const now = deps.clock();
  if (weekSpan(week).start > now) throw new ValidationError({ week: 'week.notStarted' });
  const [{ picture }, newest] = await Promise.all([buildWeek(deps, week), latestVersion(deps, week)]);
  if (newest && ownPart(newest.picture) === ownPart(picture)) return { version: newest.version, created: false };
  const result = await deps.store.freezeWeek(week, encodeSnapshot(picture), now, staff.id);
  if (result.created) await audit({ actor: staff.id, action: 'lagesbild.week.freeze', week });
  return result;
}
