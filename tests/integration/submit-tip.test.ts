import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createTipRateLimiter, type TipRateLimiter } from '../../src/limits/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createSqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import type { TipStore } from '../../src/store/tip-store.ts';
import { formTokens } from '../../src/tips/form-token.ts';
import { createSubmitTip, type SubmitTip } from '../../src/tips/submit-tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { TEST_POLICY } from '../helpers/store-policy.ts';

/**
 * The submission use case on a real SQLite store and the real limiter: the
 * results it returns (nothing HTTP), the key bound to its content, and a
 * honeypot taking the same path as a person's tip up to the store.
 */

const T0 = Date.UTC(2026, 10, 30, 12, 0);
const tokens = formTokens('submit-tip-test-secret-submit-tip-test-secret', 0);
let dir: string;
let store: TipStore;
let limiter: TipRateLimiter;
let submit: SubmitTip;
let clock: ReturnType<typeof manualClock>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tips-submit-'));
  clock = manualClock(T0);
  store = createSqliteTipStore({ file: join(dir, 'tips.sqlite'), policy: TEST_POLICY, now: T0 });
  const config = loadConfig({ RATE_LIMIT_CLIENT_TIPS: '3/10m' });
  limiter = await createTipRateLimiter({ limits: config.rateLimits, clock, logger: createLogger('silent') });
  submit = createSubmitTip({ store, limiter, formTokens: tokens, clock });
});

afterEach(async () => {
  await limiter.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const served = (key?: string) => ({ formToken: tokens.issue(clock()), ...(key ? { idempotencyKey: key } : {}) });
const minimal = () => ({ ...tipFixture('minimal').fields, ...served() });
const stored = async () => (await store.healthDetails(clock())).queueDepth.email;

describe('results', () => {
  it('accepted and stored; invalid with field errors; never an exception for what a client sent', async () => {
    expect(await submit(minimal(), 'client-a')).toMatchObject({ kind: 'accepted', stored: true });
    expect(await submit({ ...minimal(), description: 'kort' }, 'client-a')).toEqual({
      kind: 'invalid',
      errors: { description: 'description.tooShort' },
    });
    expect(await submit({ ...tipFixture('minimal').fields }, 'client-a')).toEqual({
      kind: 'invalid',
      errors: { form: 'form.invalid' },
    });
    expect(await submit('not an object', 'client-a')).toMatchObject({ kind: 'invalid' });
    expect(await stored()).toBe(1);
  });

  it('rate-limited by the tip limits, with how long to wait', async () => {
    for (let i = 0; i < 3; i += 1) expect((await submit(minimal(), 'client-b')).kind).toBe('accepted');
    const refused = await submit(minimal(), 'client-b');
    expect(refused).toMatchObject({ kind: 'rate-limited' });
    expect(refused.kind === 'rate-limited' && refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('held for personal data only when asked to check, until the sender confirms', async () => {
    const tip = { ...tipFixture('personal-data').fields, ...served() };
    expect(await submit(tip, 'client-c', { personalData: { confirmed: false } })).toEqual({
      kind: 'confirm-personal-data',
      personalData: ['personal-identity-number', 'phone-number', 'email-address'],
    });
    expect(await stored()).toBe(0);
    expect(await submit(tip, 'client-c', { personalData: { confirmed: true } })).toMatchObject({ kind: 'accepted' });
    expect(await submit(tip, 'client-c')).toMatchObject({ kind: 'accepted' });
    // Field errors come first: the hold is only for a tip that could be sent.
    expect(await submit({ ...tip, area: 'nowhere' }, 'client-c', { personalData: { confirmed: false } })).toMatchObject(
      { kind: 'invalid' },
    );
  });
});

describe('an idempotency key is bound to its content', () => {
  it('the same content again: the same reference, nothing new stored; other content: key-reused', async () => {
    const key = 'bound-key-0123456789abcdef';
    const first = await submit({ ...tipFixture('full-swedish').fields, ...served(key) }, 'client-d');
    expect(first).toMatchObject({ kind: 'accepted', stored: true });
    clock.advance(60_000);
    // A fresh token (the form came back after an error) and the same text: the same tip.
    const again = await submit({ ...tipFixture('full-swedish').fields, ...served(key) }, 'client-d');
    expect(again).toEqual({ kind: 'accepted', reference: first.kind === 'accepted' && first.reference, stored: false });
    const other = await submit(
      { ...tipFixture('full-swedish').fields, description: 'Något helt annat hände vid torget.', ...served(key) },
      'client-d',
    );
    expect(other).toEqual({ kind: 'key-reused' });
    expect(await stored()).toBe(1);
  });

  it('two different tips sent at once with one key: one is stored, the other refused, never dropped as a repeat', async () => {
    const key = 'racing-key-0123456789abcdef';
    const results = await Promise.all([
      submit({ ...tipFixture('full-swedish').fields, ...served(key) }, 'client-e'),
      submit({ ...tipFixture('minimal').fields, ...served(key) }, 'client-f'),
    ]);
    expect(results.map((result) => result.kind).sort()).toEqual(['accepted', 'key-reused']);
    expect(await stored()).toBe(1);
  });
});

describe('a honeypot takes a person’s path and is only not stored', () => {
  it('valid: a reference, counted, nothing stored; the same again: the same reference; other content: refused', async () => {
    const key = 'honeypot-key-0123456789abc';
    const trapped = { ...tipFixture('minimal').fields, website: 'https://spam.example', ...served(key) };
    const first = await submit(trapped, 'bot');
    expect(first).toMatchObject({ kind: 'accepted', stored: false });
    expect(await submit(trapped, 'bot')).toEqual({ ...first, stored: false });
    expect(await submit({ ...trapped, description: 'Något annat som en bot skriver.' }, 'bot')).toEqual({
      kind: 'key-reused',
    });
    const details = await store.healthDetails(clock());
    expect(details.honeypotCount).toBe(1);
    expect(details.queueDepth.email).toBe(0);
  });

  it('invalid: the same errors as without the trap; at the limit: refused like anyone', async () => {
    const invalid = { ...minimal(), description: 'kort' };
    expect(await submit({ ...invalid, website: 'x' }, 'bot-2')).toEqual(await submit(invalid, 'bot-2'));
    expect(await submit({ website: 'x' }, 'bot-2')).toEqual(await submit({}, 'bot-2'));
    for (let i = 0; i < 3; i += 1) await submit({ ...minimal(), website: 'x' }, 'bot-2');
    expect(await submit({ ...minimal(), website: 'x' }, 'bot-2')).toMatchObject({ kind: 'rate-limited' });
  });
});
