import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../platform/logger.ts';
import { nodeResponseOf } from '../http/node-request.ts';

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}

/**
 * Gives each request a random id and logs one line when it ends: method,
 * route, status and duration only. No address, user agent, query or body.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async function requestLog(c, next) {
    const started = performance.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);
    await next();
    // Pages that Astro rendered straight to the Node response have their status there.
    const outgoing = nodeResponseOf(c);
    const status = outgoing?.headersSent ? outgoing.statusCode : c.res.status;
    logRequestLine(logger, {
      requestId,
      method: c.req.method,
      route: c.req.routePath === '/*' ? routeLabel(c.req.path) : c.req.routePath,
      status,
      started,
      refusedAs: c.get('refusedAs'),
    });
  };
}

/** The one line logged per request, by the middleware above and by the flood gate. */
export function logRequestLine(
  logger: Logger,
  line: { requestId: string; method: string; route: string; status: number; started: number; refusedAs?: string },
): void {
  const { started, ...fields } = line;
  logger.info({ ...fields, ms: Math.round((performance.now() - started) * 10) / 10 });
}

/** Static paths are logged as themselves, but never with a query string; hashed assets collapse to one label. */
function routeLabel(path: string): string {
  return path.startsWith('/_astro/') ? '/_astro/*' : path.slice(0, 200);
}
