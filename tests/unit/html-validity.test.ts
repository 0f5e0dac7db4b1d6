import { describe, expect, it } from 'vitest';
import { htmlProblems } from '../helpers/html-validity.ts';

// The validator the browser sweeps run over every page (tests/helpers/html-validity.ts) must be able to fail.

const page = (body: string) =>
  `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Test</title></head><body>${body}</body></html>`;

describe('the HTML validity check', () => {
  it('accepts a valid document', async () => {
    expect(await htmlProblems(page('<main><h1>Rubrik</h1><p><a href="/">Start</a></p></main>'))).toEqual([]);
  });

  it('finds a stray end tag, duplicate ids, a bad attribute value and content where it is not allowed', async () => {
    const problems = await htmlProblems(
      page(
        '<p id="a"><div>x</div></p><p id="a"></p><input type="nope"><ul><p>x</p></ul><a href="/"><a href="/">y</a></a>',
      ),
    );
    const rules = new Set(problems.map((problem) => problem.split(' ')[0]));
    expect([...rules].sort()).toEqual([
      'attribute-allowed-values',
      'close-order',
      'element-permitted-content',
      'no-dup-id',
    ]);
  });
});
