import { Hono, type Context } from 'hono';
import { API_PREFIX } from '../api/app.ts';
import { MethodNotAllowedError, NotFoundError } from '../http/errors.ts';
import { requestContextOf } from '../http/request-context.ts';
import { easyReadPageForPath } from '../i18n/easy-read.ts';
import { localeOfPath } from '../i18n/locales.ts';
import { notFoundPathFor, pageForPath } from '../i18n/routes.ts';
import type { Logger } from '../platform/logger.ts';
import type { StaticSite } from './static-files.ts';

export interface RouterDeps {
  logger: Logger;
  /** The API's routes (src/api/app.ts), mounted at /api. */
  api: Hono;
  /** The API's error responder (src/api/error-response.ts): every error under /api is answered by it. */
  apiErrors: (error: Error, c: Context) => Response;
  /** The web's routes (the tip page: GET from its templates, POST the form without JavaScript). */
  pages: readonly Hono[];
  /** The built site, for the localized 404 pages and the methods its files answer. */
  site: StaticSite;
}

const PAGE_METHODS = ['GET', 'HEAD'] as const;

/**
 * The router behind the edge: Hono only routes here. The edge has already
 * set the request id and the security headers, named the client, applied
 * the flood limit and answered files of the built site; what reaches the
 * router is the API, the tip page, and the rest:
 * - a known path asked with a method it does not answer → 405 with `Allow`
 *   (OPTIONS → 204 with `Allow`);
 * - a page asked for without its trailing slash, or a route with one → 301 to its canonical URL;
 * - anything else → 404: JSON under /api, the localized 404 page elsewhere.
 *
 * No middleware and no error handler on the mounted apps, so a synchronous
 * route (health, the tip form's GET) is answered without a promise.
 */
export function createRouter({ logger, api, apiErrors, pages, site }: RouterDeps): Hono {
  const app = new Hono();
  app.route(API_PREFIX, api);
  for (const routes of pages) app.route('/', routes);

  let routeMethods: Map<string, readonly string[]> | undefined;
  const allowedMethods = (path: string): readonly string[] | undefined => {
    routeMethods ??= methodsByPath(app);
    return routeMethods.get(path) ?? (site.get(path) ? PAGE_METHODS : undefined);
  };

  app.notFound(function notFound(c) {
    const path = c.req.path;
    const method = c.req.method;
    const allowed = allowedMethods(path);
    const isApi = path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
    if (allowed && !allowed.includes(method)) {
      if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: allowed.join(', ') } });
      if (isApi) return apiErrors(new MethodNotAllowedError(allowed), c);
      return new Response('405 Method Not Allowed', {
        status: 405,
        headers: {
          Allow: allowed.join(', '),
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-store',
        },
      });
    }
    if (isApi) return apiErrors(new NotFoundError('no such API route'), c);
    if ((method === 'GET' || method === 'HEAD') && !path.endsWith('/') && isPage(`${path}/`)) {
      return c.redirect(`${path}/`, 301);
    }
    // Routes without a trailing slash (the staff side's /personal) are typed with one.
    if ((method === 'GET' || method === 'HEAD') && path.length > 1 && path.endsWith('/')) {
      const canonical = path.slice(0, -1);
      if (allowedMethods(canonical)?.includes('GET')) return c.redirect(canonical, 301);
    }
    const html = site.text(notFoundPathFor(localeOfPath(path))) ?? 'Not found';
    return new Response(html, {
      status: 404,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  });

  app.onError(function onError(error, c) {
    const path = c.req.path;
    if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) return apiErrors(error, c);
    logger.error({
      requestId: requestContextOf(c)?.requestId,
      err: { name: error.name, message: error.message, stack: error.stack },
    });
    return new Response('Internal Server Error', {
      status: 500,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  });
  return app;
}

/** A public page's canonical path: an info page in a language or an easy-to-read page. */
function isPage(path: string): boolean {
  return pageForPath(path) !== undefined || easyReadPageForPath(path) !== undefined;
}

/**
 * The methods each route path answers, from the router's own table (routes
 * registered for every method, i.e. middleware, are not routes). A GET route
 * answers HEAD too (Hono routes HEAD to it).
 */
function methodsByPath(app: Hono): Map<string, readonly string[]> {
  const methods = new Map<string, Set<string>>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || /[:*]/.test(route.path)) continue;
    const set = methods.get(route.path) ?? new Set<string>();
    set.add(route.method);
    if (route.method === 'GET') set.add('HEAD');
    methods.set(route.path, set);
  }
  return new Map([...methods].map(([path, set]) => [path, [...set]]));
}
