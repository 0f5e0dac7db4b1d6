import { CATEGORY_FOCUS_AREA, type CategoryId } from '../../src/schemas/tip-options.ts';

/**
 * An independent week calendar and count for the lägesbild tests: Intl for
 * Stockholm's local date, then the classic ISO 8601 week rule (the week of
 * the Thursday). Deliberately shares no code with src/platform/stockholm-week.ts.
 */

const DAY = 86_400_000;
const LOCAL = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD in Stockholm. */
export function stockholmDate(ms: number): string {
  return LOCAL.format(new Date(ms));
}

/** The ISO week (YYYY-Www) of a calendar date. */
export function isoWeekOfDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = Date.UTC(y, m - 1, d);
  const mondayBased = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = day + (3 - mondayBased) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function isoWeekOfInstant(ms: number): string {
  return isoWeekOfDate(stockholmDate(ms));
}

/** The quarter of a week: that of its Thursday's month. */
export function quarterOfIsoWeek(week: string): string {
  const [year, number] = week.split('-W').map(Number) as [number, number];
  // Thursday of week 1 is the year's first Thursday; week n's is 7(n-1) days later.
  const jan4 = Date.UTC(year, 0, 4);
  const firstThursday = jan4 + (3 - ((new Date(jan4).getUTCDay() + 6) % 7)) * DAY;
  const thursday = new Date(firstThursday + (number - 1) * 7 * DAY);
  return `${year}-Q${Math.floor(thursday.getUTCMonth() / 3) + 1}`;
}

export function focusOf(category: CategoryId): string {
  return CATEGORY_FOCUS_AREA[category] ?? 'none';
}

/** A tally keyed by strings, added up from raw rows. */
export class Tally {
  readonly counts = new Map<string, number>();
  add(key: string, n = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}
