import { STATUS_CODES } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';

/**
 * THREATS #14: every response of every kind of route carries the security
 * headers, its real status with the real reason phrase (never "422 OK"),
 * and, when it is HTML, `charset=utf-8`.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

function expectSecurityHeaders(response: Response, what: string) {
  const h = (name: string) => response.headers.get(name) ?? '';
  const csp = h('content-security-policy');
  expect(csp, `${what}: CSP`).toMatch(/frame-ancestors 'none'/);
  expect(csp, `${what}: CSP script-src`).toMatch(/script-src 'self'/);
  expect(csp, `${what}: no unsafe-inline scripts`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, `${what}: no unsafe-eval`).not.toMatch(/'unsafe-eval'/);
  expect(h('strict-transport-security'), `${what}: HSTS`).toBe('max-age=31536000');
  expect(['no-referrer', 'same-origin'], `${what}: Referrer-Policy`).toContain(h('referrer-policy'));
  expect(h('x-content-type-options'), `${what}: nosniff`).toBe('nosniff');
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) {
    expect(h('permissions-policy'), `${what}: Permissions-Policy ${feature}`).toContain(feature);
  }
  expect(h('cross-origin-opener-policy'), `${what}: COOP`).toBe('same-origin');
  expect(h('cross-origin-resource-policy'), `${what}: CORP`).toBe('same-origin');
  expect(h('set-cookie'), `${what}: no cookies`).toBe('');
  expect(response.statusText, `${what}: reason phrase`).toBe(STATUS_CODES[response.status]);
  if (h('content-type').startsWith('text/html')) {
    expect(h('content-type'), `${what}: charset`).toBe('text/html; charset=utf-8');
  }
}

async function firstAsset(): Promise<string> {
  const html = await (await fetch(`${server.url}/`)).text();
  const match = /(?:href|src)="(\/_astro\/[^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('the home page references no /_astro/ asset');
  return match[1];
}

describe('security headers on every kind of response', () => {
  const cases: [string, () => Promise<Response>][] = [
    ['prerendered page', () => fetch(`${server.url}/`)],
    ['English page', () => fetch(`${server.url}/en/agreement/`)],
    ['Arabic page, gzip', () => fetch(`${server.url}/ar/`, { headers: { 'Accept-Encoding': 'gzip' } })],
    ['hashed asset', async () => fetch(`${server.url}${await firstAsset()}`)],
    ['public file', () => fetch(`${server.url}/robots.txt`)],
    ['sitemap', () => fetch(`${server.url}/sitemap.xml`)],
    ['redirect to trailing slash', () => fetch(`${server.url}/en/agreement`, { redirect: 'manual' })],
    ['page 404', () => fetch(`${server.url}/no-such-page/`)],
    ['Arabic 404', () => fetch(`${server.url}/ar/no-such-page/`)],
    ['GET /api/health', () => fetch(`${server.url}/api/health`)],
    ['API 404', () => fetch(`${server.url}/api/nothing`)],
    ['tip page (rendered per request)', () => fetch(`${server.url}/tipsa/`)],
    [
      'API 415',
      () => fetch(`${server.url}/api/tips`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' }),
    ],
    [
      'API 403 cross-site',
      () =>
        fetch(`${server.url}/api/tips`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
          body: '{}',
        }),
    ],
    ['HEAD of a page', () => fetch(`${server.url}/`, { method: 'HEAD' })],
    [
      'tip page rendered by Astro (no-JavaScript post with errors, 422)',
      () =>
        fetch(`${server.url}/en/report/`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'lang=en&category=nonsense',
        }),
    ],
    [
      'refusal page of a form post (cross-site, 403, prerendered)',
      () =>
        fetch(`${server.url}/ar/report/`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
          body: 'a=b',
        }),
    ],
    [
      'refusal page of a form post (not a form, 415, prerendered)',
      () => fetch(`${server.url}/tipsa/`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' }),
    ],
    ['API 405', () => fetch(`${server.url}/api/tips`, { method: 'DELETE' })],
    ['page 405', () => fetch(`${server.url}/en/agreement/`, { method: 'POST', body: 'x' })],
    ['the 404 page asked for by its own path', () => fetch(`${server.url}/404/`)],
  ];
  for (const [what, request] of cases) {
    it(what, async () => {
      const response = await request();
      expectSecurityHeaders(response, `${what} (${response.status})`);
    });
  }

  it('404s are real 404s in the right language', async () => {
    const ar = await fetch(`${server.url}/ar/missing/`);
    expect(ar.status).toBe(404);
    expect(await ar.text()).toMatch(/<html[^>]+lang="ar"/);
    const sv = await fetch(`${server.url}/missing/`);
    expect(sv.status).toBe(404);
    expect(await sv.text()).toMatch(/<html[^>]+lang="sv"/);
  });

  it('the 404 pages are never answered as pages of their own (404, not 200)', async () => {
    for (const path of ['/404/', '/en/404/', '/ar/404/', '/404/index.html']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
  });
});

describe('wrong methods on known routes: 405 with Allow', () => {
  it('the API', async () => {
    const cases: [string, string, string][] = [
      ['/api/tips', 'GET', 'POST'],
      ['/api/tips', 'PUT', 'POST'],
      ['/api/health', 'POST', 'GET, HEAD'],
      ['/api/openapi.json', 'DELETE', 'GET, HEAD'],
      ['/api/intake/claim', 'GET', 'POST'],
    ];
    for (const [path, method, allow] of cases) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { Authorization: 'Bearer nope' },
      });
      // Without INTAKE_TOKENS the intake routes are switched off, whatever the method: 404 "disabled".
      if (path.startsWith('/api/intake')) {
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(await response.json()).toMatchObject({ error: { code: 'disabled' } });
        continue;
      }
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow);
      expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
    }
  });

  it('pages, the tip page included', async () => {
    const page = await fetch(`${server.url}/overenskommelsen/`, { method: 'PUT', body: 'x' });
    expect(page.status).toBe(405);
    expect(page.headers.get('allow')).toBe('GET, HEAD');
    const tipPage = await fetch(`${server.url}/en/report/`, { method: 'DELETE' });
    expect(tipPage.status).toBe(405);
    expect(tipPage.headers.get('allow')).toBe('GET, HEAD, POST');
    const options = await fetch(`${server.url}/api/tips`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('POST');
  });

  it('unknown paths stay 404', async () => {
    expect((await fetch(`${server.url}/api/nothing`, { method: 'DELETE' })).status).toBe(404);
    expect((await fetch(`${server.url}/nothing/`, { method: 'PUT', body: 'x' })).status).toBe(404);
  });
});
