import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientIdentifier, createClientIdentifier } from '../../src/limits/client-identifier.ts';
import { ipv6Groups, normaliseAddress, rateLimitSubject } from '../../src/limits/ip-address.ts';
import { nextUtcMidnight, utcDate } from '../../src/limits/utc-day.ts';

const SECRET = 'test-secret-test-secret-test-secret-42';
const NOON = Date.UTC(2026, 10, 20, 12, 0, 0);

describe('clientIdentifier', () => {
  it('is 64 hex characters and stable within a UTC day', () => {
    const id = clientIdentifier('198.51.100.7', SECRET, NOON);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(clientIdentifier('198.51.100.7', SECRET, Date.UTC(2026, 10, 20, 0, 0, 0))).toBe(id);
    expect(clientIdentifier('198.51.100.7', SECRET, Date.UTC(2026, 10, 20, 23, 59, 59, 999))).toBe(id);
  });

  it('changes at UTC midnight', () => {
    const lastMs = clientIdentifier('198.51.100.7', SECRET, Date.UTC(2026, 10, 20, 23, 59, 59, 999));
    const nextDay = clientIdentifier('198.51.100.7', SECRET, Date.UTC(2026, 10, 21, 0, 0, 0));
    expect(nextDay).not.toBe(lastMs);
  });

  it('differs between addresses and between secrets', () => {
    const id = clientIdentifier('198.51.100.7', SECRET, NOON);
    expect(clientIdentifier('198.51.100.8', SECRET, NOON)).not.toBe(id);
    expect(clientIdentifier('198.51.100.7', `${SECRET}x`, NOON)).not.toBe(id);
  });

  it('gives every address in one IPv6 /64 the same identifier, however it is written', () => {
    const id = clientIdentifier('2001:db8:1:2::1', SECRET, NOON);
    for (const address of [
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:0DB8:0001:0002:0000:0000:0000:0042',
      '2001:db8:1:2:aaaa::',
      '[2001:db8:1:2::9]',
      '2001:db8:1:2::1%eth0',
    ]) {
      expect(clientIdentifier(address, SECRET, NOON), address).toBe(id);
    }
  });

  it('gives a different /64 a different identifier', () => {
    const id = clientIdentifier('2001:db8:1:2::1', SECRET, NOON);
    expect(clientIdentifier('2001:db8:1:3::1', SECRET, NOON)).not.toBe(id);
    expect(clientIdentifier('2001:db8:2:2::1', SECRET, NOON)).not.toBe(id);
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(clientIdentifier('::ffff:198.51.100.7', SECRET, NOON)).toBe(clientIdentifier('198.51.100.7', SECRET, NOON));
  });

  it('never contains the address (THREATS #5)', () => {
    for (const address of ['127.0.0.77', '198.51.100.7', '2001:db8::77']) {
      const id = clientIdentifier(address, SECRET, NOON);
      expect(id).not.toContain(address);
      expect(id).not.toContain(address.replaceAll('.', ''));
      expect(id).not.toContain(Buffer.from(address).toString('hex'));
    }
  });
});

describe('createClientIdentifier', () => {
  it('gives exactly the reference HMAC-SHA256 identifiers, across days and secrets', () => {
    const address = fc.oneof(
      fc.ipV4(),
      fc.ipV6(),
      fc.ipV4().map((v4) => `::ffff:${v4}`),
    );
    const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) });
    const secret = fc.string({ minLength: 32, maxLength: 80 });
    fc.assert(
      fc.property(secret, fc.array(fc.tuple(address, instant), { minLength: 1, maxLength: 8 }), (key, requests) => {
        const identify = createClientIdentifier(key);
        for (const [ip, now] of requests) expect(identify(ip, now)).toBe(clientIdentifier(ip, key, now));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same identifiers when it remembers them per connection (addresses and days change under it)', () => {
    const address = fc.constantFrom('198.51.100.7', '203.0.113.9', '2001:db8::1', '2001:db8::2');
    const instant = fc.constantFrom(Date.UTC(2026, 10, 20, 23, 59), Date.UTC(2026, 10, 21, 0, 1));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), address, instant), { maxLength: 30 }),
        (requests) => {
          const identify = createClientIdentifier(SECRET);
          const connections = [{}, {}, {}];
          for (const [connection, ip, now] of requests) {
            expect(identify(ip, now, connections[connection])).toBe(clientIdentifier(ip, SECRET, now));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('switches keys at UTC midnight', () => {
    const identify = createClientIdentifier(SECRET);
    const before = identify('198.51.100.7', Date.UTC(2026, 10, 20, 23, 59, 59, 999));
    const after = identify('198.51.100.7', Date.UTC(2026, 10, 21));
    expect(after).not.toBe(before);
    expect(identify('198.51.100.7', Date.UTC(2026, 10, 20, 12))).toBe(before);
  });
});

describe('rateLimitSubject', () => {
  it('keeps IPv4 and writes IPv6 as its full /64 prefix', () => {
    expect(rateLimitSubject('198.51.100.7')).toBe('198.51.100.7');
    expect(rateLimitSubject('2001:db8::1')).toBe('2001:0db8:0000:0000::/64');
    expect(rateLimitSubject('::1')).toBe('0000:0000:0000:0000::/64');
    expect(rateLimitSubject('64:ff9b::192.0.2.33')).toBe('0064:ff9b:0000:0000::/64');
  });

  it('passes non-addresses through unchanged', () => {
    expect(rateLimitSubject('unknown')).toBe('unknown');
    expect(normaliseAddress('not an address')).toBeUndefined();
  });

  it('expands every spelling of an IPv6 address to the same groups (checked against WHATWG URL)', () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
        const full = groups.map((value) => value.toString(16)).join(':');
        // The URL serialiser writes the canonical compressed form (with "::").
        const compressed = new URL(`http://[${full}]/`).hostname.slice(1, -1);
        expect(ipv6Groups(compressed)).toEqual(groups);
        expect(rateLimitSubject(compressed)).toBe(rateLimitSubject(full.toUpperCase()));
      }),
      { numRuns: 500 },
    );
  });
});

describe('UTC day', () => {
  it('names the UTC date and the next UTC midnight, whatever the local time zone', () => {
    expect(utcDate(Date.UTC(2026, 11, 31, 23, 59, 59, 999))).toBe('2026-12-31');
    expect(utcDate(Date.UTC(2027, 0, 1))).toBe('2027-01-01');
    expect(nextUtcMidnight(Date.UTC(2026, 11, 31, 23, 59, 59, 999))).toBe(Date.UTC(2027, 0, 1));
    expect(nextUtcMidnight(Date.UTC(2027, 0, 1))).toBe(Date.UTC(2027, 0, 2));
  });
});
