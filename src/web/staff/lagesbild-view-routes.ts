import type { Context } from 'hono';
import { NotFoundError } from '../../http/errors.ts';
import type { CsvFile } from '../../lagesbild/index.ts';
import { MAX_TREND_WEEKS } from '../../lagesbild/deps.ts';
import { parseWeekId, quarterOfWeek, weekOf, type WeekId } from '../../platform/stockholm-week.ts';
import { lagesbildActor } from './lagesbild-bridge.ts';
import { refusal, renderWeek, signedInOf, staffNames, wholeNumber } from './lagesbild-route-support.ts';
import { rollupPage, TREND_CHOICES, trendPage, versionPage } from './pages/lagesbild-other-pages.ts';
import { weekPath } from './pages/lagesbild-parts.ts';
import type { StaffWebDeps } from './staff-deps.ts';

/**
 * The lägesbild's pages and downloads for every role (readers included):
 * the week, a frozen version, the trend, the roll-up and the CSV files. The
 * use cases audit each view and export; a week id that is not a week → 404;
 * a trend week or a period that is none → the page with the error (400).
 */

/** GET /personal/lagesbild → this ISO week in Stockholm time. */
export function showLagesbild(c: Context, deps: StaffWebDeps) {
  return c.redirect(weekPath(weekOf(deps.clock())), 303);
}

/** GET /personal/lagesbild/:vecka */
export function showWeek(c: Context, deps: StaffWebDeps) {
  return renderWeek(c, deps, { done: c.req.query('klart') });
}

/** GET /personal/lagesbild/:vecka/version/:nr */
export async function showVersion(c: Context, deps: StaffWebDeps) {
  const signedIn = signedInOf(c);
  const { member, audit } = lagesbildActor(deps, signedIn);
  try {
    const week = c.req.param('vecka') ?? '';
    const frozen = await deps.lagesbild.viewVersion(member, audit, week, wholeNumber(c.req.param('nr')));
    const versions = await deps.lagesbild.listVersions(member, week);
    const names = await staffNames(deps);
    return c.html(
      versionPage({
        signedIn,
        frozen,
        frozenByName: names.get(frozen.frozenBy) ?? 'en tidigare medarbetare',
        newest: versions.at(-1)?.version ?? frozen.version,
      }),
    );
  } catch (error) {
    return refusal(c, error);
  }
}

/** GET /personal/lagesbild/trend?till=2026-W48&veckor=157 */
export async function showTrend(c: Context, deps: StaffWebDeps) {
  const signedIn = signedInOf(c);
  const { member, audit } = lagesbildActor(deps, signedIn);
  const tillText = (c.req.query('till') ?? '').trim();
  const chosen = wholeNumber(c.req.query('veckor'));
  const weeks = (TREND_CHOICES as readonly number[]).includes(chosen) ? chosen : 157;
  const parsed = tillText === '' ? undefined : parseWeekId(tillText);
  const errors =
    tillText !== '' && !parsed ? [{ field: 'till', message: 'Skriv veckan som ÅÅÅÅ-Wvv, till exempel 2026-W48' }] : [];
  const lastWeek: WeekId = parsed ?? weekOf(deps.clock());
  const points = await deps.lagesbild.viewTrend(member, audit, { lastWeek, weeks: Math.min(weeks, MAX_TREND_WEEKS) });
  return c.html(
    trendPage({
      signedIn,
      lastWeek,
      weeks,
      points,
      errors,
      values: { till: tillText || lastWeek, veckor: String(weeks) },
    }),
    errors.length > 0 ? 400 : 200,
  );
}

const PERIOD = /^\d{4}(-Q[1-4])?$/;

/** This quarter, e.g. 2026-Q4 (of this week's Thursday). */
function currentQuarter(deps: StaffWebDeps): string {
  const week = weekOf(deps.clock());
  return `${week.slice(0, 4)}-Q${quarterOfWeek(week)}`;
}

/** GET /personal/lagesbild/sammanstallning?period=2026-Q3 */
export async function showRollup(c: Context, deps: StaffWebDeps) {
  const signedIn = signedInOf(c);
  const { member, audit } = lagesbildActor(deps, signedIn);
  const asked = (c.req.query('period') ?? '').trim().toUpperCase();
  const period = asked === '' ? currentQuarter(deps) : asked;
  const message = 'Skriv ett kvartal som 2026-Q3 eller ett år som 2026';
  if (!PERIOD.test(period)) {
    return c.html(
      rollupPage({ signedIn, rollup: undefined, period: asked, errors: [{ field: 'period', message }] }),
      400,
    );
  }
  try {
    const rollup = await deps.lagesbild.viewRollup(member, audit, period);
    return c.html(rollupPage({ signedIn, rollup, period, errors: [] }));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return c.html(
      rollupPage({ signedIn, rollup: undefined, period: asked, errors: [{ field: 'period', message }] }),
      400,
    );
  }
}

/** A CSV download: an attachment named by the export, with the BOM and `;` it already has. */
function download(c: Context, file: CsvFile): Response {
  return c.body(file.body, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.filename}"`,
  });
}

function versionQuery(c: Context): number | undefined {
  const text = c.req.query('version');
  return text === undefined ? undefined : wholeNumber(text);
}

/** GET /personal/lagesbild/:vecka/antal.csv[?version=N] */
export async function downloadCounts(c: Context, deps: StaffWebDeps) {
  const { member, audit } = lagesbildActor(deps, signedInOf(c));
  try {
    const input = { week: c.req.param('vecka') ?? '', version: versionQuery(c) };
    return download(c, await deps.lagesbild.exportWeekCounts(member, audit, input));
  } catch (error) {
    return refusal(c, error);
  }
}

/** GET /personal/lagesbild/:vecka/poster.csv[?version=N] */
export async function downloadEntries(c: Context, deps: StaffWebDeps) {
  const { member, audit } = lagesbildActor(deps, signedInOf(c));
  try {
    const input = { week: c.req.param('vecka') ?? '', version: versionQuery(c) };
    return download(c, await deps.lagesbild.exportWeekEntries(member, audit, input));
  } catch (error) {
    return refusal(c, error);
  }
}

/** GET /personal/lagesbild/sammanstallning.csv?period=2026-Q3 (this quarter without one; a period that is none → 404) */
export async function downloadRollup(c: Context, deps: StaffWebDeps) {
  const { member, audit } = lagesbildActor(deps, signedInOf(c));
  try {
    const asked = (c.req.query('period') ?? '').trim().toUpperCase();
    return download(c, await deps.lagesbild.exportRollup(member, audit, asked === '' ? currentQuarter(deps) : asked));
  } catch (error) {
    return refusal(c, error);
  }
}
