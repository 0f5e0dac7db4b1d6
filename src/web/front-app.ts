import { Hono, type MiddlewareHandler } from 'hono';
import type { Logger } from '../platform/logger.ts';
import { nodeResponseOf } from '../http/node-request.ts';
import { easyReadPageForPath } from '../i18n/easy-read.ts';
import { localeOfPath } from '../i18n/locales.ts';
import { notFoundPathFor, pageForPath } from '../i18n/routes.ts';
import { requestLog } from './request-log.ts';
import { applySecurityHeaders } from './security-headers.ts';
import { staticFiles, type StaticSite } from './static-files.ts';

export interface FrontDeps {
  logger: Logger;
  /** The API app, mounted at /api. */
  api: Hono;
  /** Sets `clientAddress` (socket, or X-Forwarded-For per TRUST_PROXY) for the API's limiter. */
  clientAddress: MiddlewareHandler;
  /** Routes for pages rendered per request (the tip form), mounted at the root. */
  dynamicPages: Hono;
  /** The built static site (dist/client), loaded at start-up. */
  site: StaticSite;
}

/**
 * The front layer that owns every response: security headers, the API,
 * static files, per-request pages and localized 404s. Astro is only called
 * for the per-request pages, so the API never pays its pipeline.
 */
export function createFrontApp({ logger, api, clientAddress, dynamicPages, site }: FrontDeps): Hono {
  const app = new Hono();
  app.use(requestLog(logger));
  app.use(async function securityHeaders(c, next) {
    const outgoing = nodeResponseOf(c);
    if (outgoing) {
      // On the Node response before anything answers: Node merges them into whatever is written
      // (Astro's pages too), and no Web Headers object is built per response just to carry them.
      applySecurityHeaders((name, value) => outgoing.setHeader(name, value));
      return next();
    }
    await next();
    applySecurityHeaders((name, value) => c.res.headers.set(name, value));
  });

  app.use('/api/*', clientAddress);
  app.route('/api', api);
  app.route('/', dynamicPages);

  // A page asked for without its trailing slash: send it to the canonical URL.
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (!path.endsWith('/') && (pageForPath(`${path}/`) || easyReadPageForPath(`${path}/`))) {
      return c.redirect(`${path}/`, 301);
    }
    return next();
  });
  app.use(staticFiles(site));

  app.notFound(async (c) => {
    const html = site.text(notFoundPathFor(localeOfPath(c.req.path))) ?? 'Not found';
    c.header('Cache-Control', 'no-store');
    return c.html(html, 404);
  });

  app.onError((error, c) => {
    logger.error({
      requestId: c.get('requestId'),
      err: { name: error.name, message: error.message, stack: error.stack },
    });
    c.header('Cache-Control', 'no-store');
    return c.text('Internal Server Error', 500);
  });
  return app;
}
