import type { Context } from 'hono';
import type { SignedIn } from '../../staff/actor.ts';
import { StaffInputError } from '../../staff/errors.ts';
import { addStaffMember, changeStaffMember, listStaff, parseAuditQuery, readAudit } from '../../staff/staff-admin.ts';
import { notFoundPage } from './pages/common-pages.ts';
import { auditPage, staffListPage } from './pages/admin-pages.ts';
import { INPUT_MESSAGES } from './pages/labels.ts';
import { formValue } from './staff-context.ts';
import type { StaffWebDeps } from './staff-deps.ts';

function signedInOf(c: Context): SignedIn {
  const signedIn = c.get('signedIn');
  if (!signedIn) throw new Error('staff route reached without a session');
  return signedIn;
}

/** GET /personal/logg */
export async function showAudit(c: Context, deps: StaffWebDeps) {
  const signedIn = signedInOf(c);
  const query = parseAuditQuery(new URL(c.req.url).searchParams);
  const page = await readAudit(deps, signedIn, query);
  return c.html(auditPage({ signedIn, query, ...page, members: await listStaff(deps, signedIn) }));
}

/** GET /personal/personal */
export async function showStaff(c: Context, deps: StaffWebDeps) {
  const signedIn = signedInOf(c);
  return c.html(staffListPage({ signedIn, members: await listStaff(deps, signedIn), done: c.req.query('klart') }));
}

async function refused(c: Context, deps: StaffWebDeps, error: StaffInputError) {
  const signedIn = signedInOf(c);
  const message =
    error.field === 'self'
      ? 'Du kan inte ändra din egen roll eller avaktivera dig själv'
      : (INPUT_MESSAGES[`${error.field}.${error.code}`] ?? 'Något i formuläret behöver rättas');
  const form = c.get('staffForm');
  const values = { email: formValue(form, 'email'), name: formValue(form, 'name'), role: formValue(form, 'role') };
  return c.html(
    staffListPage({
      signedIn,
      members: await listStaff(deps, signedIn),
      errors: [{ field: error.field, message }],
      values,
    }),
    422,
  );
}

/** POST /personal/personal */
export async function postAddStaff(c: Context, deps: StaffWebDeps) {
  const form = c.get('staffForm');
  try {
    await addStaffMember(deps, signedInOf(c), {
      email: formValue(form, 'email'),
      role: formValue(form, 'role'),
      name: formValue(form, 'name'),
    });
  } catch (error) {
    if (error instanceof StaffInputError) return refused(c, deps, error);
    throw error;
  }
  return c.redirect('/personal/personal?klart', 303);
}

function memberChange(kind: 'role' | 'oidc' | 'deactivate' | 'reactivate') {
  return async (c: Context, deps: StaffWebDeps) => {
    const form = c.get('staffForm');
    const change =
      kind === 'role'
        ? { kind, role: formValue(form, 'role') }
        : kind === 'oidc'
          ? { kind, subject: formValue(form, 'oidc') }
          : { kind };
    try {
      const member = await changeStaffMember(deps, signedInOf(c), c.req.param('id') ?? '', change);
      if (!member) return c.html(notFoundPage(c.get('signedIn')), 404);
    } catch (error) {
      if (error instanceof StaffInputError) return refused(c, deps, error);
      throw error;
    }
    return c.redirect('/personal/personal?klart', 303);
  };
}

export const postRole = memberChange('role');
export const postOidc = memberChange('oidc');
export const postDeactivate = memberChange('deactivate');
export const postReactivate = memberChange('reactivate');
