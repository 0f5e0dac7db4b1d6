import type { Context } from 'hono';
import type { SignedIn } from '../../staff/actor.ts';
import { StaffInputError } from '../../staff/errors.ts';
import { listInbox, openTip, parseInboxQuery } from '../../staff/inbox.ts';
import { addNote, assignTip, changeStatus, redactTip } from '../../staff/triage.ts';
import { putTipInLagesbild } from './lagesbild-bridge.ts';
import { notFoundPage } from './pages/common-pages.ts';
import { inboxPage } from './pages/inbox-page.ts';
import { INPUT_MESSAGES } from './pages/labels.ts';
import { tipPage } from './pages/tip-page.ts';
import { formValue, formValues, type StaffForm } from './staff-context.ts';
import type { StaffWebDeps } from './staff-deps.ts';
import { tipPath } from './staff-paths.ts';

function signedInOf(c: Context): SignedIn {
  const signedIn = c.get('signedIn');
  // The access guard lets no one through to these handlers without a session.
  if (!signedIn) throw new Error('staff route reached without a session');
  return signedIn;
}

/** Handlers and admins, the people a tip can be assigned to. */
async function assignees(deps: StaffWebDeps) {
  return (await deps.staff.listStaff()).filter((member) => member.active && member.role !== 'reader');
}

/** GET /personal/inkorg */
export async function showInbox(c: Context, deps: StaffWebDeps) {
  const signedIn = signedInOf(c);
  const query = parseInboxQuery(new URL(c.req.url).searchParams);
  const page = await listInbox(deps, signedIn, query);
  return c.html(inboxPage({ signedIn, query, ...page, assignees: await assignees(deps) }));
}

/** Renders the tip (auditing the view), optionally with a refused form's errors. */
async function renderTip(
  c: Context,
  deps: StaffWebDeps,
  extra: { errors?: { field: string; message: string }[]; values?: Record<string, string>; done?: string } = {},
  status: 200 | 422 = 200,
) {
  const signedIn = signedInOf(c);
  const record = await openTip(deps, signedIn, c.req.param('referens') ?? '');
  if (!record) return c.html(notFoundPage(signedIn), 404);
  return c.html(
    tipPage({ signedIn, record, assignees: await assignees(deps), retentionDays: deps.config.retentionDays, ...extra }),
    status,
  );
}

/** GET /personal/tips/:referens */
export function showTip(c: Context, deps: StaffWebDeps) {
  return renderTip(c, deps, { done: c.req.query('klart') });
}

/**
 * Runs a change and answers: 303 back to the tip (Post/Redirect/Get), 404
 * when the tip is gone, or the tip again with the form's error (422).
 */
function change(
  run: (deps: StaffWebDeps, signedIn: SignedIn, reference: string, form: StaffForm) => Promise<unknown>,
  done: string,
) {
  return async (c: Context, deps: StaffWebDeps) => {
    const signedIn = signedInOf(c);
    const reference = c.req.param('referens') ?? '';
    const form = c.get('staffForm');
    try {
      const result = await run(deps, signedIn, reference, form);
      if (result === false || result === undefined) return c.html(notFoundPage(signedIn), 404);
    } catch (error) {
      if (!(error instanceof StaffInputError)) throw error;
      if (error.field === 'referens') return c.html(notFoundPage(signedIn), 404);
      const message = INPUT_MESSAGES[`${error.field}.${error.code}`] ?? 'Något i formuläret behöver rättas';
      const values = Object.fromEntries(Object.entries(form).map(([name, value]) => [name, [value].flat()[0] ?? '']));
      return renderTip(c, deps, { errors: [{ field: error.field, message }], values }, 422);
    }
    return c.redirect(`${tipPath(reference.toUpperCase())}?klart=${done}`, 303);
  };
}

/** POST /personal/tips/:referens/status; to "i lägesbilden" it also puts the tip in its week's lägesbild. */
export const postStatus = change(async (deps, signedIn, reference, form) => {
  const status = formValue(form, 'status');
  const summary = formValue(form, 'summary');
  const done = await changeStatus(deps, signedIn, reference, { status, reason: formValue(form, 'reason'), summary });
  // "I lägesbilden" makes the tip the week's entry with the handler's summary (lagesbild-bridge.ts).
  if (done && status === 'in-lagesbild') await putTipInLagesbild(deps, signedIn, reference, summary);
  return done;
}, 'status');

/** POST /personal/tips/:referens/tilldela */
export const postAssign = change(
  (deps, signedIn, reference, form) => assignTip(deps, signedIn, reference, formValue(form, 'assignee')),
  'tilldelad',
);

/** POST /personal/tips/:referens/anteckningar */
export const postNote = change(
  (deps, signedIn, reference, form) => addNote(deps, signedIn, reference, formValue(form, 'note')),
  'anteckning',
);

/** POST /personal/tips/:referens/maskera */
export const postRedact = change(
  (deps, signedIn, reference, form) =>
    redactTip(deps, signedIn, reference, {
      allDetected: formValue(form, 'alla') === 'ja',
      spans: formValues(form, 'del'),
      text: formValue(form, 'text'),
    }),
  'maskerat',
);
