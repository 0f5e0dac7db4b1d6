import type { MiddlewareHandler } from 'hono';
import { CrossSiteRequestError } from './errors.ts';

/**
 * Refuses posts that another site made a browser send (THREATS #10), for
 * every content type. Browsers say where a request comes from in
 * `Sec-Fetch-Site` (Chromium, Firefox, Safari ≥ 16.4) and `Origin`:
 * - Sec-Fetch-Site "cross-site" or "same-site" → refused;
 * - an Origin that is neither ours nor "null" → refused;
 * - Origin "null" proves nothing by itself (sandboxed frames send it too), so
 *   it passes only when Sec-Fetch-Site vouches "same-origin".
 * Clients that send neither header are not browsers acting for someone else
 * (there is no ambient credential to abuse) and pass.
 */
export function sameOriginOnly(publicOrigin: string): MiddlewareHandler {
  return async function sameOriginOnly(c, next) {
    const site = c.req.header('Sec-Fetch-Site');
    const origin = c.req.header('Origin');
    if (site === 'cross-site' || site === 'same-site') throw new CrossSiteRequestError(`Sec-Fetch-Site: ${site}`);
    if (origin !== undefined && origin !== 'null' && origin !== publicOrigin && origin !== new URL(c.req.url).origin) {
      throw new CrossSiteRequestError('foreign Origin');
    }
    if (origin === 'null' && site !== 'same-origin')
      throw new CrossSiteRequestError('Origin null without Sec-Fetch-Site');
    await next();
  };
}
