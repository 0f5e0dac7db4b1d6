import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_IDEMPOTENCY_KEY, TEMPLATE_TOKEN } from '../../src/schemas/tip-template.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { servedForm } from '../helpers/tip-client.ts';

/** GET of the tip page: a prerendered template with this request's token and key filled in. */

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe('the tip page', () => {
  it('carries a fresh token and idempotency key on every request, and never a placeholder', async () => {
    const forms = await Promise.all([1, 2, 3].map(() => servedForm(server.url, 'ar')));
    expect(new Set(forms.map((f) => f.idempotencyKey)).size).toBe(3);
    const html = await (await fetch(`${server.url}/ar/report/`)).text();
    expect(html).not.toContain(TEMPLATE_TOKEN);
    expect(html).not.toContain(TEMPLATE_IDEMPOTENCY_KEY);
    expect(html).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="ar"/);
  });

  it('preselects a known category and ignores an unknown one', async () => {
    const checked = (html: string) => /<input[^>]*name="category"[^>]*value="([^"]+)"[^>]*checked/.exec(html)?.[1];
    expect(checked(await (await fetch(`${server.url}/en/report/?category=drugs`)).text())).toBe('drugs');
    expect(checked(await (await fetch(`${server.url}/en/report/?category=%3Cscript%3E`)).text())).toBeUndefined();
  });

  it('is compressed when the client accepts it, and never stored', async () => {
    const response = await fetch(`${server.url}/tipsa/`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    // fetch decompresses by itself; ask for the raw bytes through node:http instead.
    const { request } = await import('node:http');
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      request(`${server.url}/tipsa/`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.body).toString('utf8')).toContain('name="formToken"');
  });

  it('keeps the templates themselves private', async () => {
    for (const path of ['/tip-form/template/sv/any/', '/tip-form/template/sv/any/index.html', '/tip-form/sv/']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
  });
});
