import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createClientIdentifier, createTipRateLimiter, type TipRateLimiter } from '../../src/limits/index.ts';
import { CLIENT_DIR } from '../../src/web/build-output.ts';
import { clientNaming } from '../../src/web/edge/client-naming.ts';
import { createEdge, type TipPostKind } from '../../src/web/edge/edge.ts';
import { closeHttp, listen } from '../../src/web/edge/http-server.ts';
import { SECURITY_HEADERS } from '../../src/web/edge/security-headers.ts';
import { loadRefusalPages } from '../../src/web/refusal-pages.ts';
import { loadStaticSite, serveStaticFile } from '../../src/web/static-files.ts';
import { rawRequest } from '../helpers/tip-client.ts';

/**
 * The edge on a real HTTP server with the real limiter, refusal pages and
 * built site: what it answers itself (refusals of a flooder, cross-site tip
 * posts, files of the site) and what it passes on (here to a router that
 * answers 418, so it shows), with one log line per request.
 */

const SECRET = 'edge-test-secret-edge-test-secret-edge-0001';
const FLOODER = '127.0.0.51';
const ORIGIN = 'https://trygghet.example';
const lines: string[] = [];
let server: Server;
let limiter: TipRateLimiter;
let url: string;
const identify = createClientIdentifier(SECRET);

beforeAll(async () => {
  const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', RATE_LIMIT_CLIENT_POSTS: '2/10m' });
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  limiter = await createTipRateLimiter({ limits: config.rateLimits, clock: Date.now, logger });
  const site = await loadStaticSite(CLIENT_DIR);
  const tipPosts = new Map<string, TipPostKind>([
    ['/api/tips', 'api'],
    ['/tipsa/', 'page'],
    ['/en/report/', 'page'],
    ['/ar/report/', 'page'],
  ]);
  const edge = createEdge({
    logger,
    publicOrigin: ORIGIN,
    nameClient: clientNaming({ trustProxy: config.trustProxy, identify, clock: Date.now }),
    floodLimit: {
      rememberedRefusal: (clientId) => limiter.rememberedPostRefusal(clientId),
      check: (clientId) => limiter.checkPost(clientId),
    },
    tipPostKind: (path) => tipPosts.get(path),
    refusalPages: loadRefusalPages(site),
    staticFile: (incoming, outgoing, path) => serveStaticFile(site, incoming, outgoing, path),
    router: async (incoming, outgoing) => {
      incoming.resume();
      outgoing.writeHead(418, { 'Content-Type': 'text/plain' });
      outgoing.end('the router answered');
    },
  });
  server = await listen(edge, config);
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // Two posts allowed, the third refused: from now on the refusal is remembered.
  const flooder = identify(FLOODER, Date.now());
  for (let i = 0; i < 3; i += 1) await limiter.checkPost(flooder);
});

afterAll(async () => {
  await closeHttp(server, 1000);
  await limiter.close();
});

const post = (path: string, headers: Record<string, string>, from = FLOODER) =>
  rawRequest(`${url}${path}`, { method: 'POST', headers, body: '{}', localAddress: from });
const json = { 'Content-Type': 'application/json' };
const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
const lineOf = (requestStatus: number, route: string) =>
  lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((l) => l.status === requestStatus && l.route === route);

describe('the edge refuses a remembered flooder before any framework', () => {
  it('a JSON post: the API’s 429, in the language asked for, with the security headers and one log line', async () => {
    const answer = await post('/api/tips', { ...json, 'Accept-Language': 'ar' });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(answer.body)));
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(answer.headers[name.toLowerCase()], name).toBe(value);
    }
    const { error } = JSON.parse(answer.body) as { error: { code: string; message: string } };
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/[\u0600-\u06ff]/);
    await expect.poll(() => lineOf(429, '/api/tips')).toMatchObject({ method: 'POST', refusedAs: 'RateLimitedError' });
    expect(lines.join('\n')).not.toContain(FLOODER);
  });

  it('a form post: the prerendered "too many tips" page in the language of the page posted to', async () => {
    const plain = await post('/en/report/', { ...form, Origin: ORIGIN, 'Accept-Language': 'sv' });
    expect(plain.status).toBe(429);
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(plain.headers['retry-after'])).toBeGreaterThan(0);
    expect(plain.body).toMatch(/<html[^>]*lang="en"/);
    expect(plain.body).toContain('Too many tips right now');
    expect(plain.body).toMatch(/Please try again in about (a minute|\d+ minutes)\./);
    expect(plain.body).not.toContain('TEMPLATE');
    expect(plain.headers['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);

    const gzipped = await rawRequest(`${url}/ar/report/`, {
      method: 'POST',
      headers: { ...form, 'Accept-Encoding': 'gzip, deflate, br' },
      body: 'a=b',
      localAddress: FLOODER,
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['content-length']).toBeDefined();
  });

  it('every post, to any path, without counting anything', async () => {
    const before = limiter.rememberedPostRefusal(identify(FLOODER, Date.now()));
    for (const path of ['/api/tips', '/api/intake/claim', '/tipsa/', '/anything']) {
      expect((await post(path, json)).status, path).toBe(429);
    }
    expect(limiter.rememberedPostRefusal(identify(FLOODER, Date.now()))?.reset).toBe(before?.reset);
  });
});

describe('tip posts of other clients', () => {
  it('are refused when another site made the browser send them (403, JSON or a page), and not counted', async () => {
    const client = '127.0.0.61';
    const api = await post('/api/tips', { ...json, 'Sec-Fetch-Site': 'cross-site' }, client);
    expect(api.status).toBe(403);
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: 'cross_site' } });
    const page = await post('/ar/report/', { ...form, Origin: 'https://evil.example' }, client);
    expect(page.status).toBe(403);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toMatch(/<html[^>]*lang="ar"/);
    // None of these counted: the client still has its two posts.
    expect((await post('/api/tips', json, client)).status).toBe(418);
    expect((await post('/tipsa/', { ...form, Origin: ORIGIN }, client)).status).toBe(418);
    expect((await post('/tipsa/', form, client)).status).toBe(429);
  });

  it('are counted against the flood limit; the refusal is the same answer the rest of the flood gets', async () => {
    const client = '127.0.0.62';
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await post('/api/tips', json, client));
    expect(answers.map((a) => a.status)).toEqual([418, 418, 429, 429]);
    const [first, second] = answers.slice(2).map(({ headers, body }) => {
      const { date: _date, ...stable } = headers;
      return { headers: stable, body };
    });
    expect(second).toEqual(first);
  });

  it('GETs, other methods and other clients’ posts to other paths go on to the router', async () => {
    const passed = [
      await rawRequest(`${url}/api/tips`, { localAddress: FLOODER }),
      await rawRequest(`${url}/api/health`, { method: 'PUT', localAddress: FLOODER }),
      await post('/api/intake/claim', json, '127.0.0.63'),
    ];
    expect(passed.map((answer) => answer.status)).toEqual([418, 418, 418]);
  });

  it('answers a file of the built site from memory, with one log line', async () => {
    const page = await rawRequest(`${url}/en/agreement/`, { localAddress: FLOODER });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['x-frame-options']).toBe('DENY');
    await expect.poll(() => lineOf(200, '/en/agreement/')).toMatchObject({ method: 'GET' });
  });
});
