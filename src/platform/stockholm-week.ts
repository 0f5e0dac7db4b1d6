import { TZDate, tz } from '@date-fns/tz';
import {
  addDays,
  addWeeks,
  format,
  getISOWeek,
  getISOWeekYear,
  getISOWeeksInYear,
  getQuarter,
  startOfISOWeekYear,
} from 'date-fns';

/**
 * The lägesbild's calendar: ISO 8601 weeks (Monday to Sunday; week 1 holds
 * the year's first Thursday) in Swedish local time, so a week starts at
 * 00:00 Monday in Stockholm whether that is UTC+1 or UTC+2. Every week
 * computation goes through date-fns and @date-fns/tz; none is done by hand.
 * Week ids look like `2026-W48` and sort in calendar order as text.
 */

export const WEEK_TIME_ZONE = 'Europe/Stockholm';

const inZone = { in: tz(WEEK_TIME_ZONE) };

/** `YYYY-Www`, e.g. `2026-W48`. */
export type WeekId = `${number}-W${string}`;

/** A week as the instants it covers: `start` inclusive, `end` exclusive (ms since the epoch). */
export interface WeekSpan {
  week: WeekId;
  start: number;
  end: number;
}

const WEEK_ID = /^(\d{4})-W(\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function idOf(year: number, week: number): WeekId {
  return `${year}-W${String(week).padStart(2, '0')}` as WeekId;
}

/** The ISO week an instant falls in, in Stockholm time. */
export function weekOf(ms: number): WeekId {
  return format(new Date(ms), "RRRR-'W'II", inZone) as WeekId;
}

/** The parsed week, or undefined when the text is not a week that exists (e.g. 2027-W53). */
export function parseWeekId(text: string): WeekId | undefined {
  const match = WEEK_ID.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 2000 || year > 2999 || week < 1) return undefined;
  if (week > getISOWeeksInYear(new TZDate(year, 6, 1, WEEK_TIME_ZONE), inZone)) return undefined;
  return idOf(year, week);
}

function startOf(week: WeekId): TZDate {
  const match = WEEK_ID.exec(week);
  if (!match) throw new Error(`not a week id: ${week}`);
  // 4 January is always in ISO week 1 of its year.
  const firstWeek = startOfISOWeekYear(new TZDate(Number(match[1]), 0, 4, 12, WEEK_TIME_ZONE), inZone);
  return addWeeks(firstWeek, Number(match[2]) - 1, inZone);
}

/** The instants a week covers (167, 168 or 169 hours, as summer time begins or ends). */
export function weekSpan(week: WeekId): WeekSpan {
  const start = startOf(week);
  return { week, start: start.getTime(), end: addWeeks(start, 1, inZone).getTime() };
}

/** The week `delta` weeks after (or, negative, before) a week. */
export function shiftWeek(week: WeekId, delta: number): WeekId {
  return weekOf(addWeeks(startOf(week), delta, inZone).getTime());
}

/** `count` consecutive weeks ending with `last`, oldest first. */
export function weeksEndingWith(last: WeekId, count: number): WeekId[] {
  return Array.from({ length: count }, (_, n) => shiftWeek(last, n - count + 1));
}

/** Every week from `first` to `last`, both included, oldest first (empty when `last` is earlier). */
export function weeksFromTo(first: WeekId, last: WeekId): WeekId[] {
  const weeks: WeekId[] = [];
  for (let week = first; week <= last; week = shiftWeek(week, 1)) weeks.push(week);
  return weeks;
}

/** The same week number a year earlier, or undefined when that year had no such week (W53). */
export function sameWeekYearEarlier(week: WeekId): WeekId | undefined {
  const match = WEEK_ID.exec(week);
  if (!match) return undefined;
  return parseWeekId(`${Number(match[1]) - 1}-W${match[2]}`);
}

/** The ISO week a calendar date (YYYY-MM-DD, a day in Sweden) belongs to; undefined for a non-date. */
export function weekOfLocalDate(date: string): WeekId | undefined {
  const match = LOCAL_DATE.exec(date);
  if (!match) return undefined;
  const day = new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12, WEEK_TIME_ZONE);
  if (format(day, 'yyyy-MM-dd', inZone) !== date) return undefined;
  return idOf(getISOWeekYear(day, inZone), getISOWeek(day, inZone));
}

/** The calendar date (YYYY-MM-DD) of an instant in Sweden. */
export function localDateOf(ms: number): string {
  return format(new Date(ms), 'yyyy-MM-dd', inZone);
}

/** A quarter (1–4) of a year. */
export type Quarter = 1 | 2 | 3 | 4;

/**
 * The quarter a week belongs to: the quarter of its Thursday, the same rule
 * that gives a week its ISO year, so every week is in exactly one quarter of
 * its own ISO year (a week never splits: nothing finer than a week is kept).
 */
export function quarterOfWeek(week: WeekId): Quarter {
  return getQuarter(addDays(startOf(week), 3, inZone), inZone) as Quarter;
}

/** Every week of an ISO year, oldest first. */
export function weeksOfYear(year: number): WeekId[] {
  const count = getISOWeeksInYear(new TZDate(year, 6, 1, WEEK_TIME_ZONE), inZone);
  return Array.from({ length: count }, (_, n) => idOf(year, n + 1));
}

/** The weeks of a quarter of an ISO year (13 or 14), oldest first. */
export function weeksOfQuarter(year: number, quarter: Quarter): WeekId[] {
  return weeksOfYear(year).filter((week) => quarterOfWeek(week) === quarter);
}
