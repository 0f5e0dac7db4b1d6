/**
 * Why a post looks like one another site made a browser send (THREATS #10),
 * or undefined when it does not. Browsers say where a request comes from in
 * `Sec-Fetch-Site` (Chromium, Firefox, Safari ≥ 16.4) and `Origin`:
 * - Sec-Fetch-Site "cross-site" or "same-site" → refused;
 * - an Origin that is neither ours nor "null" → refused;
 * - Origin "null" proves nothing by itself (sandboxed frames send it too), so
 *   it passes only when Sec-Fetch-Site vouches "same-origin".
 * Clients that send neither header are not browsers acting for someone else
 * (there is no ambient credential to abuse) and pass. Checked by the edge
 * for every tip post, whatever its content type (src/web/edge/edge.ts).
 */
export function crossSiteReason(
  secFetchSite: string | undefined,
  origin: string | undefined,
  ourOrigins: readonly string[],
): string | undefined {
  if (secFetchSite === 'cross-site' || secFetchSite === 'same-site') return `Sec-Fetch-Site: ${secFetchSite}`;
  if (origin === undefined) return undefined;
  if (origin === 'null') return secFetchSite === 'same-origin' ? undefined : 'Origin null without Sec-Fetch-Site';
  return ourOrigins.includes(origin) ? undefined : 'foreign Origin';
}
