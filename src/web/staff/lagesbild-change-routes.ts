import type { Context } from 'hono';
import { ValidationError } from '../../http/errors.ts';
import { parseWeekId } from '../../platform/stockholm-week.ts';
import { lagesbildActor } from './lagesbild-bridge.ts';
import { refusal, renderWeek, signedInOf, today, wholeNumber } from './lagesbild-route-support.ts';
import { notFoundPage } from './pages/common-pages.ts';
import { fieldErrors } from './pages/lagesbild-forms.ts';
import { actionEditPage, entryEditPage } from './pages/lagesbild-other-pages.ts';
import { weekPath } from './pages/lagesbild-parts.ts';
import type { WeekForm } from './pages/lagesbild-week-page.ts';
import { formValue, type StaffForm } from './staff-context.ts';
import type { StaffWebDeps } from './staff-deps.ts';

/**
 * The handlers' forms on the lägesbild (handlers and admins; the role table
 * refuses readers first, the use cases again): observations and entries,
 * notes, agreed actions and fastställ. Each answers 303 back to the week
 * (Post/Redirect/Get), or the form again with the errors beside its fields
 * (422, nothing changed), or 404 for a week or an item that does not exist.
 * A frozen version is never touched: the use cases change only the live week.
 */

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
