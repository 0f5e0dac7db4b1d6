/** Whether the agreement's period is still running on a given day. */
export type AgreementStatus = 'current' | 'ended';

/** What content/facts.yaml knows of the period (exactDates is null unless Huge has confirmed them). */
export interface AgreementPeriodFacts {
  firstYear: number;
  lastYear: number;
  exactDates: { start: string; end: string } | null;
}

/** How the site states the period: the confirmed days, or else only the years. */
export type PeriodDisplay =
  { precision: 'year'; start: string; end: string } | { precision: 'day'; start: string; end: string };

/** The period as the pages show it: exact days only once they are confirmed, the years otherwise. */
export function periodDisplay(period: AgreementPeriodFacts): PeriodDisplay {
  return period.exactDates
    ? { precision: 'day', start: period.exactDates.start, end: period.exactDates.end }
    : { precision: 'year', start: String(period.firstYear), end: String(period.lastYear) };
}

/** The last day the agreement covers (YYYY-MM-DD): the confirmed end date, or the last day of its last year. */
export function lastDayOf(period: AgreementPeriodFacts): string {
  return period.exactDates?.end ?? `${period.lastYear}-12-31`;
}

/**
 * The status of a period on `today` (YYYY-MM-DD): ended from the day after
 * its last day. Nothing here ever assumes a renewal.
 */
export function agreementStatus(period: AgreementPeriodFacts, today: string): AgreementStatus {
  return today > lastDayOf(period) ? 'ended' : 'current';
}

/** The calendar date (YYYY-MM-DD) of an instant in Sweden, where the agreement applies. */
export function swedishDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
