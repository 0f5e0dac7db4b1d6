import { afterEach, describe, expect, it } from 'vitest';
import { tipFixture } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { postTipForm, postTipJson, servedForm } from '../helpers/tip-client.ts';

/** The limits hold at the endpoint; X-Forwarded-For is believed only per TRUST_PROXY (THREATS #7, #9). */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const fields = tipFixture('minimal').fields;

async function statuses(n: number, send: (i: number) => Promise<{ status: number }>): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < n; i += 1) result.push((await send(i)).status);
  return result;
}

describe('rate limits at POST /api/tips and the tip page', () => {
  it('accepts the per-client tip limit, then answers 429 with Retry-After and a localized message naming other ways', async () => {
    server = await startServer({ env: { RATE_LIMIT_CLIENT_TIPS: '3/10m' } });
    const url = server.url;
    const got = await statuses(5, () => postTipJson(url, fields, { localAddress: '127.0.0.21' }));
    expect(got).toEqual([201, 201, 201, 429, 429]);
    const refused = await postTipJson(url, { ...fields, lang: 'en' }, { localAddress: '127.0.0.21' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const message = JSON.parse(refused.body).error.message as string;
    expect(message).toContain('trygghet@huge.se');
    expect(message).toContain('112');
    // Another client is not affected.
    expect((await postTipJson(url, fields, { localAddress: '127.0.0.22' })).status).toBe(201);
  });

  it('answers a rate-limited no-JavaScript post with a whole page in its language', async () => {
    server = await startServer({ env: { RATE_LIMIT_CLIENT_TIPS: '1/10m' } });
    const url = server.url;
    expect((await postTipForm(url, fields, { lang: 'ar', localAddress: '127.0.0.23' })).status).toBe(200);
    const page = await postTipForm(url, fields, { lang: 'ar', localAddress: '127.0.0.23' });
    expect(page.status).toBe(429);
    expect(page.headers['retry-after']).toBeDefined();
    expect(page.body).toMatch(/<html[^>]*lang="ar"/);
    expect(page.body).toContain('trygghet@huge.se');
    // What they wrote is still in the form, ready to send later.
    expect(page.body).toContain(fields.description);
    expect(page.body).toMatch(/<form[^>]*action="\/ar\/report\/#tip-answer"/);
  });

  it('refuses a client at its tip limit whatever it posts: a honeypot post gets the 429 a person would', async () => {
    server = await startServer({ env: { RATE_LIMIT_CLIENT_TIPS: '1/10m' } });
    const url = server.url;
    const from = { localAddress: '127.0.0.26' };
    expect((await postTipJson(url, fields, from)).status).toBe(201);
    const person = await postTipJson(url, fields, from);
    const bot = await postTipJson(url, { ...fields, website: 'http://spam.example' }, from);
    expect(bot.status).toBe(429);
    // The same answer but for the time, which may have moved a second between the two.
    const stable = ({ status, headers, body }: { status: number; headers: Record<string, unknown>; body: string }) => {
      const { date: _date, 'retry-after': _retry, 'content-length': _length, ...rest } = headers;
      const { error } = JSON.parse(body) as { error: Record<string, unknown> };
      return { status, rest, code: error.code, message: error.message };
    };
    expect(stable(bot)).toEqual(stable(person));
  });

  it('refuses a flooder’s form posts with the prerendered "too many tips" page in the form’s language', async () => {
    server = await startServer({ env: { RATE_LIMIT_CLIENT_POSTS: '2/10m' } });
    const url = server.url;
    const from = { lang: 'en' as const, localAddress: '127.0.0.27', headers: { Origin: url } };
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await postTipForm(url, { category: 'nonsense' }, from));
    expect(statuses.map((answer) => answer.status)).toEqual([422, 422, 429, 429]);
    const [first, second] = statuses.slice(2);
    expect(first?.body).toBe(second?.body);
    expect(first?.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first?.body).toMatch(/<html[^>]*lang="en"/);
    expect(first?.body).toContain('Too many tips right now');
    expect(Number(first?.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a flood of posts, valid or not, at the per-client post limit', async () => {
    server = await startServer({ env: { RATE_LIMIT_CLIENT_POSTS: '10/10m' } });
    const url = server.url;
    const got = await statuses(14, () => postTipJson(url, { category: 'nonsense' }, { localAddress: '127.0.0.24' }));
    expect(got.slice(0, 10).every((status) => status === 422)).toBe(true);
    expect(got.slice(10)).toEqual([429, 429, 429, 429]);
  });

  it('answers every refusal of a flood alike, the first as the rest (all at the edge)', async () => {
    server = await startServer({ env: { RATE_LIMIT_CLIENT_POSTS: '2/10m' } });
    const url = server.url;
    const send = () =>
      postTipJson(url, { category: 'nonsense' }, { localAddress: '127.0.0.25', headers: { 'Accept-Language': 'en' } });
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await send());
    expect(answers.map((a) => a.status)).toEqual([422, 422, 429, 429, 429]);
    const [first, ...rest] = answers.slice(2).map(({ headers, body }) => {
      const { date: _date, ...stable } = headers;
      return { headers: stable, body: JSON.parse(body) as unknown };
    });
    for (const other of rest) expect(other).toEqual(first);
    expect(first?.headers).toMatchObject({
      'retry-after': expect.stringMatching(/^\d+$/),
      'cache-control': 'no-store',
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
    });
    expect(first?.body).toMatchObject({ error: { code: 'rate_limited', message: expect.stringContaining('112') } });
    // Log lines are written asynchronously: wait for the third.
    const logs = server.logs;
    const refusedLines = () => logs.filter((line) => line.includes('"status":429'));
    await expect.poll(() => refusedLines().length).toBe(3);
    const refusals = refusedLines();
    for (const line of refusals) {
      expect(JSON.parse(line)).toMatchObject({ method: 'POST', route: '/api/tips', refusedAs: 'RateLimitedError' });
      expect(line).not.toContain('127.0.0.25');
    }
  });

  it('holds the global limit across clients', async () => {
    server = await startServer({ env: { RATE_LIMIT_GLOBAL_TIPS: '4/1h' } });
    const url = server.url;
    const got = await statuses(6, (i) => postTipJson(url, fields, { localAddress: `127.0.0.${30 + i}` }));
    expect(got).toEqual([201, 201, 201, 201, 429, 429]);
  });

  it('does not count a repeated submission of the same form against the tip limit', async () => {
    server = await startServer({ env: { RATE_LIMIT_CLIENT_TIPS: '2/10m' } });
    const url = server.url;
    const form = await servedForm(url);
    const got = await statuses(5, () => postTipJson(url, fields, { form, localAddress: '127.0.0.40' }));
    expect(got).toEqual([201, 201, 201, 201, 201]);
    expect((await postTipJson(url, fields, { localAddress: '127.0.0.40' })).status).toBe(201);
    expect((await postTipJson(url, fields, { localAddress: '127.0.0.40' })).status).toBe(429);
  });

  it('ignores a rotating X-Forwarded-For from one socket without TRUST_PROXY', async () => {
    server = await startServer({ env: { RATE_LIMIT_CLIENT_TIPS: '3/10m' } });
    const url = server.url;
    const got = await statuses(8, (i) =>
      postTipJson(url, fields, { localAddress: '127.0.0.50', headers: { 'X-Forwarded-For': `203.0.113.${i + 1}` } }),
    );
    expect(got.filter((status) => status === 201)).toHaveLength(3);
  });

  it('with TRUST_PROXY=1, limits the client the proxy names, not the proxy', async () => {
    server = await startServer({ env: { RATE_LIMIT_CLIENT_TIPS: '2/10m', TRUST_PROXY: '1' } });
    const url = server.url;
    const via = (client: string, spoofed?: string) => ({
      localAddress: '127.0.0.60',
      headers: { 'X-Forwarded-For': spoofed ? `${spoofed}, ${client}` : client },
    });
    // Two clients behind one proxy each get their own allowance.
    expect(await statuses(3, () => postTipJson(url, fields, via('198.51.100.1')))).toEqual([201, 201, 429]);
    expect(await statuses(2, () => postTipJson(url, fields, via('198.51.100.2')))).toEqual([201, 201]);
    // A client cannot escape by putting a fake hop in front: the proxy's own entry (rightmost) decides.
    expect((await postTipJson(url, fields, via('198.51.100.1', '192.0.2.99'))).status).toBe(429);
  });
});
