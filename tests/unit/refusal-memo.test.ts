import { describe, expect, it } from 'vitest';
import { createRefusalMemo } from '../../src/limits/refusal-memo.ts';

describe('createRefusalMemo', () => {
  it('answers a remembered refusal until its reset, then forgets it', () => {
    const memo = createRefusalMemo();
    memo.remember('client-posts:abc', { reset: 61_000, limit: 30 });
    expect(memo.refusal('client-posts:abc', 1_000)).toEqual({ reset: 61_000, limit: 30 });
    expect(memo.refusal('client-posts:other', 1_000)).toBeUndefined();
    expect(memo.refusal('client-posts:abc', 61_000)).toBeUndefined();
    // Forgotten, not just hidden: an earlier clock does not bring it back.
    expect(memo.refusal('client-posts:abc', 1_000)).toBeUndefined();
  });

  it('holds at most its capacity, dropping the oldest refusal first', () => {
    const memo = createRefusalMemo(3);
    for (const key of ['a', 'b', 'c']) memo.remember(key, { reset: 10_000, limit: 1 });
    memo.remember('a', { reset: 20_000, limit: 1 }); // renewed: now the newest
    memo.remember('d', { reset: 10_000, limit: 1 });
    expect(['a', 'b', 'c', 'd'].filter((key) => memo.refusal(key, 0))).toEqual(['a', 'c', 'd']);
  });
});
