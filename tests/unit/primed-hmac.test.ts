import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { primedHmacSha256 } from '../../src/platform/primed-hmac.ts';
import { newReference, parseReference, REFERENCE_ALPHABET } from '../../src/store/reference.ts';

describe('primedHmacSha256', () => {
  it('equals createHmac for keys shorter and longer than the block, and any data', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.string(), (key, data) => {
        const mac = primedHmacSha256(key);
        const expected = createHmac('sha256', key).update(data).digest('hex');
        expect(mac(data).toString('hex')).toBe(expected);
        // Reusable: the primed states are copied, never consumed.
        expect(mac(data).toString('hex')).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('newReference', () => {
  it('draws two groups of four from the alphabet, evenly', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i += 1) {
      const reference = newReference();
      expect(parseReference(reference)).toBe(reference);
      for (const symbol of reference.replace('-', '')) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    expect([...counts.keys()].sort().join('')).toBe([...REFERENCE_ALPHABET].sort().join(''));
    // 48,000 symbols over 24: 2,000 expected each; a biased draw would skew some well past ±12%.
    for (const count of counts.values()) expect(Math.abs(count - 2000)).toBeLessThan(240);
  });
});
