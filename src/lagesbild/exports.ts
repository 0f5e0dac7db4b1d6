import { NotFoundError } from '../http/errors.ts';
import { rollupCsv, weekCountsCsv, weekEntriesCsv } from './csv.ts';
import type { LagesbildDeps } from './deps.ts';
import { buildWeek } from './picture.ts';
import { periodOrNotFound, rollupOf, weekOrNotFound } from './read.ts';
import { decodeSnapshot } from './snapshot.ts';
import { requireRole, type Audit, type StaffMember } from './staff.ts';
import type { WeekPicture } from './week-picture.ts';

/** A file to download: its name and its content (CSV, UTF-8 with BOM). */
export interface CsvFile {
  filename: string;
  contentType: 'text/csv; charset=utf-8';
  body: string;
}

const csvFile = (filename: string, body: string): CsvFile => ({
  filename,
  contentType: 'text/csv; charset=utf-8',
  body,
});

/** The live week's picture, or a frozen version's when `version` is given. */
async function pictureOf(deps: LagesbildDeps, week: string, version: number | undefined): Promise<WeekPicture> {
  const id = weekOrNotFound(week);
  if (version === undefined) return (await buildWeek(deps, id)).picture;
  const stored = Number.isInteger(version) ? await deps.store.getVersion(id, version) : undefined;
  if (!stored) throw new NotFoundError(`no version ${version} of ${id}`);
  return decodeSnapshot(stored).picture;
}

const suffix = (version: number | undefined) => (version === undefined ? '' : `-v${version}`);

/** CSV of a week's counts per district × event (any role; audited before it is made). */
export async function exportWeekCounts(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  input: { week: string; version?: number },
): Promise<CsvFile> {
  requireRole(staff, 'reader');
  const week = weekOrNotFound(input.week);
  await audit({ actor: staff.id, action: 'lagesbild.export.counts', week });
  const picture = await pictureOf(deps, week, input.version);
  return csvFile(`lagesbild-${week}${suffix(input.version)}-antal.csv`, weekCountsCsv(picture));
}

/** CSV of a week's entries as summaries (any role; audited before it is made). */
export async function exportWeekEntries(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  input: { week: string; version?: number },
): Promise<CsvFile> {
  requireRole(staff, 'reader');
  const week = weekOrNotFound(input.week);
  await audit({ actor: staff.id, action: 'lagesbild.export.entries', week });
  const picture = await pictureOf(deps, week, input.version);
  return csvFile(`lagesbild-${week}${suffix(input.version)}-poster.csv`, weekEntriesCsv(picture));
}

/** CSV of a quarter's (`2026-Q3`) or a year's (`2026`) counts per district × event × source (any role). */
export async function exportRollup(
  deps: LagesbildDeps,
  staff: StaffMember,
  audit: Audit,
  periodText: string,
): Promise<CsvFile> {
  requireRole(staff, 'reader');
  const period = periodOrNotFound(periodText);
  await audit({ actor: staff.id, action: 'lagesbild.export.rollup', period: period.id });
  const rollup = await rollupOf(deps, period);
  return csvFile(
    `lagesbild-${period.id}-sammanstallning.csv`,
    rollupCsv(rollup.period, rollup.first, rollup.last, rollup.rows),
  );
}
