import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressTemplate } from '../../src/web/gzip-template.ts';

const TOKEN = '@@TOKEN@@';
const KEY = '@@KEY@@';

describe('compressTemplate', () => {
  it('gives a gzip body that decompresses to exactly the text, for any values and placements', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 300 });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(text, fc.constant(TOKEN), fc.constant(KEY)), { maxLength: 12 }),
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        (parts, token, key) => {
          const template = compressTemplate(parts.join(''), [TOKEN, KEY]);
          const values = { [TOKEN]: token, [KEY]: key };
          const expected = parts.map((part) => (part === TOKEN ? token : part === KEY ? key : part)).join('');
          expect(template.text(values)).toBe(expected);
          // gunzip checks the CRC-32 and the length in the trailer as well.
          expect(gunzipSync(template.gzip(values)).toString()).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('compresses the fixed parts once: a 30 KB page with two fresh values stays small', () => {
    const page = `<html>${'<p>Tillsammans för trygghet i Huddinge. تعاون من أجل الأمان</p>'.repeat(400)}<input value="${TOKEN}"><input value="${KEY}"></html>`;
    const template = compressTemplate(page, [TOKEN, KEY]);
    const first = template.gzip({ [TOKEN]: 'v1.1764000000.abc', [KEY]: 'k'.repeat(22) });
    const second = template.gzip({ [TOKEN]: 'v1.1764000001.def', [KEY]: 'q'.repeat(22) });
    expect(first.length).toBeLessThan(Buffer.byteLength(page) / 10);
    expect(gunzipSync(second).toString()).toContain('v1.1764000001.def');
    expect(first.equals(second)).toBe(false);
  });

  it('refuses to answer without a value for a placeholder', () => {
    const template = compressTemplate(`a${TOKEN}b`, [TOKEN]);
    expect(() => template.gzip({})).toThrow(/no value/);
  });
});
