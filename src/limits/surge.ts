import type { Logger } from '../platform/logger.ts';
import type { SurgeState } from './types.ts';

export interface SurgeMonitorOptions {
  /** Tips from everyone per global window above which a surge begins (SURGE_TIPS). */
  threshold: number;
  /** The global window in ms, and as written ("1 h"). */
  windowMs: number;
  window: string;
  clock: () => number;
  logger: Logger;
}

/** Notes each accepted tip's surge verdict; says when a surge began and ended, once each. */
export interface SurgeMonitor {
  note(surging: boolean): void;
  state(): SurgeState;
}

const toMinuteIso = (ms: number) => new Date(ms - (ms % 60_000)).toISOString();

/**
 * A surge is on from the first tip accepted above the threshold until a
 * whole global window passes without one. It is logged once when it begins
 * (a warning, not one line per tip) and once when it is over; health reads
 * `state()`. Per process: each instance notes the tips it accepted, against
 * the shared global count when the limiter is in Redis.
 */
export function createSurgeMonitor({ threshold, windowMs, window, clock, logger }: SurgeMonitorOptions): SurgeMonitor {
  let since: number | undefined;
  let lastSurging = 0;

  const endIfOver = (now: number) => {
    if (since === undefined || now - lastSurging < windowMs) return;
    logger.info({ since: toMinuteIso(since), threshold, window }, 'surge: over, emails are sent one by one again');
    since = undefined;
  };

  return {
    note(surging) {
      const now = clock();
      endIfOver(now);
      if (!surging) return;
      lastSurging = now;
      if (since !== undefined) return;
      since = now;
      logger.warn(
        { threshold, window },
        'surge: more tips than SURGE_TIPS from everyone; still accepting, emails held back into a digest (see /api/health/details)',
      );
    },
    state() {
      endIfOver(clock());
      return { active: since !== undefined, since: since === undefined ? null : toMinuteIso(since), threshold, window };
    },
  };
}
