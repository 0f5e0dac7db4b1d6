import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { getMimeType } from 'hono/utils/mime';
import { chooseCoding, type Coding } from '../http/accept-encoding.ts';
import { LOCALES } from '../i18n/locales.ts';
import { notFoundPathFor } from '../i18n/routes.ts';
import { withSecurityHeaders } from './edge/secured-response.ts';

/**
 * The prerendered site (dist/client, under 1 MB with its .br/.gz twins),
 * held in memory and served from there by the edge, before any framework.
 * Measured against @hono/node-server's serveStatic, which stats and streams
 * the file on every request, this serves an info page at several times the
 * rate, which is what lets the site absorb a spike of visitors (see README
 * "Benchmarks"). Only paths that exist in the build are ever answered: a
 * request path is a map key, never joined onto the file system.
 */

interface Variant {
  body: Buffer;
  encoding?: Coding;
  /** Differs per encoding: each variant is its own representation. */
  etag: string;
  /** The response headers of this variant, the security headers included, built once. */
  headers: Readonly<Record<string, string>>;
}

interface StaticFile {
  identity: Variant;
  br?: Variant;
  gzip?: Variant;
  /** The codings it comes in, in the server's order of preference. */
  codings: readonly Coding[];
}

export interface StaticSite {
  /** The file for a public URL path ("/en/agreement/" finds en/agreement/index.html). */
  get(path: string): StaticFile | undefined;
  /** A file's body (uncompressed) by its path in the build, public or not (templates, 404 pages). */
  text(path: string): string | undefined;
}

/** Prerendered but never served as themselves: the tip form's templates and refusal pages. */
const INTERNAL_PREFIX = '/tip-form/';
/** The 404 pages are answers to unknown paths (status 404), never a page of their own (status 200). */
const NOT_FOUND_PATHS = new Set(
  LOCALES.flatMap((locale) => [notFoundPathFor(locale), `${notFoundPathFor(locale)}index.html`]),
);

function cachePolicy(path: string, type: string): string {
  if (path.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  // Pages are never stored, so a shared device keeps no copy of them.
  if (type.startsWith('text/html')) return 'no-store';
  return 'public, max-age=3600';
}

/** Text types are served as UTF-8 and say so (Astro builds every text file in UTF-8). */
function contentType(file: string): string {
  const type = getMimeType(file) ?? 'application/octet-stream';
  return type.startsWith('text/') && !type.includes('charset') ? `${type}; charset=utf-8` : type;
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
    const type = contentType(file);
    const cacheControl = cachePolicy(urlPath, type);
    const body = await readFile(file);
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
    const hasVariants = present.has(`${file}.br`) || present.has(`${file}.gz`);
    const variant = (variantBody: Buffer, etag: string, encoding?: Coding): Variant => {
      const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': cacheControl, ETag: etag };
      if (hasVariants) headers.Vary = 'Accept-Encoding';
      if (encoding) headers['Content-Encoding'] = encoding;
      headers['Content-Length'] = String(variantBody.byteLength);
      return { body: variantBody, encoding, etag, headers: withSecurityHeaders(headers) };
    };
    const compressed = async (encoding: Coding, suffix: string): Promise<Variant | undefined> =>
      present.has(`${file}${suffix}`)
        ? variant(await readFile(`${file}${suffix}`), `"${hash}-${encoding}"`, encoding)
        : undefined;
    const entry: StaticFile = {
      identity: variant(body, `"${hash}"`),
      br: await compressed('br', '.br'),
      gzip: await compressed('gzip', '.gz'),
      codings: [],
    };
    entry.codings = (['br', 'gzip'] as const).filter((coding) => entry[coding]);
    byPath.set(urlPath, entry);
    if (urlPath.endsWith('/index.html')) byPath.set(urlPath.slice(0, -'index.html'.length), entry);
  }
  return {
    get: (path) => (path.startsWith(INTERNAL_PREFIX) || NOT_FOUND_PATHS.has(path) ? undefined : byPath.get(path)),
    text: (path) => {
      const entry = byPath.get(path);
      return entry && entry.identity.body.toString('utf8');
    },
  };
}

/** The variant the client's Accept-Encoding allows best (RFC 9110; see `chooseCoding`). */
function variantFor(file: StaticFile, acceptEncoding: string | undefined): Variant {
  if (file.codings.length === 0) return file.identity;
  const coding = chooseCoding(acceptEncoding, file.codings);
  return (coding && file[coding]) || file.identity;
}

/**
 * Answers a GET or HEAD for a file of the built site straight on the Node
 * response; false when the path is not a file of the site.
 */
export function serveStaticFile(
  site: StaticSite,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  path: string,
): boolean {
  const file = site.get(path);
  if (!file) return false;
  const variant = variantFor(file, incoming.headers['accept-encoding']);
  if (incoming.headers['if-none-match'] === variant.etag) {
    const { 'Content-Length': _length, 'Content-Encoding': _encoding, ...headers } = variant.headers;
    outgoing.writeHead(304, headers);
    outgoing.end();
    return true;
  }
  outgoing.writeHead(200, variant.headers);
  if (incoming.method === 'HEAD') outgoing.end();
  else outgoing.end(variant.body);
  return true;
}
