import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextSigninLink, signinEmailCount, staffCli, startStaffServer } from '../browser/staff-support.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import type { TestServer } from '../helpers/server.ts';
import { postTipJson, rawRequest, referenceIn } from '../helpers/tip-client.ts';

/**
 * THREATS S5: a canary phrase in a tip is redacted through the staff pages
 * of the built server; then the database files (WAL included), the audit
 * trail (in them), the server's logs and every page a handler can open
 * (the lägesbild's week, its frozen version and its CSV files too) are
 * searched for it: hits 0. The phrase stays only in the forwarded email's
 * `.eml` file, which stands for the mailbox (Huge's mailbox rules apply there).
 */

const CANARY = 'Kanariefagel-7Q3Z-hemlig';
let server: TestServer;
let reference: string;
let pages: string[] = [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(async () => {
  server = await startStaffServer({ WORKER_POLL_MS: '50' });
  await staffCli(server, 'add', 'anna@huge.se', '--role', 'admin');
  const posted = await postTipJson(server.url, {
    ...tipFixture('minimal').fields,
    description: `Mannen som kallar sig ${CANARY} säljer i trappan. ${CANARY} kommer varje kväll.`,
  });
  reference = referenceIn(posted.body) ?? '';
  const headers = {
    Origin: server.url,
    'Sec-Fetch-Site': 'same-origin',
    'Content-Type': 'application/x-www-form-urlencoded',
  };
  const before = signinEmailCount(server);
  await rawRequest(`${server.url}/personal/inloggning`, { method: 'POST', headers, body: 'email=anna%40huge.se' });
  const kod = new URL(await nextSigninLink(server, before)).searchParams.get('kod') ?? '';
  const used = await rawRequest(`${server.url}/personal/inloggning/lank`, {
    method: 'POST',
    headers,
    body: `kod=${kod}`,
  });
  const cookie = [used.headers['set-cookie'] ?? []].flat()[0]?.split(';')[0] ?? '';
  const get = async (path: string) => (await rawRequest(`${server.url}${path}`, { headers: { Cookie: cookie } })).body;
  const tip = await get(`/personal/tips/${reference}`);
  expect(tip).toContain(CANARY);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(tip)?.[1] ?? '';
  // Before the redaction: the tip in the lägesbild, its week frozen (a version holds summaries only, never the text).
  const moved = await rawRequest(`${server.url}/personal/tips/${reference}/status`, {
    method: 'POST',
    headers: { ...headers, Cookie: cookie },
    body: new URLSearchParams({ _csrf: csrf, status: 'in-lagesbild', summary: 'Försäljning i trappan' }).toString(),
  });
  expect(moved.status).toBe(303);
  const week = (await rawRequest(`${server.url}/personal/lagesbild`, { headers: { Cookie: cookie } })).headers.location;
  const frozen = await rawRequest(`${server.url}${week}/faststall`, {
    method: 'POST',
    headers: { ...headers, Cookie: cookie },
    body: new URLSearchParams({ _csrf: csrf }).toString(),
  });
  expect(frozen.status).toBe(303);
  const redacted = await rawRequest(`${server.url}/personal/tips/${reference}/maskera`, {
    method: 'POST',
    headers: { ...headers, Cookie: cookie },
    body: new URLSearchParams({ _csrf: csrf, text: CANARY }).toString(),
  });
  expect(redacted.status).toBe(303);
  pages = [await get(`/personal/tips/${reference}`), await get('/personal/inkorg'), await get('/personal/logg')];
  const lagesbild = [
    await get(`${week}`),
    await get(`${week}/version/1`),
    await get(`${week}/antal.csv`),
    await get(`${week}/poster.csv`),
    await get('/personal/lagesbild/sammanstallning.csv'),
  ];
  expect(lagesbild[0]).toContain('Försäljning i trappan');
  expect(lagesbild[3]).toContain('Försäljning i trappan');
  pages.push(...lagesbild);
  // Searching for it finds no tip any more (the page echoes only the search itself).
  expect(await get(`/personal/inkorg?sok=${CANARY}`)).toContain('Inga tips med de här filtren.');
});
afterAll(async () => {
  await server?.stop();
});

describe('a redacted canary phrase', () => {
  it('is nowhere in the store, the audit trail, the logs or the staff pages; only in the forwarded email', async () => {
    for (let i = 0; i < 100 && !filesUnder(server.dataDir).some((f) => /tip-.*\.eml$/.test(f)); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const files = filesUnder(server.dataDir);
    const tipEmail = files.find((f) => /mail-outbox\/tip-.*\.eml$/.test(f));
    expect(tipEmail && readFileSync(tipEmail, 'latin1')).toContain(CANARY); // the search finds what is there
    const stored = files.filter((f) => !f.includes('mail-outbox'));
    expect(stored.some((f) => f.endsWith('tips.sqlite'))).toBe(true);
    const contents = stored.map((file) => ({ file, text: readFileSync(file).toString('latin1') }));
    await server.stop({ keepData: true });
    const haystacks = [
      ...contents,
      { file: 'server logs', text: server.logs.join('\n') },
      ...pages.map((text, i) => ({ file: `page ${i}`, text })),
    ];
    expect(haystacks.filter((h) => h.text.includes(CANARY)).map((h) => h.file)).toEqual([]);
    expect(pages[0]).toContain('Mannen som kallar sig [borttaget] säljer i trappan. [borttaget] kommer varje kväll.');
    expect(pages[2]).toContain(`${CANARY.length * 2} tecken på 2 ställen`);
    console.info(
      `redaction canary: searched ${stored.length} store files, ${server.logs.length} log lines, ${pages.length} staff pages: 0 hits`,
    );
  });
});
