import { describe, expect, it } from 'vitest';
import { chooseCoding } from '../../src/http/accept-encoding.ts';

/** RFC 9110 §12.5.3: which coding a static file or a page is sent in, for an Accept-Encoding header. */

describe('chooseCoding', () => {
  const cases: [string | undefined, ReturnType<typeof chooseCoding>][] = [
    [undefined, undefined],
    ['', undefined],
    ['br, gzip', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['BR', 'br'],
    ['GZip', 'gzip'],
    [' br ;  q=1 ', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;Q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.5', 'br'],
    ['gzip;q=0.8, br;q=0.9', 'br'],
    ['gzip;q=0, br;q=0', undefined],
    ['br;q=0.000', undefined],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['*;q=0', undefined],
    ['identity', undefined],
    ['identity;q=1, gzip;q=0.5', undefined],
    ['identity;q=0.2, gzip;q=0.5', 'gzip'],
    ['x-gzip, compress', undefined],
    ['deflate', undefined],
    // A malformed weight makes its element count as absent; the first mention of a coding counts.
    ['br;q=2, gzip', 'gzip'],
    ['br;q=abc', undefined],
    ['br;q=0.1234, gzip;q=0.1', 'gzip'],
    ['gzip;q=0, gzip', undefined],
    [',,, ;q=1, gzip', 'gzip'],
  ];
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} → ${expected ?? 'identity'}`, () => {
      expect(chooseCoding(header)).toBe(expected);
    });
  }

  it('chooses among what a file comes in: the best the client takes of those, else identity', () => {
    expect(chooseCoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(chooseCoding('br', ['gzip'])).toBeUndefined();
    expect(chooseCoding('br;q=1, identity;q=0.5, gzip;q=0.2', ['gzip'])).toBeUndefined();
    expect(chooseCoding('GZIP;q=0.3', ['gzip'])).toBe('gzip');
  });

  it('answers the same for a header it has seen before (the answers are remembered)', () => {
    for (let i = 0; i < 3; i += 1) {
      expect(chooseCoding('br;q=0, GZIP')).toBe('gzip');
      expect(chooseCoding('br;q=0, GZIP', ['br'])).toBeUndefined();
    }
  });
});
