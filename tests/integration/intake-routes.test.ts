import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorResponder } from '../../src/api/error-response.ts';
import { fieldMessage } from '../../src/i18n/tip-field-message.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { intakeRoutes } from '../../src/api/routes/intake.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { claimResponseSchema, deadLettersResponseSchema } from '../../src/api/intake/schemas.ts';
import { createSqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import type { TipStore } from '../../src/store/tip-store.ts';
import { flagsOf, isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { TEST_POLICY } from '../helpers/store-policy.ts';

/**
 * The intake API over real HTTP (@hono/node-server on 127.0.0.1, ephemeral
 * port) with a real SQLite store; the clock moves to expire leases.
 */

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 30, 12, 0);
const TOKEN = 'intake-token-0123456789abcdef0123456789';
const OTHER_TOKEN = 'second-system-token-abcdefghijklmnopqrstu';

const POLICY = { ...TEST_POLICY, intakeMaxLeases: 2 };

let dir: string;
let store: TipStore;
let clock: ReturnType<typeof manualClock>;
let server: ServerType;
let base: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tips-intake-'));
  store = createSqliteTipStore({ file: join(dir, 'tips.sqlite'), policy: POLICY, now: T0 });
  clock = manualClock(T0);
  const app = new Hono();
  app.route('/api/intake', intakeRoutes({ store, tokens: [TOKEN, OTHER_TOKEN], clock }));
  // The API's own error responder, as the server mounts it (src/web/router.ts).
  app.onError(errorResponder(createLogger('silent'), fieldMessage));
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/intake`;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function accept(fixture: string, acceptedAt = T0): Promise<string> {
  const { fields, lang } = tipFixture(fixture);
  const parsed = validateSubmission(fields, isoDate(acceptedAt + 24 * 60 * MINUTE));
  if (!parsed.success) throw new Error(`${fixture} does not validate`);
  const { lang: _lang, formToken: _token, idempotencyKey: _key, website: _honeypot, ...tip } = parsed.data;
  const result = await store.acceptTip({
    idempotencyKey: undefined,
    acceptedAt,
    language: lang ?? 'sv',
    tip,
    flags: flagsOf(tip),
  });
  return result.reference;
}

function call(path: string, body?: unknown, token: string | null = TOKEN, init: RequestInit = {}) {
  const headers: Record<string, string> = {};
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`${base}${path}`, {
    method: body === undefined && !init.method ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    ...init,
  });
}

async function claim(limit?: number, token = TOKEN) {
  const response = await call('/claim', limit === undefined ? {} : { limit }, token);
  expect(response.status).toBe(200);
  return claimResponseSchema.parse(await response.json());
}

describe('intake API authentication', () => {
  it('answers 401 without a token, with a wrong one, and with a malformed header', async () => {
    await accept('minimal');
    const attempts: [string, RequestInit][] = [
      ['no header', {}],
      ['wrong token', { headers: { Authorization: `Bearer ${TOKEN.slice(0, -1)}x` } }],
      ['a prefix of a token', { headers: { Authorization: `Bearer ${TOKEN.slice(0, 20)}` } }],
      ['basic scheme', { headers: { Authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` } }],
      ['empty bearer', { headers: { Authorization: 'Bearer ' } }],
    ];
    for (const [what, init] of attempts) {
      const response = await fetch(`${base}/claim`, { method: 'POST', ...init });
      expect(response.status, what).toBe(401);
      expect(response.headers.get('www-authenticate'), what).toBe('Bearer realm="intake"');
      expect(await response.json(), what).toEqual({
        error: { code: 'unauthorized', message: 'Nyckeln saknas eller är fel.' },
      });
    }
    const letters = await fetch(`${base}/dead-letters`);
    expect(letters.status).toBe(401);
    expect(letters.headers.get('www-authenticate')).toBe('Bearer realm="intake"');
    // Nothing was leased by the refused calls.
    expect((await store.listIntakeQueue(T0, 10))[0]?.leasedUntil).toBeNull();
  });

  it('accepts each configured token', async () => {
    await accept('minimal');
    expect((await claim(1, OTHER_TOKEN)).tips).toHaveLength(1);
    const response = await call('/dead-letters');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses to start with a token short enough to guess', () => {
    expect(() => intakeRoutes({ store, tokens: ['short'], clock })).toThrowError(/shorter than 32/);
  });
});

