import { describe, expect, it } from 'vitest';
import { buildDigestEmail, digestMessageId } from '../../src/delivery/mail/digest-email.ts';
import { clientIdentifier, createClientIdentifier, splitClientId } from '../../src/limits/client-identifier.ts';
import { rateLimitNetwork } from '../../src/limits/ip-address.ts';
import { createSurgeMonitor } from '../../src/limits/surge.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logger.ts';
import type { AcceptedTip } from '../../src/store/accepted-tip.ts';
import { flagsOf, tipSchema } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';

const SECRET = 'surge-unit-secret-0123456789abcdef0123456789';
const T0 = Date.UTC(2026, 10, 26, 12, 0);

describe('IPv6 networks for the per-network tip limit', () => {
  it('names the network at the configured prefix, in one spelling, and nothing for IPv4', () => {
    expect(rateLimitNetwork('2001:db8:1:2:3:4:5:6', 48)).toBe('2001:0db8:0001:0000::/48');
    expect(rateLimitNetwork('[2001:DB8:1:ffff::1]:443', 48)).toBe('2001:0db8:0001:0000::/48');
    expect(rateLimitNetwork('2001:db8:1:ffff::1', 56)).toBe('2001:0db8:0001:ff00::/56');
    expect(rateLimitNetwork('2001:db8:abcd::1', 36)).toBe('2001:0db8:a000:0000::/36');
    expect(rateLimitNetwork('203.0.113.7', 48)).toBeUndefined();
    expect(rateLimitNetwork('::ffff:203.0.113.7', 48)).toBeUndefined();
    expect(rateLimitNetwork('not an address', 48)).toBeUndefined();
  });

  it('gives IPv6 clients a client part (/64) and a network part (/48); the fast path agrees with the reference', () => {
    const identify = createClientIdentifier(SECRET, 48);
    for (const address of ['2001:db8:1:2::1', '2001:db8:1:3::1', '198.51.100.4']) {
      expect(identify(address, T0)).toBe(clientIdentifier(address, SECRET, T0, 48));
    }
    const a = splitClientId(identify('2001:db8:1:2::1', T0));
    const b = splitClientId(identify('2001:db8:1:3::99', T0));
    expect(a.client).toMatch(/^[0-9a-f]{64}$/);
    expect(a.client).not.toBe(b.client);
    expect(a.network).toMatch(/^[0-9a-f]{64}$/);
    expect(a.network).toBe(b.network);
    expect(splitClientId(identify('198.51.100.4', T0))).toEqual({
      client: clientIdentifier('198.51.100.4', SECRET, T0),
      network: undefined,
    });
    // The network hash changes with the day like the client's, and never contains the address.
    expect(splitClientId(identify('2001:db8:1:2::1', T0 + 86_400_000)).network).not.toBe(a.network);
  });
});

describe('the surge monitor', () => {
  it('warns once when a surge begins, says when it is over, and reports it to health', () => {
    const lines: string[] = [];
    const clock = manualClock(T0 + 12_345);
    const monitor = createSurgeMonitor({
      threshold: 300,
      windowMs: 3_600_000,
      window: '1 h',
      clock,
      logger: createLogger('info', { write: (line: string) => lines.push(line) }),
    });
    monitor.note(false);
    expect(monitor.state()).toEqual({ active: false, since: null, threshold: 300, window: '1 h' });
    for (let n = 0; n < 50; n += 1) {
      monitor.note(true);
      clock.advance(1000);
    }
    expect(lines.filter((line) => line.includes('"level":"warn"'))).toHaveLength(1);
    expect(monitor.state()).toEqual({ active: true, since: new Date(T0).toISOString(), threshold: 300, window: '1 h' });
    clock.advance(3_600_000);
    expect(monitor.state().active).toBe(false);
    expect(lines.filter((line) => line.includes('surge: over'))).toHaveLength(1);
    monitor.note(true);
    expect(lines.filter((line) => line.includes('"level":"warn"'))).toHaveLength(2);
  });
});

describe('the digest email', () => {
  const canary = 'Digestkanariefågel i beskrivningen';
  const tips: AcceptedTip[] = ['happening-now', 'personal-data', 'contact-wanted'].map((name, n) => {
    const tip = tipSchema('2099-12-31').parse({ ...tipFixture(name).fields, description: `${canary} ${n}` });
    return { reference: `K7MX-4RD${n + 3}`, acceptedAt: T0 + n * 60_000, language: 'sv', tip, flags: flagsOf(tip) };
  });
  const options = {
    from: 'T <no-reply@trygghet.example>',
    to: ['trygghet@huge.se'],
    areaRecipients: { skogas: ['x@huge.se'] },
    siteHost: 'trygghet.example',
  };

  it('counts the held tips, lists each reference with its subject line, points to the intake queue, and holds no tip text', () => {
    const message = buildDigestEmail({ digestId: 7, createdAt: T0 + 3_600_000, tips, intervalMinutes: 30 }, options);
    const text = String(message.text);
    expect(message.subject).toBe('[Sammandrag] 3 tips under hög belastning');
    expect(message.messageId).toBe('<digest-7-202611261300@trygghet.example>');
    expect(digestMessageId({ digestId: 7, createdAt: T0 + 3_600_000 }, 'trygghet.example')).toBe(message.messageId);
    expect(message.to).toEqual(['trygghet@huge.se']);
    expect(text).toContain('Tips i sammandraget (3), äldst först:');
    expect(text).toContain('- 2026-11-26 13:00  [Pågår nu] Sjödalen-Fullersta: Ordningsstörning – tips K7MX-4RD3');
    expect(text).toContain('– tips K7MX-4RD4');
    expect(text).toContain('– tips K7MX-4RD5');
    expect(text).toContain('intagskön');
    expect(text).toContain('högst ett var 30:e minut');
    for (const tip of tips) {
      for (const value of [tip.tip.description, tip.tip.place, tip.tip.contactEmail, tip.tip.contactPhone]) {
        if (value) expect(text).not.toContain(value);
      }
    }
    expect(text).not.toContain(canary);
  });
});
