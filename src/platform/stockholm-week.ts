import { TZDate } from '@date-fns/tz';
// One module per function: loading all of date-fns costs every CLI and child process ~250 modules.
import { addDays } from 'date-fns/addDays';
import { addWeeks } from 'date-fns/addWeeks';
import { formatISO } from 'date-fns/formatISO';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { getISOWeeksInYear } from 'date-fns/getISOWeeksInYear';
import { getQuarter } from 'date-fns/getQuarter';
import { startOfISOWeekYear } from 'date-fns/startOfISOWeekYear';

/**
 * The lägesbild's calendar: ISO 8601 weeks (Monday to Sunday; week 1 holds
 * the year's first Thursday) in Swedish local time, so a week starts at
 * 00:00 Monday in Stockholm whether that is UTC+1 or UTC+2. Week ids look
 * like `2026-W48` and sort in calendar order as text.
 *
 * Two steps, each done by a library, none by hand: @date-fns/tz turns an
 * instant into its calendar date in Stockholm and a Stockholm midnight into
 * an instant; date-fns does the ISO week calendar on plain calendar dates
 * (held at noon, so no time zone's clock change can move them to another
 * day). Asking date-fns for the week of a TZDate directly is ~40 times
 * slower (it converts the zone at every step); spans are also remembered.
 */

export const WEEK_TIME_ZONE = 'Europe/Stockholm';

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

/** Remembered weeks and days: decades' worth; the bound only guards against misuse. */
const MAX_CACHED = 50_000;

function idOf(year: number, week: number): WeekId {
  return `${year}-W${String(week).padStart(2, '0')}` as WeekId;
}

/** A calendar date as a plain Date at noon (the process's own zone only holds it). */
function calendarDay(year: number, monthIndex: number, day: number): Date {
  return new Date(year, monthIndex, day, 12);
}

/** The calendar date an instant falls on in Stockholm. */
function stockholmDay(ms: number): Date {
  const local = new TZDate(ms, WEEK_TIME_ZONE);
  return calendarDay(local.getFullYear(), local.getMonth(), local.getDate());
}

/** The instant a calendar date begins (00:00) in Stockholm. */
function stockholmMidnight(day: Date): number {
  return new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 0, 0, WEEK_TIME_ZONE).getTime();
}

const weeksOfDays = new Map<number, WeekId>();

function weekOfDay(day: Date): WeekId {
  const key = day.getFullYear() * 10_000 + day.getMonth() * 100 + day.getDate();
  let week = weeksOfDays.get(key);
  if (week === undefined) {
    week = idOf(getISOWeekYear(day), getISOWeek(day));
    if (weeksOfDays.size >= MAX_CACHED) weeksOfDays.clear();
    weeksOfDays.set(key, week);
  }
  return week;
}

/** The Monday of a week, as a calendar date. */
function mondayOf(week: WeekId): Date {
  const match = WEEK_ID.exec(week);
  if (!match) throw new Error(`not a week id: ${week}`);
  // 4 January is always in ISO week 1 of its year.
  const firstMonday = startOfISOWeekYear(calendarDay(Number(match[1]), 0, 4));
  const monday = addWeeks(firstMonday, Number(match[2]) - 1);
  return calendarDay(monday.getFullYear(), monday.getMonth(), monday.getDate());
}

const spans = new Map<string, WeekSpan>();

/** The instants a week covers (167, 168 or 169 hours, as summer time begins or ends). */
export function weekSpan(week: WeekId): WeekSpan {
  const cached = spans.get(week);
  if (cached) return cached;
  const monday = mondayOf(week);
  const span = { week, start: stockholmMidnight(monday), end: stockholmMidnight(addWeeks(monday, 1)) };
  if (spans.size >= MAX_CACHED) spans.clear();
  spans.set(week, span);
  return span;
}

let lastSpan: WeekSpan | undefined;

/** The ISO week an instant falls in, in Stockholm time. */
export function weekOf(ms: number): WeekId {
  // Instants come in runs of the same week (a purge's tips, a week's rows): check the last one first.
  if (lastSpan && ms >= lastSpan.start && ms < lastSpan.end) return lastSpan.week;
  const week = weekOfDay(stockholmDay(ms));
  lastSpan = weekSpan(week);
  return week;
}

/** The parsed week, or undefined when the text is not a week that exists (e.g. 2027-W53). */
export function parseWeekId(text: string): WeekId | undefined {
  const match = WEEK_ID.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 2000 || year > 2999 || week < 1) return undefined;
  if (week > getISOWeeksInYear(calendarDay(year, 6, 1))) return undefined;
  return idOf(year, week);
}

/** The week `delta` weeks after (or, negative, before) a week. */
export function shiftWeek(week: WeekId, delta: number): WeekId {
  return weekOfDay(addWeeks(mondayOf(week), delta));
}

/** `count` consecutive weeks ending with `last`, oldest first. */
export function weeksEndingWith(last: WeekId, count: number): WeekId[] {
  const monday = mondayOf(last);
  return Array.from({ length: count }, (_, n) => weekOfDay(addWeeks(monday, n - count + 1)));
}

/** Every week from `first` to `last`, both included, oldest first (empty when `last` is earlier). */
export function weeksFromTo(first: WeekId, last: WeekId): WeekId[] {
  const weeks: WeekId[] = [];
  const monday = mondayOf(first);
  for (let n = 0, week = first; week <= last; n += 1, week = weekOfDay(addWeeks(monday, n))) weeks.push(week);
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
  const day = calendarDay(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (formatISO(day, { representation: 'date' }) !== date) return undefined;
  return weekOfDay(day);
}

/** The calendar date (YYYY-MM-DD) of an instant in Sweden. */
export function localDateOf(ms: number): string {
  return formatISO(stockholmDay(ms), { representation: 'date' });
}

/** A quarter (1–4) of a year. */
export type Quarter = 1 | 2 | 3 | 4;

/**
 * The quarter a week belongs to: the quarter of its Thursday, the same rule
 * that gives a week its ISO year, so every week is in exactly one quarter of
 * its own ISO year (a week never splits: nothing finer than a week is kept).
 */
export function quarterOfWeek(week: WeekId): Quarter {
  return getQuarter(addDays(mondayOf(week), 3)) as Quarter;
}

/** Every week of an ISO year, oldest first. */
export function weeksOfYear(year: number): WeekId[] {
  return Array.from({ length: getISOWeeksInYear(calendarDay(year, 6, 1)) }, (_, n) => idOf(year, n + 1));
}

/** The weeks of a quarter of an ISO year (13 or 14), oldest first. */
export function weeksOfQuarter(year: number, quarter: Quarter): WeekId[] {
  return weeksOfYear(year).filter((week) => quarterOfWeek(week) === quarter);
}
