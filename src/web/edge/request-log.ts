import type { Logger } from '../../platform/logger.ts';
import type { RequestContext } from '../../http/request-context.ts';

/**
 * The one line logged per request, when its response is written: id,
 * method, route, status and duration, and which refusal answered it. No
 * address, user agent, query or body, ever.
 */
export function logRequest(
  logger: Logger,
  context: RequestContext,
  request: { method: string | undefined; path: string },
  status: number,
): void {
  logger.info({
    requestId: context.requestId,
    method: request.method,
    route: routeLabel(request.path),
    status,
    refusedAs: context.refusedAs,
    ms: Math.round((performance.now() - context.started) * 10) / 10,
  });
}

/**
 * A path as it is logged: never with a query string (the caller passes the
 * path without it), cut at 200 characters; hashed assets collapse to one
 * label.
 */
function routeLabel(path: string): string {
  return path.startsWith('/_astro/') ? '/_astro/*' : path.slice(0, 200);
}
