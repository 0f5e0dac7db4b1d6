import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tipFixture } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { localDateOf } from '../../src/platform/stockholm-week.ts';
import { linkIn } from '../helpers/staff-app.ts';
import { postTipForm, postTipJson, rawRequest, referenceIn } from '../helpers/tip-client.ts';
import { nextSigninLink, signinEmailCount, staffCli } from '../browser/staff-support.ts';

/**
 * THREATS #5: submit from a distinctive loopback address and user agent,
 * then search everything the service keeps or sends — the database files
 * (WAL included), the logs, the .eml files, the SMTP messages and the intake
 * queue's payloads — for them. Hits must be 0. The staff side too: a staff
 * member signs in (by email link), opens the inbox and a tip, triages and
 * signs out from the same canary address and user agent, so the sessions,
 * sign-in tokens and audit trail are in the searched files.
 */

const CANARY_ADDRESS = '127.0.0.77';
const FORWARDED_CANARY = '203.0.113.77';
const CANARY_AGENT = 'PrivacyCanary/7.7 (trygghet-canary-d41d8cd9)';
const TOKEN = 'canary-intake-token-0123456789abcdef0123';
const CANARIES = [CANARY_ADDRESS, FORWARDED_CANARY, CANARY_AGENT, 'PrivacyCanary', 'd41d8cd9'];

