/** Whether the agreement's period is still running on a given day. */
export type AgreementStatus = 'current' | 'ended';

/**
 * The status of a period on `today` (all dates YYYY-MM-DD): ended from the
 * day after `periodEnd`. Nothing here ever assumes a renewal.
 */
export function agreementStatus(period: { periodEnd: string }, today: string): AgreementStatus {
  return today > period.periodEnd ? 'ended' : 'current';
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
