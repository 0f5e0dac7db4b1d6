import { districtChartSvg } from './charts/district-chart.ts';
import { trendChartSvg } from './charts/trend-chart.ts';
import type { LagesbildDeps } from './deps.ts';
import {
  addAction,
  addObservation,
  addTipEntry,
  editAction,
  editEntry,
  removeAction,
  removeEntry,
  setNotes,
} from './edit.ts';
import { exportRollup, exportWeekCounts, exportWeekEntries } from './exports.ts';
import { freezeWeek } from './freeze.ts';
import {
  findAction,
  findEntry,
  listFrozenWeeks,
  listVersions,
  viewRollup,
  viewTrend,
  viewVersion,
  viewWeek,
} from './read.ts';
import type { WeekPicture } from './week-picture.ts';

export type { LagesbildDeps } from './deps.ts';
export type { Audit, AuditEntry, LagesbildAuditAction, StaffMember, StaffRole } from './staff.ts';
export { LagesbildRoleError } from './errors.ts';
export type { WeekPicture } from './week-picture.ts';
export type { LiveWeek, Rollup } from './read.ts';
export type { FrozenWeek } from './snapshot.ts';
export type { CsvFile } from './exports.ts';

/** Drops the first argument (the deps) of a use case. */
type Bound<F> = F extends (deps: LagesbildDeps, ...rest: infer A) => infer R ? (...args: A) => R : never;

function bind<F extends (deps: LagesbildDeps, ...rest: never[]) => unknown>(deps: LagesbildDeps, useCase: F): Bound<F> {
  return ((...args: never[]) => useCase(deps, ...args)) as Bound<F>;
}

/**
 * The lägesbild's use cases, built once with the store and the clock. Each
 * takes the signed-in staff member and the audit writer first (readers see,
 * handlers and admins also change and freeze), then its input; they return
 * results and throw the project's client errors (NotFoundError,
 * ValidationError, LagesbildRoleError) for the routes to answer.
 */
export function createLagesbild(deps: LagesbildDeps) {
  return {
    viewWeek: bind(deps, viewWeek),
    viewTrend: bind(deps, viewTrend),
    viewRollup: bind(deps, viewRollup),
    listVersions: bind(deps, listVersions),
    listFrozenWeeks: bind(deps, listFrozenWeeks),
    viewVersion: bind(deps, viewVersion),
    findEntry: bind(deps, findEntry),
    findAction: bind(deps, findAction),
    addTipEntry: bind(deps, addTipEntry),
    addObservation: bind(deps, addObservation),
    editEntry: bind(deps, editEntry),
    removeEntry: bind(deps, removeEntry),
    setNotes: bind(deps, setNotes),
    addAction: bind(deps, addAction),
    editAction: bind(deps, editAction),
    removeAction: bind(deps, removeAction),
    freezeWeek: bind(deps, freezeWeek),
    exportWeekCounts: bind(deps, exportWeekCounts),
    exportWeekEntries: bind(deps, exportWeekEntries),
    exportRollup: bind(deps, exportRollup),
  };
}

export type Lagesbild = ReturnType<typeof createLagesbild>;

/** The week's two charts as SVG markup (the page puts each next to its table); ids start with `idPrefix`. */
export function weekChartsSvg(picture: WeekPicture, idPrefix = 'lagesbild'): { trend: string; districts: string } {
  return {
    trend: trendChartSvg(picture.trend, { id: `${idPrefix}-trend` }),
    districts: districtChartSvg(picture.counts, { id: `${idPrefix}-districts`, week: picture.week }),
  };
}

export { districtChartSvg, trendChartSvg };
