import type { MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/**
 * Serves the prerendered site (dist/client) with the .br/.gz files that
 * `scripts/precompress.ts` wrote at build time. Hashed assets are cached for
 * a year; pages are never stored, so a shared device keeps no copy of them.
 */
export function staticFiles(clientDir: string): MiddlewareHandler {
  const serve = serveStatic({ root: clientDir, precompressed: true });
  return async function staticFiles(c, next) {
    const response = await serve(c, next);
    // serveStatic returns whatever `next()` gave when it has no such file.
    if (!(response instanceof Response)) return;
    const type = response.headers.get('Content-Type') ?? '';
    response.headers.set('Cache-Control', cachePolicy(c.req.path, type));
    return response;
  };
}

function cachePolicy(path: string, contentType: string): string {
  if (path.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  if (contentType.startsWith('text/html')) return 'no-store';
  return 'public, max-age=3600';
}
