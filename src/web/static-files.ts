import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';

const INTERNAL_PREFIX = '/tip-form/';

/**
 * The prerendered site (dist/client, under 1 MB with its .br/.gz twins),
 * held in memory and served from there. Measured against @hono/node-server's
 * serveStatic, which stats and streams the file on every request, this
 * serves an info page at several times the rate, which is what lets the
 * front layer absorb a spike of visitors (see README "Benchmarks"). Only
 * paths that exist in the build are ever answered: a request path is a map
 * key, never joined onto the file system.
 */

interface Variant {
  body: Uint8Array<ArrayBuffer>;
  encoding?: 'br' | 'gzip';
  /** Differs per encoding: each variant is its own representation. */
  etag: string;
}

interface StaticFile {
  type: string;
  cacheControl: string;
  identity: Variant;
  br?: Variant;
  gzip?: Variant;
}

export interface StaticSite {
  /** The file for a URL path ("/en/agreement/" finds en/agreement/index.html). */
  get(path: string): StaticFile | undefined;
  /** A file's body (uncompressed), for pages the front layer serves itself, e.g. localized 404s. */
  text(path: string): string | undefined;
}

function cachePolicy(path: string, type: string): string {
  if (path.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  // Pages are never stored, so a shared device keeps no copy of them.
  if (type.startsWith('text/html')) return 'no-store';
  return 'public, max-age=3600';
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Reads the built site once, at start-up. */
export async function loadStaticSite(clientDir: string): Promise<StaticSite> {
  const byPath = new Map<string, StaticFile>();
  const files = await filesUnder(clientDir);
  const present = new Set(files);
  for (const file of files) {
    if (file.endsWith('.br') || file.endsWith('.gz')) continue;
    const urlPath = `/${relative(clientDir, file).split(sep).join('/')}`;
    const type = getMimeType(file) ?? 'application/octet-stream';
    const body = new Uint8Array(await readFile(file));
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
    const variant = async (encoding: 'br' | 'gzip', suffix: string): Promise<Variant | undefined> =>
      present.has(`${file}${suffix}`)
        ? { body: new Uint8Array(await readFile(`${file}${suffix}`)), encoding, etag: `"${hash}-${encoding}"` }
        : undefined;
    const entry: StaticFile = {
      type,
      cacheControl: cachePolicy(urlPath, type),
      identity: { body, etag: `"${hash}"` },
      br: await variant('br', '.br'),
      gzip: await variant('gzip', '.gz'),
    };
    byPath.set(urlPath, entry);
    if (urlPath.endsWith('/index.html')) byPath.set(urlPath.slice(0, -'index.html'.length), entry);
  }
  return {
    // The tip-form templates (and nothing else under /tip-form/) are the server's own, never public.
    get: (path) => (path.startsWith(INTERNAL_PREFIX) ? undefined : byPath.get(path)),
    text: (path) => {
      const entry = byPath.get(path);
      return entry && new TextDecoder().decode(entry.identity.body);
    },
  };
}

/** The best variant the client accepts: Brotli, then gzip, then the file as it is. */
function variantFor(file: StaticFile, acceptEncoding: string | undefined): Variant {
  if (acceptEncoding) {
    if (file.br && /\bbr\b/.test(acceptEncoding)) return file.br;
    if (file.gzip && /\bgzip\b/.test(acceptEncoding)) return file.gzip;
  }
  return file.identity;
}

/** Answers GET and HEAD for files of the built site; everything else falls through. */
export function staticFiles(site: StaticSite): MiddlewareHandler {
  return async function staticFiles(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const file = site.get(c.req.path);
    if (!file) return next();
    const variant = variantFor(file, c.req.header('Accept-Encoding'));
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      'Cache-Control': file.cacheControl,
      ETag: variant.etag,
    };
    if (file.br || file.gzip) headers.Vary = 'Accept-Encoding';
    if (c.req.header('If-None-Match') === variant.etag) return c.body(null, 304, headers);
    if (variant.encoding) headers['Content-Encoding'] = variant.encoding;
    headers['Content-Length'] = String(variant.body.byteLength);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(variant.body, 200, headers);
  };
}
