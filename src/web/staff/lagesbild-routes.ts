import type { Context } from 'hono';
import { NotFoundError, ValidationError } from '../../http/errors.ts';
import type { CsvFile } from '../../lagesbild/index.ts';
import { LagesbildRoleError } from '../../lagesbild/index.ts';
import { MAX_TREND_WEEKS } from '../../lagesbild/deps.ts';
import { localDateOf, parseWeekId, quarterOfWeek, weekOf, type WeekId } from '../../platform/stockholm-week.ts';
import type { SignedIn } from '../../staff/actor.ts';
import { lagesbildActor } from './lagesbild-bridge.ts';
import { forbiddenPage, notFoundPage } from './pages/common-pages.ts';
import { fieldErrors, type FormState } from './pages/lagesbild-forms.ts';
import {
  actionEditPage,
  entryEditPage,
  rollupPage,
  TREND_CHOICES,
  trendPage,
  versionPage,
} from './pages/lagesbild-other-pages.ts';
import { weekPath } from './pages/lagesbild-parts.ts';
import { weekPage, type WeekForm } from './pages/lagesbild-week-page.ts';
import { formValue, type StaffForm } from './staff-context.ts';
import type { StaffWebDeps } from './staff-deps.ts';

/**
 * The weekly lägesbild's pages and forms under /personal/lagesbild, each a
 * row of the role table (route-table.ts). Readers see; handlers and admins
 * also change and freeze. The use cases check roles again, validate, audit
 * and keep frozen versions immutable; these handlers only turn their
 * answers into pages: a week id that is not a week → 404, a form's bad
 * input → the page again with the error beside the field (422), nothing
 * a client sends → 5xx.
 */

function signedInOf(c: Context): SignedIn {
  const signedIn = c.get('signedIn');
  // The access guard lets no one through to these handlers without a session.
  if (!signedIn) throw new Error('staff route reached without a session');
  return signedIn;
}

/** Answers the lägesbild's client errors as pages; anything else is a fault and goes on up. */
function refusal(c: Context, error: unknown): Response | Promise<Response> {
  const signedIn = c.get('signedIn');
  if (error instanceof NotFoundError) return c.html(notFoundPage(signedIn), 404);
  if (error instanceof LagesbildRoleError) return c.html(forbiddenPage(signedIn), 403);
  throw error;
}

function today(deps: StaffWebDeps): string {
  return localDateOf(deps.clock());
}

/** A positive whole number from a path or query, or NaN (the use cases answer 404 for it). */
function wholeNumber(text: string | undefined): number {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
}

/** Who froze what: staff ids to addresses (a member who left keeps their id in the version). */
async function staffNames(deps: StaffWebDeps): Promise<Map<string, string>> {
  return new Map((await deps.staff.listStaff()).map((member) => [String(member.id), member.email]));
}

/** GET /personal/lagesbild → this ISO week in Stockholm time. */
export function showLagesbild(c: Context, deps: StaffWebDeps) {
  return c.redirect(weekPath(weekOf(deps.clock())), 303);
}

