const STOCKHOLM_MINUTE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const STOCKHOLM_DAY = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "2026-11-30 13:05", Swedish time, to the minute. */
export function formatMinute(ms: number): string {
  return STOCKHOLM_MINUTE.format(ms);
}

/** "2026-11-30", Swedish time. */
export function formatDay(ms: number): string {
  return STOCKHOLM_DAY.format(ms);
}
