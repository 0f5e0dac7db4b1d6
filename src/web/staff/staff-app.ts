import { Hono, type MiddlewareHandler } from 'hono';
import { resolveSession } from '../../staff/sessions.ts';
import { accessGuard } from './access-guard.ts';
import { STAFF_ROUTES, type StaffRoute } from './route-table.ts';
import { readSessionCookie } from './session-cookie.ts';
import type { StaffWebDeps } from './staff-deps.ts';
import { STYLESHEET_PATH } from './staff-paths.ts';
import './staff-context.ts';

/**
 * The staff side, mounted at /personal by the web wiring. Every response
 * is `Cache-Control: no-store` and `X-Robots-Tag: noindex` (on top of the
 * edge's security headers); every route comes from the role table and
 * passes its access guard; anything else is the router's 404 (a sub-app's
 * notFound is not used once it is mounted).
 */
export function createStaffApp(deps: StaffWebDeps, routes: readonly StaffRoute[] = STAFF_ROUTES): Hono {
  const app = new Hono();
  app.use(async function staffHeaders(c, next) {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex, nofollow');
  });
  app.use(async function staffSession(c, next) {
    const stylesheet = c.req.path === STYLESHEET_PATH;
    c.set(
      'signedIn',
      stylesheet ? undefined : await resolveSession({ ...deps, config: deps.config.staff }, readSessionCookie(c)),
    );
    await next();
  });
  for (const route of routes) {
    const answer: MiddlewareHandler = async (c) => route.handle(c, deps);
    app.on(route.method, [route.path], ...accessGuard(route, deps.config.siteUrl.origin), answer);
  }
  return app;
}
