import { describe, expect, it } from 'vitest';
import { cappedTotal, INBOX_COUNT_CAP, inboxCountQuery, SQLITE_INBOX } from '../../src/store/staff/inbox-query.ts';

/** The inbox counts matching tips up to 10,000, so the count costs the same however large the store grows. */
describe('the inbox count', () => {
  it('stops at the cap and says when more match', () => {
    expect(cappedTotal(42)).toEqual({ total: 42, totalCapped: false });
    expect(cappedTotal(INBOX_COUNT_CAP)).toEqual({ total: INBOX_COUNT_CAP, totalCapped: false });
    expect(cappedTotal(INBOX_COUNT_CAP + 1)).toEqual({ total: INBOX_COUNT_CAP, totalCapped: true });
    const query = inboxCountQuery({ area: 'skogas' }, SQLITE_INBOX);
    expect(query.text).toMatch(/LIMIT \?\) AS matching$/);
    expect(query.params).toEqual(['skogas', INBOX_COUNT_CAP + 1]);
  });
});
