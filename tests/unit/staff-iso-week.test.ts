import { describe, expect, it } from 'vitest';
import { isoWeekOf, isoWeekRange } from '../../src/staff/iso-week.ts';

/** The inbox's week filter: ISO weeks in Stockholm time (date-fns + @date-fns/tz). */
describe('ISO weeks in Stockholm', () => {
  it('starts a week at Monday 00:00 Stockholm time, in winter and in summer', () => {
    expect(isoWeekRange('2026-W49')).toEqual({
      from: Date.parse('2026-11-30T00:00:00+01:00'),
      to: Date.parse('2026-12-07T00:00:00+01:00'),
    });
    expect(isoWeekRange('2026-W27')?.from).toBe(Date.parse('2026-06-29T00:00:00+02:00'));
  });

  it('spans the change to and from summer time (a week of 167 and of 169 hours)', () => {
    const spring = isoWeekRange('2026-W13'); // 29 March 2026, clocks forward
    const autumn = isoWeekRange('2026-W43'); // Sunday 25 October 2026, clocks back
    expect(spring && (spring.to - spring.from) / 3_600_000).toBe(167);
    expect(autumn && (autumn.to - autumn.from) / 3_600_000).toBe(169);
  });

  it('knows week 53 only in years that have one, and refuses anything else', () => {
    expect(isoWeekRange('2026-W53')?.from).toBe(Date.parse('2026-12-28T00:00:00+01:00'));
    expect(isoWeekRange('2025-W53')).toBeUndefined();
    for (const bad of ['2026-W00', '2026-W54', '2026-49', 'W49', '', '1999-W10'])
      expect(isoWeekRange(bad)).toBeUndefined();
  });

  it('puts Sunday 23:59 and Monday 00:00 Stockholm time in their own weeks', () => {
    expect(isoWeekOf(Date.parse('2026-12-06T23:59:00+01:00'))).toBe('2026-W49');
    expect(isoWeekOf(Date.parse('2026-12-07T00:00:00+01:00'))).toBe('2026-W50');
    expect(isoWeekOf(Date.parse('2027-01-01T12:00:00+01:00'))).toBe('2026-W53');
  });
});