/** Renders the live week, optionally with a refused form (422) or a done message. */
async function renderWeek(
  c: Context,
  deps: StaffWebDeps,
  extra: { refused?: { form: WeekForm; state: FormState }; done?: string } = {},
) {
  const signedIn = signedInOf(c);
  const { member, audit } = lagesbildActor(deps, signedIn);
  try {
    const live = await deps.lagesbild.viewWeek(member, audit, c.req.param('vecka') ?? '');
    const week = live.picture.week;
    return c.html(
      weekPage({ signedIn, week, live, today: today(deps), names: await staffNames(deps), ...extra }),
      extra.refused ? 422 : 200,
    );
  } catch (error) {
    return refusal(c, error);
  }
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

/** The form's fields as text (the first value of each). */
function valuesOf(form: StaffForm): Record<string, string> {
  return Object.fromEntries(Object.keys(form).map((name) => [name, formValue(form, name)]));
}

/**
 * A week page's form post: runs the change and answers 303 back to the week
 * (Post/Redirect/Get) with what was done, or the week again with the errors
 * beside the form's fields (422), or 404 for a week or an item that does not exist.
 */
function weekChange(
  form: WeekForm,
  prefix: string,
  run: (deps: StaffWebDeps, c: Context, week: string, values: Record<string, string>) => Promise<string>,
) {
  return async (c: Context, deps: StaffWebDeps) => {
    const week = c.req.param('vecka') ?? '';
    if (!parseWeekId(week)) return c.html(notFoundPage(c.get('signedIn')), 404);
    const values = valuesOf(c.get('staffForm'));
    try {
      const target = await run(deps, c, week, values);
      return c.redirect(target, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) return refusal(c, error);
      const state = { errors: fieldErrors(error.fields, (field) => `${prefix}-${field}`), values };
      return renderWeek(c, deps, { refused: { form, state } });
    }
  };
}

function actorFor(deps: StaffWebDeps, c: Context) {
  return lagesbildActor(deps, signedInOf(c));
}

const observationOf = (values: Record<string, string>) => ({
  source: values['source'] ?? '',
  category: values['category'] ?? '',
  area: values['area'] ?? '',
  place: values['place'] ?? '',
  date: values['date'] ?? '',
  time: values['time'] ?? '',
  summary: values['summary'] ?? '',
});

const actionOf = (values: Record<string, string>) => ({
  what: values['what'] ?? '',
  who: values['who'] ?? '',
  dueOn: values['dueOn'] ?? '',
});

/** POST /personal/lagesbild/:vecka/observationer (its week is its date's: it may land in another week) */
export const postObservation = weekChange('observation', 'obs', async (deps, c, week, values) => {
  const { member, audit } = actorFor(deps, c);
  const entry = await deps.lagesbild.addObservation(member, audit, observationOf(values));
  return `${weekPath(entry.week)}?klart=${entry.week === week ? 'observation' : 'observation-annan-vecka'}`;
});

/** POST /personal/lagesbild/:vecka/anteckningar */
export const postNotes = weekChange('notes', 'notes', async (deps, c, week, values) => {
  const { member, audit } = actorFor(deps, c);
  await deps.lagesbild.setNotes(member, audit, week, { text: values['text'] ?? '' });
  return `${weekPath(week)}?klart=anteckningar`;
});

/** POST /personal/lagesbild/:vecka/atgarder */
export const postAction = weekChange('action', 'atgard', async (deps, c, week, values) => {
  const { member, audit } = actorFor(deps, c);
  await deps.lagesbild.addAction(member, audit, week, actionOf(values));
  return `${weekPath(week)}?klart=atgard`;
});

/** POST /personal/lagesbild/:vecka/faststall */
export const postFreeze = weekChange('freeze', 'freeze', async (deps, c, week) => {
  const { member, audit } = actorFor(deps, c);
  const { created } = await deps.lagesbild.freezeWeek(member, audit, week);
  return `${weekPath(week)}?klart=${created ? 'faststalld' : 'oforandrad'}`;
});

/** POST /personal/lagesbild/:vecka/poster/:post/ta-bort */
export const postRemoveEntry = weekChange('observation', 'obs', async (deps, c) => {
  const { member, audit } = actorFor(deps, c);
  const removed = await deps.lagesbild.removeEntry(member, audit, wholeNumber(c.req.param('post')));
  return `${weekPath(removed.week)}?klart=post-borttagen`;
});

/** POST /personal/lagesbild/:vecka/atgarder/:atgard/ta-bort */
export const postRemoveAction = weekChange('action', 'atgard', async (deps, c) => {
  const { member, audit } = actorFor(deps, c);
  const removed = await deps.lagesbild.removeAction(member, audit, wholeNumber(c.req.param('atgard')));
  return `${weekPath(removed.week)}?klart=atgard-borttagen`;
});

/** The entry of a path, read through the use cases' store (only handlers reach the edit pages). */
async function entryOf(deps: StaffWebDeps, c: Context) {
  const id = wholeNumber(c.req.param('post'));
  const week = parseWeekId(c.req.param('vecka') ?? '');
  if (!week) return undefined;
  const entry = await deps.lagesbild.findEntry(actorFor(deps, c).member, id);
  return entry?.week === week ? { week, entry } : undefined;
}

/** GET /personal/lagesbild/:vecka/poster/:post */
export async function showEntryEdit(c: Context, deps: StaffWebDeps) {
  const signedIn = signedInOf(c);
  const found = await entryOf(deps, c);
  if (!found) return c.html(notFoundPage(signedIn), 404);
  return c.html(entryEditPage({ signedIn, ...found, today: today(deps) }));
}

/** POST /personal/lagesbild/:vecka/poster/:post */
export async function postEntryEdit(c: Context, deps: StaffWebDeps) {
  const signedIn = signedInOf(c);
  const found = await entryOf(deps, c);
  if (!found) return c.html(notFoundPage(signedIn), 404);
  const values = valuesOf(c.get('staffForm'));
  const { member, audit } = lagesbildActor(deps, signedIn);
  try {
    const input = found.entry.source === 'tip' ? { summary: values['summary'] ?? '' } : observationOf(values);
    const updated = await deps.lagesbild.editEntry(member, audit, found.entry.id, input);
    return c.redirect(`${weekPath(updated.week)}?klart=post`, 303);
  } catch (error) {
    if (!(error instanceof ValidationError)) return refusal(c, error);
    const state = { errors: fieldErrors(error.fields, (field) => `post-${field}`), values };
    return c.html(entryEditPage({ signedIn, ...found, today: today(deps), state }), 422);
  }
}

async function actionOfPath(deps: StaffWebDeps, c: Context) {
  const id = wholeNumber(c.req.param('atgard'));
  const week = parseWeekId(c.req.param('vecka') ?? '');
  if (!week) return undefined;
  const action = await deps.lagesbild.findAction(actorFor(deps, c).member, week, id);
  return action ? { week, action } : undefined;
}

/** GET /personal/lagesbild/:vecka/atgarder/:atgard */
export async function showActionEdit(c: Context, deps: StaffWebDeps) {
  const signedIn = signedInOf(c);
  const found = await actionOfPath(deps, c);
  if (!found) return c.html(notFoundPage(signedIn), 404);
  return c.html(actionEditPage({ signedIn, ...found }));
}

/** POST /personal/lagesbild/:vecka/atgarder/:atgard */
export async function postActionEdit(c: Context, deps: StaffWebDeps) {
  const signedIn = signedInOf(c);
  const found = await actionOfPath(deps, c);
  if (!found) return c.html(notFoundPage(signedIn), 404);
  const values = valuesOf(c.get('staffForm'));
  const { member, audit } = lagesbildActor(deps, signedIn);
  try {
    const updated = await deps.lagesbild.editAction(member, audit, found.action.id, actionOf(values));
    return c.redirect(`${weekPath(updated.week)}?klart=atgard-andrad`, 303);
  } catch (error) {
    if (!(error instanceof ValidationError)) return refusal(c, error);
    const state = { errors: fieldErrors(error.fields, (field) => `atgard-${field}`), values };
    return c.html(actionEditPage({ signedIn, ...found, state }), 422);
  }
}
