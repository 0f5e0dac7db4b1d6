// One module per function: date-fns' index loads every one of its hundreds of modules, which cost
// the server's start-up dearly (measured: ~60× a bare Node start on this machine).
import { TZDate } from '@date-fns/tz/date';
import { addWeeks } from 'date-fns/addWeeks';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { getISOWeeksInYear } from 'date-fns/getISOWeeksInYear';
import { setISOWeek } from 'date-fns/setISOWeek';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';

/** Weeks are Swedish: ISO 8601 weeks (Monday first) in Stockholm time, summer time included. */
export const STAFF_TIME_ZONE = 'Europe/Stockholm';

const WEEK = /^(\d{4})-W(\d{2})$/;

/** Weeks already worked out: time-zone arithmetic costs milliseconds, and the weeks asked for are few. */
const ranges = new Map<string, { from: number; to: number } | undefined>();
const MAX_REMEMBERED = 2000;

/** "2026-W48" → the week's start and end (ms, [start, end)), or undefined for anything else (week 53 only where it exists). */
export function isoWeekRange(week: string): { from: number; to: number } | undefined {
  if (ranges.has(week)) return ranges.get(week);
  const range = computeWeekRange(week);
  if (ranges.size >= MAX_REMEMBERED) ranges.clear();
  ranges.set(week, range);
  return range;
}

function computeWeekRange(week: string): { from: number; to: number } | undefined {
  const match = WEEK.exec(week);
  if (!match) return undefined;
  const year = Number(match[1]);
  const number = Number(match[2]);
  // 4 January is always in week 1 of its ISO year.
  const anchor = new TZDate(year, 0, 4, STAFF_TIME_ZONE);
  if (year < 2000 || number < 1 || number > getISOWeeksInYear(anchor)) return undefined;
  const start = startOfISOWeek(setISOWeek(anchor, number));
  return { from: start.getTime(), to: addWeeks(start, 1).getTime() };
}

/** The ISO week a moment falls in, in Stockholm: "2026-W49". */
export function isoWeekOf(ms: number): string {
  const date = new TZDate(ms, STAFF_TIME_ZONE);
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
}