describe('intake API queue', () => {
  it('hands out tips oldest first with every field, then acknowledges them', async () => {
    const first = await accept('contact-wanted', T0 - 2 * MINUTE);
    const second = await accept('arabic', T0 - MINUTE);
    const third = await accept('full-swedish', T0);

    const lease = await claim(2);
    expect(lease.leaseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lease.expiresAt).toBe(new Date(T0 + 5 * MINUTE).toISOString());
    expect(lease.tips.map((tip) => tip.reference)).toEqual([first, second]);
    expect(lease.tips[0]).toEqual({
      reference: first,
      acceptedAt: new Date(T0 - 2 * MINUTE).toISOString(),
      language: 'sv',
      category: 'other',
      area: 'trangsund',
      place: null,
      when: null,
      whenDate: null,
      whenTime: null,
      description: 'Jag vill gärna berätta mer om vad jag sett vid lekparken.',
      contactWanted: true,
      contactEmail: 'boende@example.se',
      contactPhone: '070-765 43 21',
      flags: { personalData: [], happeningNow: false, contactWanted: true },
    });
    expect(lease.tips[1]?.language).toBe('ar');

    const ack = await call('/ack', { leaseId: lease.leaseId, references: [first, third] });
    expect(ack.status).toBe(200);
    expect(await ack.json()).toEqual({ acknowledged: [first], rejected: [third] });

    const release = await call('/release', { leaseId: lease.leaseId, references: [second] });
    expect(await release.json()).toEqual({ released: [second], rejected: [] });
    expect((await claim(10)).tips.map((tip) => tip.reference)).toEqual([second, third]);
    expect(await claim(10)).toMatchObject({ leaseId: null, tips: [] });
  });

  it('hands a tip out again when its lease runs out, and dead-letters it after the maximum', async () => {
    const reference = await accept('happening-now');
    const firstLease = await claim();
    clock.set(Date.parse(firstLease.expiresAt));
    const late = await call('/ack', { leaseId: firstLease.leaseId, references: [reference] });
    expect(await late.json()).toEqual({ acknowledged: [], rejected: [reference] });

    const secondLease = await claim();
    expect(secondLease.tips.map((tip) => tip.reference)).toEqual([reference]);
    clock.set(Date.parse(secondLease.expiresAt));
    expect((await claim()).tips).toEqual([]);

    const letters = deadLettersResponseSchema.parse(await (await call('/dead-letters?channel=intake')).json());
    expect(letters.deadLetters).toEqual([
      {
        reference,
        channel: 'intake',
        acceptedAt: new Date(T0).toISOString(),
        attempts: 2,
        lastError: 'LeaseExpired: not acknowledged in time',
        deadAt: new Date(Date.parse(secondLease.expiresAt)).toISOString(),
      },
    ]);

    const retry = await call('/dead-letters/retry', { references: [reference], channel: 'intake' });
    expect(await retry.json()).toEqual({ retried: [{ reference, channel: 'intake' }] });
    const third = await claim();
    expect(third.tips.map((tip) => tip.reference)).toEqual([reference]);
    const ack = await call('/ack', { leaseId: third.leaseId, references: [reference] });
    expect(await ack.json()).toEqual({ acknowledged: [reference], rejected: [] });
    expect((await store.healthDetails(clock())).queueDepth.intake).toBe(0);
  });
});

describe('intake API input', () => {
  it('answers 4xx, never 5xx, to bad bodies', async () => {
    const cases: [string, RequestInit, number][] = [
      ['not JSON', { body: '{', headers: { 'Content-Type': 'application/json' } }, 400],
      ['form body', { body: 'limit=5', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, 415],
      ['limit too high', { body: '{"limit":1000}', headers: { 'Content-Type': 'application/json' } }, 422],
      ['unknown field', { body: '{"limit":1,"x":1}', headers: { 'Content-Type': 'application/json' } }, 422],
      [
        'too large',
        { body: `{"limit":1,"pad":"${'x'.repeat(20_000)}"}`, headers: { 'Content-Type': 'application/json' } },
        413,
      ],
    ];
    for (const [what, init, status] of cases) {
      const response = await fetch(`${base}/claim`, {
        method: 'POST',
        ...init,
        headers: { Authorization: `Bearer ${TOKEN}`, ...(init.headers as Record<string, string>) },
      });
      expect(response.status, what).toBe(status);
    }
    const badAck = await call('/ack', { leaseId: 'not-a-uuid', references: ['lower-case'] });
    expect(badAck.status).toBe(422);
    const noRefs = await call('/ack', { leaseId: crypto.randomUUID(), references: [] });
    expect(noRefs.status).toBe(422);
    const badChannel = await call('/dead-letters?channel=fax');
    expect(badChannel.status).toBe(422);
  });
});
