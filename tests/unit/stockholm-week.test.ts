import { describe, expect, it } from 'vitest';
import {
  localDateOf,
  parseWeekId,
  quarterOfWeek,
  sameWeekYearEarlier,
  shiftWeek,
  weekOf,
  weekOfLocalDate,
  weekSpan,
  weeksEndingWith,
  weeksFromTo,
  weeksOfQuarter,
  weeksOfYear,
} from '../../src/platform/stockholm-week.ts';

/** The lägesbild's calendar: ISO weeks in Stockholm time. Expectations written out by hand from a calendar. */

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('ISO weeks in Stockholm time', () => {
  it('puts 23:59 Sunday and 00:00 Monday (Swedish time) in different weeks, in winter and in summer', () => {
    expect(weekOf(at('2026-01-11T22:59:00Z'))).toBe('2026-W02'); // Sunday 23:59 CET
    expect(weekOf(at('2026-01-11T23:00:00Z'))).toBe('2026-W03'); // Monday 00:00 CET
    expect(weekOf(at('2026-07-05T21:59:00Z'))).toBe('2026-W27'); // Sunday 23:59 CEST
    expect(weekOf(at('2026-07-05T22:00:00Z'))).toBe('2026-W28'); // Monday 00:00 CEST
    // In UTC the Monday has begun an hour (winter) or two (summer) later: the week is Stockholm's, not UTC's.
    expect(weekOf(at('2026-07-05T23:30:00Z'))).toBe('2026-W28');
  });

  it('gives the weeks summer time begins and ends 167 and 169 hours', () => {
    const spring = weekSpan('2026-W13'); // 23–29 March 2026; clocks forward on the 29th
    expect(spring).toEqual({ week: '2026-W13', start: at('2026-03-22T23:00:00Z'), end: at('2026-03-29T22:00:00Z') });
    expect((spring.end - spring.start) / HOUR).toBe(167);
    const autumn = weekSpan('2026-W43'); // 19–25 October 2026; clocks back on the 25th
    expect((autumn.end - autumn.start) / HOUR).toBe(169);
    expect((weekSpan('2026-W44').end - weekSpan('2026-W44').start) / HOUR).toBe(168);
    // The repeated hour of 25 October belongs to the same Sunday.
    expect(weekOf(at('2026-10-25T00:30:00Z'))).toBe('2026-W43');
    expect(weekOf(at('2026-10-25T01:30:00Z'))).toBe('2026-W43');
  });

  it('knows week 53: 2026 has one, 2027 has none', () => {
    expect(parseWeekId('2026-W53')).toBe('2026-W53');
    expect(parseWeekId('2027-W53')).toBeUndefined();
    expect(parseWeekId('2020-W53')).toBe('2020-W53');
    expect(weekSpan('2026-W53')).toMatchObject({ start: at('2026-12-27T23:00:00Z'), end: at('2027-01-03T23:00:00Z') });
    expect(weekOf(at('2027-01-03T22:59:00Z'))).toBe('2026-W53');
    expect(weekOf(at('2027-01-03T23:00:00Z'))).toBe('2027-W01');
    expect(weekOfLocalDate('2027-01-01')).toBe('2026-W53');
    expect(weekOfLocalDate('2025-12-29')).toBe('2026-W01'); // a Monday in December, already in 2026's week 1
    expect(shiftWeek('2026-W52', 1)).toBe('2026-W53');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(weeksOfYear(2026)).toHaveLength(53);
    expect(weeksOfYear(2027)).toHaveLength(52);
  });

  it('refuses what is not a week', () => {
    for (const text of ['2026-W00', '2026-W54', '2026W48', '2026-w48', '26-W48', '2026-W4', '', '2026-W48 ']) {
      expect(parseWeekId(text), text).toBeUndefined();
    }
    expect(weekOfLocalDate('2026-02-30')).toBeUndefined();
    expect(weekOfLocalDate('2026-2-3')).toBeUndefined();
  });

  it('counts weeks back and forth, finds the same week a year earlier, and dates instants in Sweden', () => {
    expect(weeksEndingWith('2026-W02', 4)).toEqual(['2025-W51', '2025-W52', '2026-W01', '2026-W02']);
    expect(weeksFromTo('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(weeksFromTo('2027-W02', '2026-W52')).toEqual([]);
    expect(sameWeekYearEarlier('2026-W48')).toBe('2025-W48');
    expect(sameWeekYearEarlier('2026-W53')).toBeUndefined(); // 2025 has 52 weeks
    expect(localDateOf(at('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('puts each week in the quarter of its Thursday, so quarters split the ISO year without overlap', () => {
    expect(quarterOfWeek('2026-W13')).toBe(1); // Thursday 26 March
    expect(quarterOfWeek('2026-W14')).toBe(2); // Thursday 2 April
    expect(quarterOfWeek('2026-W53')).toBe(4); // Thursday 31 December
    expect(quarterOfWeek('2026-W01')).toBe(1); // Thursday 1 January
    const quarters = [1, 2, 3, 4].map((quarter) => weeksOfQuarter(2026, quarter as 1 | 2 | 3 | 4));
    expect(quarters.flat()).toEqual(weeksOfYear(2026));
    expect(quarters.map((weeks) => weeks.length)).toEqual([13, 13, 13, 14]);
  });
});
