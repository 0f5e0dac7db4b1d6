import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sameSecret } from '../../staff/secrets.ts';
import { forbiddenPage, refusedPostPage } from './pages/common-pages.ts';
import type { StaffRoute } from './route-table.ts';
import type { StaffForm } from './staff-context.ts';
import { SIGN_IN_PATH } from './staff-paths.ts';

/** Staff forms are small: the longest field is a note of a few thousand characters. */
export const STAFF_BODY_LIMIT = 64 * 1024;

/**
 * The browser's word on where a post comes from (THREATS S4, #10):
 * `Sec-Fetch-Site` cross-site or same-site → refused; an `Origin` that is
 * not ours → refused; `Origin: null` only with `Sec-Fetch-Site: same-origin`.
 * SameSite=Strict already keeps the cookie off cross-site posts; this and
 * the per-session token are the other two locks.
 */
export function isSameOriginPost(c: Context, publicOrigin: string): boolean {
  const site = c.req.header('Sec-Fetch-Site');
  const origin = c.req.header('Origin');
  if (site === 'cross-site' || site === 'same-site') return false;
  if (origin !== undefined && origin !== 'null' && origin !== publicOrigin && origin !== new URL(c.req.url).origin) {
    return false;
  }
  return !(origin === 'null' && site !== 'same-origin');
}

async function readForm(c: Context): Promise<StaffForm> {
  const type = c.req.header('Content-Type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return {};
  const body = await c.req.parseBody({ all: true });
  const form: StaffForm = {};
  for (const [name, value] of Object.entries(body)) {
    const values = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
    if (values.length > 0) form[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return form;
}

/** The body limit, then the one access check every staff route passes through. */
export function accessGuard(route: StaffRoute, publicOrigin: string): MiddlewareHandler[] {
  const guard: MiddlewareHandler = async function staffAccess(c, next) {
    const signedIn = c.get('signedIn');
    if (route.method === 'POST') {
      if (!isSameOriginPost(c, publicOrigin)) return c.html(refusedPostPage(signedIn), 403);
      c.set('staffForm', await readForm(c));
    }
    if (route.access === 'public') return next();
    if (!signedIn) {
      return route.method === 'GET' ? c.redirect(SIGN_IN_PATH, 303) : c.html(refusedPostPage(undefined), 403);
    }
    if (!route.access.includes(signedIn.member.role)) return c.html(forbiddenPage(signedIn), 403);
    if (route.method === 'POST') {
      const token = c.get('staffForm')['_csrf'];
      if (typeof token !== 'string' || !sameSecret(token, signedIn.csrfToken)) {
        return c.html(refusedPostPage(signedIn), 403);
      }
    }
    return next();
  };
  if (route.method !== 'POST') return [guard];
  return [bodyLimit({ maxSize: STAFF_BODY_LIMIT, onError: (c) => c.text('Payload Too Large', 413) }), guard];
}
