import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tipFixture } from '../helpers/fixtures.ts';
import { startInProcessServer, type InProcessServer } from '../helpers/in-process-server.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { TIP_DICTIONARIES } from '../../src/i18n/tip/index.ts';
import { postTipForm, postTipJson, servedForm, type RawResponse, type ServedForm } from '../helpers/tip-client.ts';

/**
 * A distributed flood that stays under every per-client limit (issue 8
 * point 7), against the real server in-process (its clock moved by the test)
 * with a real SMTP sink: above SURGE_TIPS tips are still accepted, a fresh
 * client gets through, health says "surge", one warning is logged, the
 * emails beyond the threshold arrive as digests (no tip text), and the hard
 * cap answers that the service is overloaded. Then IPv6: one /48's many /64s
 * share the network limit.
 */

const TOKEN = 'surge-intake-token-0123456789abcdef0123456';
const SURGE_TIPS = 5;
const CAP = 40;
const CLIENTS = 12;
const TIPS_PER_CLIENT = 3;
const CANARY = 'Surgekanariefågel som aldrig får stå i ett sammandrag';

let sink: SmtpSink;
let server: InProcessServer | undefined;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
  sink.reset();
});

const fields = { ...tipFixture('minimal').fields, description: CANARY };
let keys = 0;
/** The served form's token with a fresh idempotency key: each post is a new tip, as from a new form fill. */
const fresh = (form: ServedForm): ServedForm => ({
  ...form,
  idempotencyKey: `surge-key-${String((keys += 1)).padStart(8, '0')}`,
});
const referenceOf = (response: RawResponse) => (JSON.parse(response.body) as { reference: string }).reference;
const tipIdOf = (messageId: string | undefined) => /^<tip-([A-Z0-9]{4}-[A-Z0-9]{4})@/.exec(messageId ?? '')?.[1];
const isDigest = (messageId: string | undefined) => /^<digest-\d+-\d{12}@/.test(messageId ?? '');

