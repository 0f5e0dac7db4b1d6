import type { APIRoute } from 'astro';
import { absoluteUrl } from '../components/site/site-paths.ts';

/** Allows every crawler everywhere and names the sitemap (absolute, on the public origin). Prerendered. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap.xml', site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
