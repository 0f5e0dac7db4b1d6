/** Calendar helpers for limits and keys that follow the UTC day. */

const DAY_MS = 86_400_000;

/** The UTC calendar date of `now` (ms since the epoch) as YYYY-MM-DD. */
export function utcDate(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Milliseconds since the epoch of the next UTC midnight after `now`. */
export function nextUtcMidnight(now: number): number {
  // Unix time has no leap seconds, so every UTC day is exactly DAY_MS long.
  return (Math.floor(now / DAY_MS) + 1) * DAY_MS;
}