let sink: SmtpSink;
let smtpServer: TestServer;
let emlServer: TestServer;
const intakePayloads: string[] = [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function hits(haystacks: { where: string; text: string }[]): string[] {
  return haystacks.flatMap(({ where, text }) =>
    CANARIES.filter((canary) => text.includes(canary)).map((c) => `${c} in ${where}`),
  );
}

async function submitFromCanary(server: TestServer): Promise<void> {
  const headers = { 'User-Agent': CANARY_AGENT, 'X-Forwarded-For': FORWARDED_CANARY, Referer: `${server.url}/tipsa/` };
  const json = await postTipJson(server.url, tipFixture('contact-wanted').fields, {
    localAddress: CANARY_ADDRESS,
    headers,
  });
  expect(json.status).toBe(201);
  const form = await postTipForm(server.url, tipFixture('arabic').fields, {
    localAddress: CANARY_ADDRESS,
    headers,
    lang: 'ar',
  });
  expect(form.status).toBe(200);
  const invalid = await postTipJson(server.url, { category: 'x' }, { localAddress: CANARY_ADDRESS, headers });
  expect(invalid.status).toBe(422);
  const page = await rawRequest(`${server.url}/en/`, { localAddress: CANARY_ADDRESS, headers });
  expect(page.status).toBe(200);
}

/** A staff member's day from the canary address and user agent: sign-in, inbox, a tip, triage, the lägesbild, sign-out. */
async function staffFromCanary(server: TestServer, link: (before: number) => Promise<string>): Promise<void> {
  const headers = {
    'User-Agent': CANARY_AGENT,
    'X-Forwarded-For': FORWARDED_CANARY,
    Origin: server.url,
    'Sec-Fetch-Site': 'same-origin',
    'Content-Type': 'application/x-www-form-urlencoded',
  };
  const send = (path: string, body?: Record<string, string>, cookie?: string) =>
    rawRequest(`${server.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) },
      body: body ? new URLSearchParams(body).toString() : undefined,
      localAddress: CANARY_ADDRESS,
    });
  await staffCli(server, 'add', 'canary-admin@huge.se', '--role', 'admin');
  const before = signinEmailCount(server);
  expect((await send('/personal/inloggning', { email: 'canary-admin@huge.se' })).status).toBe(303);
  const kod = new URL(await link(before)).searchParams.get('kod') ?? '';
  const used = await send('/personal/inloggning/lank', { kod });
  const cookie = [used.headers['set-cookie'] ?? []].flat()[0]?.split(';')[0] ?? '';
  expect(cookie).toMatch(/^__Host-personal=/);
  const inbox = await send('/personal/inkorg', undefined, cookie);
  const reference = referenceIn(inbox.body.replace(/^[\s\S]*<tbody>/, '')) ?? '';
  const tip = await send(`/personal/tips/${reference}`, undefined, cookie);
  expect(tip.status).toBe(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(tip.body)?.[1] ?? '';
  expect((await send(`/personal/tips/${reference}/status`, { _csrf: csrf, status: 'triaged' }, cookie)).status).toBe(
    303,
  );
  // The lägesbild in use: the tip moved there, an observation, the week viewed, exported and frozen (all audited).
  const moved = await send(
    `/personal/tips/${reference}/status`,
    { _csrf: csrf, status: 'in-lagesbild', summary: 'Sammanfattning för lägesbilden' },
    cookie,
  );
  expect(moved.status).toBe(303);
  const week = String((await send('/personal/lagesbild', undefined, cookie)).headers.location ?? '');
  expect(week).toMatch(/^\/personal\/lagesbild\/\d{4}-W\d{2}$/);
  expect((await send(week, undefined, cookie)).status).toBe(200);
  const observation = await send(
    `${week}/observationer`,
    {
      _csrf: csrf,
      source: 'polisen',
      category: 'disturbance',
      area: 'flemingsberg',
      date: localDateOf(Date.now()),
      summary: 'Polisens observation',
    },
    cookie,
  );
  expect(observation.status).toBe(303);
  for (const file of ['antal.csv', 'poster.csv'])
    expect((await send(`${week}/${file}`, undefined, cookie)).status).toBe(200);
  expect((await send(`${week}/faststall`, { _csrf: csrf }, cookie)).status).toBe(303);
  expect((await send(`${week}/version/1`, undefined, cookie)).status).toBe(200);
  expect((await send('/personal/utloggning', { _csrf: csrf }, cookie)).status).toBe(303);
}

beforeAll(async () => {
  sink = await startSmtpSink();
  // One server believes X-Forwarded-For (so the forwarded canary is the client), one mails to the sink, one writes .eml files.
  smtpServer = await startServer({
    env: { SMTP_URL: sink.url, INTAKE_TOKENS: TOKEN, TRUST_PROXY: '1', WORKER_POLL_MS: '50' },
  });
  emlServer = await startServer({ env: { INTAKE_TOKENS: TOKEN, WORKER_POLL_MS: '50', LOG_LEVEL: 'debug' } });
  for (const server of [smtpServer, emlServer]) await submitFromCanary(server);
  await sink.waitForMessages(2, 10_000);
  await staffFromCanary(emlServer, (before) => nextSigninLink(emlServer, before));
  await staffFromCanary(smtpServer, async () => {
    await sink.waitForMessages(3, 10_000);
    const message = sink.messages.find((m) => m.raw.toString('latin1').includes('/personal/inloggning/lank'));
    return linkIn(message?.raw.toString('latin1') ?? '') ?? 'missing:';
  });
  for (const server of [smtpServer, emlServer]) {
    const claim = await fetch(`${server.url}/api/intake/claim`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: '{"limit":100}',
    });
    const body = await claim.text();
    expect(claim.status).toBe(200);
    expect(JSON.parse(body).tips).toHaveLength(2);
    intakePayloads.push(body);
  }
  // Let the .eml worker write its files.
  for (let i = 0; i < 100 && filesUnder(emlServer.dataDir).filter((f) => f.endsWith('.eml')).length < 2; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});
afterAll(async () => {
  for (const server of [smtpServer, emlServer]) rmSync(server.dataDir, { recursive: true, force: true });
  await sink.close();
});

describe('privacy canary', () => {
  it('finds the canary address and user agent nowhere the service keeps or sends', async () => {
    const emlFiles = filesUnder(emlServer.dataDir).filter((f) => f.endsWith('.eml'));
    expect(emlFiles).toHaveLength(3); // two tips and one sign-in link
    // Read while the servers run (the WAL holds the latest writes), then stop them so every log line is out.
    const dataFiles = [...filesUnder(smtpServer.dataDir), ...filesUnder(emlServer.dataDir)];
    expect(dataFiles.some((f) => f.endsWith('-wal'))).toBe(true);
    const contents = dataFiles.map((file) => ({ file, bytes: readFileSync(file) }));
    for (const server of [smtpServer, emlServer]) await server.stop({ keepData: true });
    const haystacks = [
      ...contents.map(({ file, bytes }) => ({ where: file, text: bytes.toString('latin1') })),
      ...contents.map(({ file, bytes }) => ({ where: `${file} (utf-16)`, text: bytes.toString('utf16le') })),
      { where: 'server logs', text: [...smtpServer.logs, ...emlServer.logs].join('\n') },
      ...sink.messages.map((m, i) => ({ where: `SMTP message ${i}`, text: m.raw.toString('latin1') })),
      ...sink.messages.map((m, i) => ({ where: `SMTP envelope ${i}`, text: JSON.stringify(m.envelope) })),
      ...intakePayloads.map((text, i) => ({ where: `intake payload ${i}`, text })),
    ];
    // The search works: the tips' own text is found where it should be, and so is the staff side's state.
    expect(haystacks.some((h) => h.text.includes('boende@example.se'))).toBe(true);
    expect(haystacks.some((h) => h.text.includes('canary-admin@huge.se'))).toBe(true);
    expect(haystacks.some((h) => h.text.includes('lagesbild.week.freeze'))).toBe(true);
    expect(haystacks.some((h) => h.text.includes('Polisens observation'))).toBe(true);
    expect(hits(haystacks)).toEqual([]);
    console.info(
      `privacy canary: searched ${dataFiles.length} data files, ${smtpServer.logs.length + emlServer.logs.length} log lines, ${sink.messages.length} emails, ${intakePayloads.length} intake payloads: 0 hits`,
    );
  });
});
