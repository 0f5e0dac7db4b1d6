import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCharacters, prepareText } from '../../src/schemas/text.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, validateSubmission } from '../../src/schemas/tip.ts';

/**
 * The form's character counter and the schema must never disagree: both use
 * countCharacters (code points of the NFC, trimmed, one-newline text). These
 * tests pin the boundaries with the characters most likely to split them.
 */

const TODAY = '2026-12-01';

function descriptionError(description: string) {
  const result = validateSubmission({ category: 'other', area: 'unknown', description }, TODAY);
  return result.success ? undefined : result.errors.description;
}

/** Text of exactly `n` counted characters, built from a unit that counts as one. */
const units = {
  ascii: 'a',
  'Swedish letter': 'ö',
  'Arabic letter': 'ج',
  'emoji outside the BMP (two UTF-16 units)': '😀',
  'e + combining acute (NFC composes to é)': 'e\u0301',
  'a + combining ring (NFC composes to å)': 'a\u030A',
  'Hangul jamo (NFC composes to one syllable)': '\u1100\u1161',
};

describe('counter and schema agree on the length limits', () => {
  for (const [name, unit] of Object.entries(units)) {
    it(`${name}: ${DESCRIPTION_MIN - 1}/${DESCRIPTION_MIN} and ${DESCRIPTION_MAX}/${DESCRIPTION_MAX + 1}`, () => {
      const text = (n: number) => unit.repeat(n);
      expect(countCharacters(text(DESCRIPTION_MIN - 1))).toBe(DESCRIPTION_MIN - 1);
      expect(descriptionError(text(DESCRIPTION_MIN - 1))).toBe('description.tooShort');
      expect(countCharacters(text(DESCRIPTION_MIN))).toBe(DESCRIPTION_MIN);
      expect(descriptionError(text(DESCRIPTION_MIN))).toBeUndefined();
      expect(countCharacters(text(DESCRIPTION_MAX))).toBe(DESCRIPTION_MAX);
      expect(descriptionError(text(DESCRIPTION_MAX))).toBeUndefined();
      expect(countCharacters(text(DESCRIPTION_MAX + 1))).toBe(DESCRIPTION_MAX + 1);
      expect(descriptionError(text(DESCRIPTION_MAX + 1))).toBe('description.tooLong');
    });
  }

  it('an emoji counts as one, though it is two UTF-16 units (String.length would say 8000)', () => {
    const text = '😀'.repeat(DESCRIPTION_MAX);
    expect(text.length).toBe(2 * DESCRIPTION_MAX);
    expect(countCharacters(text)).toBe(DESCRIPTION_MAX);
  });

  it('a sequence NFC cannot compose counts each code point (a ZWJ family is 5)', () => {
    const family = '👩\u200D👩\u200D👧';
    expect(countCharacters(family)).toBe(5);
    expect(descriptionError(family.repeat(2))).toBeUndefined();
    expect(descriptionError(`${family}1234`)).toBe('description.tooShort');
  });

  it('CRLF and lone CR count as one character, like LF', () => {
    const lines = (separator: string) => ['abc', 'def', 'gh'].join(separator);
    expect(countCharacters(lines('\r\n'))).toBe(10);
    expect(countCharacters(lines('\r'))).toBe(10);
    expect(countCharacters(lines('\n'))).toBe(10);
    expect(descriptionError(lines('\r\n'))).toBeUndefined();
    // 3,999 letters and a CRLF in the middle: 4,000 counted, though the browser posts 4,001 units.
    const long = `${'a'.repeat(2000)}\r\n${'a'.repeat(DESCRIPTION_MAX - 2001)}`;
    expect(countCharacters(long)).toBe(DESCRIPTION_MAX);
    expect(descriptionError(long)).toBeUndefined();
    expect(descriptionError(`${long}a`)).toBe('description.tooLong');
  });

  it('leading and trailing white space does not count, inner white space does', () => {
    expect(countCharacters('   abcdefghi   ')).toBe(9);
    expect(descriptionError('   abcdefghi   ')).toBe('description.tooShort');
    expect(descriptionError('\n\nabcd efghi\n\n')).toBeUndefined();
    expect(descriptionError(' \t\r\n ')).toBe('description.required');
  });

  it('property: for any text, the schema refuses on length exactly when the counter is out of range', () => {
    const pieces = fc.constantFrom('a', ' ', '\n', '\r\n', '\r', '\t', 'ö', 'e\u0301', '😀', 'ج', '\u200D', '\u00A0');
    const texts = fc.oneof(
      fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc
        .tuple(fc.integer({ min: DESCRIPTION_MAX - 3, max: DESCRIPTION_MAX + 3 }), pieces)
        .map(([n, piece]) => `x${piece.repeat(n)}x`),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const count = countCharacters(text);
        const error = descriptionError(text);
        const lengthError = error === 'description.required' || error?.startsWith('description.too');
        const expected =
          count === 0 ? 'description.required' : count < DESCRIPTION_MIN ? 'description.tooShort' : undefined;
        if (count > DESCRIPTION_MAX) return error === 'description.tooLong';
        if (expected) return error === expected;
        return !lengthError;
      }),
      { numRuns: 2000 },
    );
  });

  it('prepareText is idempotent, so the server counts what it stores the same way', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (text) => {
        const once = prepareText(text);
        return prepareText(once) === once && countCharacters(once) === countCharacters(text);
      }),
    );
  });
});