async function details(url: string) {
  const response = await fetch(`${url}/api/health/details`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    emailsHeldForDigest: number;
    surge: { active: boolean; since: string | null; threshold: number; window: string };
  };
}

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function untilAsync(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('a surge under the per-client limits', () => {
  it('keeps accepting, tells health and the log once, sends digests instead of single emails, and caps as "overloaded"', async () => {
    server = await startInProcessServer({
      SMTP_URL: sink.url,
      INTAKE_TOKENS: TOKEN,
      WORKER_POLL_MS: '20',
      SURGE_TIPS: String(SURGE_TIPS),
      RATE_LIMIT_GLOBAL_TIPS: `${CAP}/1h`,
    });
    const { url, clock } = server;
    const form = await servedForm(url);
    expect((await details(url)).surge).toMatchObject({ active: false, since: null, threshold: SURGE_TIPS });

    // Twelve clients, three tips each: every client stays under its own limit (5 per 10 minutes).
    const accepted: string[] = [];
    for (let round = 0; round < TIPS_PER_CLIENT; round += 1) {
      for (let client = 1; client <= CLIENTS; client += 1) {
        const response = await postTipJson(url, fields, { form: fresh(form), localAddress: `127.0.0.${10 + client}` });
        expect(response.status, response.body).toBe(201);
        accepted.push(referenceOf(response));
      }
    }
    // A resident who never sent anything before still gets through.
    const newcomer = await postTipJson(url, fields, { form: fresh(form), localAddress: '127.0.0.200' });
    expect(newcomer.status).toBe(201);
    accepted.push(referenceOf(newcomer));
    expect(accepted).toHaveLength(CLIENTS * TIPS_PER_CLIENT + 1);

    const health = await details(url);
    expect(health.surge).toMatchObject({ active: true, threshold: SURGE_TIPS, window: '1 h' });
    expect(health.surge.since).toMatch(/:00\.000Z$/);
    const warnings = server.logs.filter((line) => line.includes('surge: more tips than SURGE_TIPS'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0] ?? '{}')).toMatchObject({ level: 'warn', threshold: SURGE_TIPS });

    // The first SURGE_TIPS tips were emailed one by one; a first digest went out at once; the rest wait an hour.
    const single = () => sink.messages.filter((m) => tipIdOf(m.parsed.messageId) !== undefined);
    const digests = () => sink.messages.filter((m) => isDigest(m.parsed.messageId));
    await until(() => single().length === SURGE_TIPS && digests().length === 1);
    expect(single().map((m) => tipIdOf(m.parsed.messageId))).toEqual(accepted.slice(0, SURGE_TIPS));
    // Whether the first digest took every tip above depends on when the worker woke; a tip that comes after it
    // always waits for the next one.
    const late = await postTipJson(url, fields, { form: fresh(form), localAddress: '127.0.0.201' });
    expect(late.status).toBe(201);
    accepted.push(referenceOf(late));
    const listedIn = (digest: (typeof sink.messages)[number] | undefined) =>
      [...(digest?.parsed.text ?? '').matchAll(/tips ([A-Z0-9]{4}-[A-Z0-9]{4})$/gm)].map((match) => match[1]);
    const held = accepted.length - SURGE_TIPS - listedIn(digests()[0]).length;
    expect(held).toBeGreaterThan(0);
    await untilAsync(async () => (await details(url)).emailsHeldForDigest === held);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(digests()).toHaveLength(1);

    clock.advance(60 * 60_000);
    await until(() => digests().length === 2);
    expect((await details(url)).emailsHeldForDigest).toBe(0);
    const [first, second] = digests();
    const inDigests = digests().flatMap(listedIn);
    expect([...single().map((m) => tipIdOf(m.parsed.messageId)), ...inDigests].sort()).toEqual([...accepted].sort());
    expect(second?.parsed.subject).toBe(`[Sammandrag] ${held} tips under hög belastning`);
    for (const digest of [first, second]) {
      const text = digest?.parsed.text ?? '';
      expect(text).toContain('intagskön');
      expect(text).toContain('npm run intake -- claim');
      expect(text).not.toContain('Surgekanariefågel');
      expect(digest?.envelope.rcptTo).toEqual(['trygghet@huge.se']);
    }
    // Nothing was emailed twice.
    const ids = sink.messages.map((m) => m.parsed.messageId);
    expect(new Set(ids).size).toBe(ids.length);

    // The hard cap: refused as overloaded, whoever asks, in the asker's language.
    let response: RawResponse | undefined;
    for (let n = accepted.length; n <= CAP; n += 1) {
      response = await postTipJson(url, fields, {
        form: fresh(form),
        localAddress: `127.0.1.${n}`,
        headers: { 'Accept-Language': 'en' },
      });
    }
    expect(response?.status).toBe(429);
    const body = JSON.parse(response?.body ?? '{}') as { error: { code: string; message: string } };
    expect(body.error.code).toBe('overloaded');
    expect(body.error.message).toMatch(/^The tip service is overloaded right now/);
    expect(body.error.message).not.toMatch(/from here/);
    expect(Number(response?.headers['retry-after'])).toBeGreaterThan(0);
    const swedish = await postTipJson(url, fields, { form: fresh(form), localAddress: '127.0.2.1' });
    expect(JSON.parse(swedish.body)).toMatchObject({
      error: { code: 'overloaded', message: expect.stringMatching(/^Tipstjänsten är överbelastad/) as unknown },
    });

    // The form without JavaScript: the page says the service is overloaded (not "from your
    // connection"), in the form's language, and keeps what was written.
    for (const [lang, overloadedText] of [
      ['sv', 'Tjänsten tar emot ovanligt många tips just nu'],
      ['fi', 'Palveluun tulee juuri nyt poikkeuksellisen paljon vihjeitä'],
    ] as const) {
      const page = await postTipForm(url, fields, {
        form: fresh(await servedForm(url, lang)),
        localAddress: '127.0.2.2',
        lang,
      });
      expect(page.status).toBe(429);
      // The notice as rendered (the island's props carry every string of the language, so look inside it).
      const notice = /<div id="tip-outcome"[^>]*>(.*?)<\/div>/s.exec(page.body)?.[1] ?? '';
      expect(notice).toContain(overloadedText);
      expect(notice).not.toContain(TIP_DICTIONARIES[lang].rateLimited.wait.other.split('.')[0]);
      expect(page.body).toContain(CANARY);
    }
  }, 60_000);
});

describe('IPv6 clients', () => {
  it('count each /64 as a client, and the /64s of one /48 together against the network limit', async () => {
    server = await startInProcessServer({
      TRUST_PROXY: '127.0.0.1',
      RATE_LIMIT_NETWORK_TIPS: '3/10m',
    });
    const { url } = server;
    const form = await servedForm(url);
    const from = (address: string) =>
      postTipJson(url, fields, { form: fresh(form), headers: { 'X-Forwarded-For': address } });
    // Three /64s of 2001:db8:1::/48 are three clients, but one network.
    for (const subnet of ['1', '2', '3']) expect((await from(`2001:db8:1:${subnet}::1`)).status).toBe(201);
    const fourth = await from('2001:db8:1:4::1');
    expect(fourth.status).toBe(429);
    expect(JSON.parse(fourth.body)).toMatchObject({ error: { code: 'rate_limited' } });
    // Another /48 is unaffected.
    expect((await from('2001:db8:2:1::1')).status).toBe(201);
  });

  it('uses a coarser or finer network prefix when configured', async () => {
    server = await startInProcessServer({
      TRUST_PROXY: '127.0.0.1',
      RATE_LIMIT_NETWORK_TIPS: '2/10m',
      RATE_LIMIT_IPV6_NETWORK_PREFIX: '56',
    });
    const { url } = server;
    const form = await servedForm(url);
    const from = (address: string) =>
      postTipJson(url, fields, { form: fresh(form), headers: { 'X-Forwarded-For': address } });
    expect((await from('2001:db8:1:100::1')).status).toBe(201);
    expect((await from('2001:db8:1:101::1')).status).toBe(201);
    expect((await from('2001:db8:1:102::1')).status).toBe(429); // same /56
    expect((await from('2001:db8:1:200::1')).status).toBe(201); // another /56 of the same /48
  });
});
