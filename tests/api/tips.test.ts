import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTipFixtures, tipFixture } from '../helpers/fixtures.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { postTipForm, postTipJson, rawRequest, referenceIn, servedForm } from '../helpers/tip-client.ts';

/**
 * POST /api/tips (JSON) and POST to the tip page (the form without
 * JavaScript): content types, status codes, localized errors, pages in the
 * form's language (limits raised: this file is not about them).
 */

const RAISED_LIMITS = {
  RATE_LIMIT_CLIENT_POSTS: '10000/1m',
  RATE_LIMIT_CLIENT_TIPS: '10000/1m',
  RATE_LIMIT_CLIENT_TIPS_PER_DAY: '100000',
  RATE_LIMIT_GLOBAL_TIPS: '100000/1m',
  SURGE_TIPS: '99999',
  // Nothing is delivered here, so queue depths count what was stored.
  WORKER: 'off',
  INTAKE_TOKENS: 'test-intake-token-0123456789abcdef0123',
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: RAISED_LIMITS });
});
afterAll(() => server.stop());

const tipsUrl = () => `${server.url}/api/tips`;
const REFERENCE = /^[ACDEFGHJKMNPQRTWXY346789]{4}-[ACDEFGHJKMNPQRTWXY346789]{4}$/;

async function details(): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/api/health/details`, {
    headers: { Authorization: 'Bearer test-intake-token-0123456789abcdef0123' },
  });
  return (await response.json()) as Record<string, unknown>;
}

describe('accepting tips', () => {
  it('answers JSON with 201 and a short, unambiguous reference', async () => {
    const response = await postTipJson(server.url, tipFixture('minimal').fields);
    expect(response.status).toBe(201);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const { reference } = JSON.parse(response.body) as { reference: string };
    expect(reference).toMatch(REFERENCE);
  });

  it('accepts every valid fixture as JSON', async () => {
    for (const fixture of allTipFixtures().filter((f) => !f.errors)) {
      const response = await postTipJson(server.url, { ...fixture.fields, lang: fixture.lang ?? 'sv' });
      expect(response.status, `${fixture.name}: ${response.body}`).toBe(201);
    }
  });

  it('answers a form post with a whole confirmation page in the form language, without a redirect', async () => {
    const fixture = tipFixture('arabic');
    const response = await postTipForm(server.url, fixture.fields, { lang: 'ar' });
    expect(response.status).toBe(200);
    expect(response.headers.location).toBeUndefined();
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="ar"/);
    expect(referenceIn(response.body)).toMatch(REFERENCE);
  });

  it('re-renders the form with errors and the entered values for an invalid form post (422)', async () => {
    const fixture = tipFixture('invalid-many');
    const response = await postTipForm(
      server.url,
      { ...fixture.fields, place: 'Vid <lekparken> & "torget"' },
      { lang: 'en' },
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatch(/<html[^>]*lang="en"/);
    // Kept, and escaped wherever it is written into the page: no quote can end an attribute early.
    expect(response.body).toContain('Vid &lt;lekparken');
    expect(response.body).toContain('&quot;torget&quot;');
    expect(response.body).not.toContain('"torget"');
  });
});

describe('refusing what a client got wrong, never with a 5xx', () => {
  it('400 for JSON that cannot be parsed', async () => {
    const response = await rawRequest(tipsUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"category":',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'malformed_body' } });
  });

  it('400 for a form that repeats a field: a page in the form’s language', async () => {
    const response = await rawRequest(`${server.url}/en/report/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'category=drugs&category=other',
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toMatch(/<html[^>]*lang="en"/);
    expect(response.body).toContain('The tip could not be read');
  });

  it('415 for anything but JSON at the API, a form post included (never a page)', async () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/xml',
    ]) {
      const response = await rawRequest(tipsUrl(), { method: 'POST', headers: { 'Content-Type': type }, body: 'x' });
      expect(response.status, type).toBe(415);
      expect(response.headers['content-type'], type).toMatch(/^application\/json/);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'unsupported_content_type' } });
    }
    const none = await rawRequest(tipsUrl(), { method: 'POST', body: '{}' });
    expect(none.status).toBe(415);
  });

  it('415 for anything but a form post at the tip page: a page in its language', async () => {
    for (const type of ['application/json', 'text/plain', 'multipart/form-data; boundary=x']) {
      const response = await rawRequest(`${server.url}/ar/report/`, {
        method: 'POST',
        headers: { 'Content-Type': type },
        body: '{}',
      });
      expect(response.status, type).toBe(415);
      expect(response.headers['content-type'], type).toBe('text/html; charset=utf-8');
      expect(response.body, type).toMatch(/<html[^>]*lang="ar"/);
    }
  });

  it('takes a client that leaves in the middle of its body calmly: no 5xx, nothing stored, still serving', async () => {
    const before = await details();
    const ended = () => server.logs.filter((line) => line.includes('"refusedAs":"MalformedBodyError"')).length;
    const endedBefore = ended();
    const { port } = new URL(server.url);
    for (const chunked of [false, true]) {
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      const length = chunked ? 'Transfer-Encoding: chunked' : 'Content-Length: 5000';
      socket.write(`POST /api/tips HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${length}\r\n\r\n`);
      socket.write(chunked ? '10\r\n{"category":"dru\r\n' : '{"category":"dru');
      await new Promise((resolve) => setTimeout(resolve, 100));
      socket.destroy();
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await details()).queueDepth).toEqual(before.queueDepth);
    // Both requests ended (a reader left waiting would never log its line), as a client's fault.
    await expect.poll(ended).toBe(endedBefore + 2);
    expect(server.logs.some((line) => line.includes('"status":5') || line.includes('"level":"error"'))).toBe(false);
  });

  it('413 above 64 KB: with a Content-Length, chunked, and with a Content-Length that lies', async () => {
    const big = JSON.stringify({ description: 'x'.repeat(70_000) });
    const withLength = await rawRequest(tipsUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: big,
    });
    expect(withLength.status).toBe(413);
    const chunked = await rawRequest(tipsUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: big,
    });
    expect(chunked.status).toBe(413);
    const lying = await rawRequest(tipsUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '1000000' },
      body: '{}',
    });
    expect(lying.status).toBe(413);
    const form = await rawRequest(`${server.url}/en/report/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `description=${'x'.repeat(70_000)}`,
    });
    expect(form.status).toBe(413);
    expect(form.body).toContain('The tip was too large');
    expect(server.logs.some((line) => line.includes('"status":5'))).toBe(false);
  });

  it('refuses 100 concurrent oversized posts with 413 before any handler stores anything (THREATS #1)', async () => {
    const before = await details();
    const big = JSON.stringify({ ...tipFixture('minimal').fields, description: 'x'.repeat(1_000_000) });
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        rawRequest(tipsUrl(), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(i % 2 === 0 ? { 'Transfer-Encoding': 'chunked' } : {}) },
          body: big,
        }).catch((error: NodeJS.ErrnoException) => ({ status: 0, code: error.code })),
      ),
    );
    // The server answers 413 as soon as the limit is passed and stops reading; a client still
    // sending may see its connection reset before it reads that answer. Nothing else is allowed.
    const answered = responses.filter((r) => r.status !== 0);
    const reset = responses.filter((r) => r.status === 0);
    expect(new Set(answered.map((r) => r.status))).toEqual(new Set([413]));
    for (const r of reset) expect(['ECONNRESET', 'EPIPE']).toContain('code' in r ? r.code : undefined);
    expect(answered.length).toBeGreaterThan(50);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await details()).queueDepth).toEqual(before.queueDepth);
    const peak = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1];
    console.info(
      `100 concurrent 1 MB posts: ${answered.length} answered 413, ${reset.length} reset while sending, nothing stored; server peak RSS ${Math.round(Number(peak) / 1024)} MB`,
    );
  });

  it('accepts 4,000 characters of Arabic as a form post (within the body limit)', async () => {
    const description = 'ش'.repeat(4000);
    const response = await postTipForm(server.url, { ...tipFixture('minimal').fields, description }, { lang: 'ar' });
    expect(response.status).toBe(200);
  });

  it('422 with one localized message per field, in the language asked for', async () => {
    const fixture = tipFixture('invalid-many');
    const byLanguage: Record<string, string> = {};
    for (const lang of LOCALES) {
      const response = await postTipJson(server.url, { ...fixture.fields, lang });
      expect(response.status).toBe(422);
      const body = JSON.parse(response.body) as {
        error: { code: string; message: string; fields: Record<string, { code: string; message: string }> };
      };
      expect(body.error.code).toBe('validation_failed');
      expect(
        Object.fromEntries(Object.entries(body.error.fields).map(([field, error]) => [field, error.code])),
      ).toEqual(fixture.errors);
      for (const error of Object.values(body.error.fields)) expect(error.message).not.toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      byLanguage[lang] = body.error.fields.description?.message ?? '';
    }
    expect(new Set(Object.values(byLanguage)).size).toBe(LOCALES.length);
    expect(byLanguage.ar).toMatch(/[\u0600-\u06FF]/);
  });

  it('uses Accept-Language for JSON clients that do not say the language', async () => {
    const response = await postTipJson(
      server.url,
      { category: 'nope' },
      { headers: { 'Accept-Language': 'ar;q=0.9, fr' } },
    );
    expect(response.status).toBe(422);
    expect(JSON.parse(response.body).error.message).toMatch(/[\u0600-\u06FF]/);
  });

  it('422 for JSON that is not an object, and for unknown fields', async () => {
    for (const body of ['[]', '"tip"', '42', 'null']) {
      const response = await rawRequest(tipsUrl(), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect(response.status, body).toBe(422);
    }
    const extra = await postTipJson(server.url, { ...tipFixture('minimal').fields, ip: '1.2.3.4' });
    expect(extra.status).toBe(422);
  });
});

describe('cross-site posts (THREATS #10)', () => {
  const crossSite: [string, Record<string, string>][] = [
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site' }],
    ["another site's Origin", { Origin: 'https://evil.example' }],
    ['Origin null without Sec-Fetch-Site', { Origin: 'null' }],
  ];
  for (const [what, headers] of crossSite) {
    it(`403 for ${what}, whatever the content type: JSON at the API, a page in its language at the tip page`, async () => {
      for (const type of ['application/json', 'application/x-www-form-urlencoded', 'text/plain']) {
        const response = await rawRequest(tipsUrl(), {
          method: 'POST',
          headers: { 'Content-Type': type, ...headers },
          body: '{}',
        });
        expect(response.status, `${what} ${type}`).toBe(403);
        expect(JSON.parse(response.body), `${what} ${type}`).toMatchObject({ error: { code: 'cross_site' } });
        const page = await rawRequest(`${server.url}/en/report/`, {
          method: 'POST',
          headers: { 'Content-Type': type, ...headers },
          body: 'category=drugs',
        });
        expect(page.status, `${what} ${type}`).toBe(403);
        expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(page.body).toMatch(/<html[^>]*lang="en"/);
        expect(page.body).toContain('Tips are only received from the form on this website.');
      }
    });
  }

  it('accepts a same-origin post (Origin null with Sec-Fetch-Site same-origin, or our own Origin)', async () => {
    const fields = tipFixture('minimal').fields;
    const nullOrigin = await postTipForm(server.url, fields, {
      headers: { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(nullOrigin.status).toBe(200);
    const ownOrigin = await postTipJson(server.url, fields, {
      headers: { Origin: server.url, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(ownOrigin.status).toBe(201);
  });
});

describe('honeypot and duplicates', () => {
  it('answers a filled honeypot exactly like a success, but stores and sends nothing', async () => {
    const before = await details();
    const response = await postTipJson(server.url, { ...tipFixture('minimal').fields, website: 'http://spam.example' });
    expect(response.status).toBe(201);
    expect(JSON.parse(response.body).reference).toMatch(REFERENCE);
    const after = await details();
    expect(after.honeypotCount).toBe((before.honeypotCount as number) + 1);
    expect(after.queueDepth).toEqual(before.queueDepth);
  });

  it('answers a body that only fills the trap as it answers any invalid body (422), not with a reference', async () => {
    const trapOnly = await rawRequest(tipsUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"website":"x"}',
    });
    const empty = await rawRequest(tipsUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(trapOnly.status).toBe(422);
    expect(JSON.parse(trapOnly.body)).toEqual(JSON.parse(empty.body));
  });

  it('answers a trapped repeat as a person’s: the same reference for the same content, 409 for other content', async () => {
    const form = await servedForm(server.url);
    const trapped = { ...tipFixture('full-swedish').fields, website: 'x' };
    const first = await postTipJson(server.url, trapped, { form });
    const again = await postTipJson(server.url, trapped, { form });
    const other = await postTipJson(
      server.url,
      { ...trapped, description: 'Något helt annat har hänt här.' },
      { form },
    );
    expect([first.status, again.status, other.status]).toEqual([201, 201, 409]);
    expect(JSON.parse(again.body).reference).toBe(JSON.parse(first.body).reference);
  });

  it('gives a double submit, sequential and concurrent, one tip and one reference', async () => {
    const form = await servedForm(server.url);
    const before = await details();
    const fields = tipFixture('full-swedish').fields;
    const first = await postTipJson(server.url, fields, { form });
    const again = await postTipForm(server.url, fields, { form });
    const concurrent = await Promise.all(Array.from({ length: 8 }, () => postTipJson(server.url, fields, { form })));
    const references = [first, ...concurrent].map((r) => JSON.parse(r.body).reference as string);
    references.push(referenceIn(again.body) ?? 'missing');
    expect(new Set(references).size).toBe(1);
    const after = await details();
    const depth = (d: Record<string, unknown>) => (d.queueDepth as { email: number }).email;
    expect(depth(after) - depth(before)).toBe(1);
  });

  it('takes every post without an idempotency key as a new tip (nothing to deduplicate by)', async () => {
    const { formToken } = await servedForm(server.url);
    const before = await details();
    const body = JSON.stringify({ ...tipFixture('full-swedish').fields, formToken });
    const post = () => rawRequest(tipsUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    const answers = [await post(), await post()];
    const references = answers.map((r) => JSON.parse(r.body).reference as string);
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    expect(new Set(references).size).toBe(2);
    const after = await details();
    const depth = (d: Record<string, unknown>) => (d.queueDepth as { email: number }).email;
    expect(depth(after) - depth(before)).toBe(2);
  });

  it('refuses an idempotency key used for other content (409, localized), and stores nothing for it', async () => {
    const form = await servedForm(server.url);
    const first = await postTipJson(server.url, tipFixture('full-swedish').fields, { form });
    expect(first.status).toBe(201);
    const before = await details();
    const other = await postTipJson(
      server.url,
      { ...tipFixture('full-swedish').fields, description: 'Ett annat tips med samma nyckel.', lang: 'en' },
      { form },
    );
    expect(other.status).toBe(409);
    const { error } = JSON.parse(other.body) as { error: { code: string; message: string } };
    expect(error.code).toBe('idempotency_key_reused');
    expect(error.message).toMatch(/already been sent with other content/);
    expect((await details()).queueDepth).toEqual(before.queueDepth);

    // Without JavaScript: the form again (409), the text kept, a new key, and the message at the top.
    const page = await postTipForm(
      server.url,
      { ...tipFixture('full-swedish').fields, description: 'Ett annat tips med samma nyckel.' },
      { form },
    );
    expect(page.status).toBe(409);
    expect(page.body).toContain('Ett annat tips med samma nyckel.');
    expect(page.body).toContain('Formuläret har redan skickats med ett annat innehåll');
    const newKey = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1];
    expect(newKey).toBeDefined();
    expect(newKey).not.toBe(form.idempotencyKey);
  });
});
