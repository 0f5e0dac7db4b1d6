import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from '../../src/platform/random-pool.ts';

describe('pooledRandomBytes', () => {
  it('hands out each byte once, across refills of the pool', () => {
    // 16-byte draws over three 4 KB pools: a repeated draw would mean bytes were handed out twice.
    const draws = new Set<string>();
    for (let i = 0; i < 800; i += 1) draws.add(Buffer.from(pooledRandomBytes(16)).toString('hex'));
    expect(draws.size).toBe(800);
  });

  it('gives bytes that look uniform (every value seen, none far off its share)', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 256; i += 1) for (const byte of pooledRandomBytes(256)) counts[byte] = (counts[byte] ?? 0) + 1;
    // 65,536 bytes: 256 expected per value; a stuck or biased source falls far outside ±50%.
    expect(Math.min(...counts)).toBeGreaterThan(128);
    expect(Math.max(...counts)).toBeLessThan(384);
  });

  it('refuses draws larger than the pool', () => {
    expect(() => pooledRandomBytes(5000)).toThrow(RangeError);
  });
});
