import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { backoffCeilingMs, decideRetry, policyFromConfig, type StorePolicy } from '../../src/store/store-policy.ts';
import { encodePayload, decodeTip, hashIdempotencyKey } from '../../src/store/stored-tip.ts';

const HOUR = 3_600_000;
const policy = (random: () => number): StorePolicy => ({
  deliveryWindowMs: 48 * HOUR,
  backoffBaseMs: 30_000,
  backoffCapMs: HOUR,
  intakeLeaseMs: 300_000,
  intakeMaxLeases: 5,
  random,
});

describe('retry policy', () => {
  it('comes from the configuration: 48 h window, 5-minute leases, 5 expiries by default', () => {
    const fromDefaults = policyFromConfig(loadConfig({}));
    expect(fromDefaults).toMatchObject({ deliveryWindowMs: 48 * HOUR, intakeLeaseMs: 300_000, intakeMaxLeases: 5 });
    expect(policyFromConfig(loadConfig({ DELIVERY_MAX_HOURS: '6' })).deliveryWindowMs).toBe(6 * HOUR);
  });

  it('doubles the ceiling from the base up to the cap', () => {
    const ceilings = Array.from({ length: 10 }, (_, n) => backoffCeilingMs(n + 1, policy(Math.random)));
    expect(ceilings).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, HOUR, HOUR, HOUR]);
    expect(backoffCeilingMs(10_000, policy(Math.random))).toBe(HOUR);
  });

  it('draws every delay from [0, ceiling) and never schedules past the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 0, max: 48 * HOUR - 1 }),
        (attempts, random, elapsed) => {
          const windowStart = 1_000_000;
          const now = windowStart + elapsed;
          const decision = decideRetry(
            { permanent: false, attempts, windowStart, now },
            policy(() => random),
          );
          if (decision.state !== 'retry') return false;
          const delay = decision.nextAttemptAt - now;
          return (
            delay >= 0 &&
            delay < Math.max(1, backoffCeilingMs(attempts, policy(Math.random))) &&
            decision.nextAttemptAt <= windowStart + 48 * HOUR
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives up on permanent failures at once and on temporary ones when the window is over', () => {
    const p = policy(() => 0.5);
    expect(decideRetry({ permanent: true, attempts: 1, windowStart: 0, now: 0 }, p)).toEqual({ state: 'dead' });
    expect(decideRetry({ permanent: false, attempts: 9, windowStart: 0, now: 48 * HOUR }, p)).toEqual({
      state: 'dead',
    });
    expect(decideRetry({ permanent: false, attempts: 9, windowStart: 0, now: 48 * HOUR - 1 }, p)).toEqual({
      state: 'retry',
      nextAttemptAt: 48 * HOUR,
    });
  });
});

describe('stored tip encoding', () => {
  it('round-trips a tip and refuses an unknown payload version', () => {
    const tip = { category: 'other', area: 'varby', description: 'Något hände här i går kväll.' } as const;
    const flags = { personalData: [], happeningNow: false, contactWanted: false };
    const row = { reference: 'K7MX-4RDP', accepted_at: 60_000, language: 'sv', payload: encodePayload(tip, flags) };
    expect(decodeTip(row)).toEqual({ reference: 'K7MX-4RDP', acceptedAt: 60_000, language: 'sv', tip, flags });
    expect(() => decodeTip({ ...row, payload: '{"v":2}' })).toThrowError(/version 2/);
  });

  it('keeps idempotency keys only as hashes', () => {
    const hash = hashIdempotencyKey('form-fill-key-0123456789');
    expect(hash).not.toContain('form-fill');
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashIdempotencyKey('form-fill-key-0123456789')).toBe(hash);
  });
});
