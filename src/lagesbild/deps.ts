import type { Clock } from '../platform/clock.ts';
import type { LagesbildStore } from '../store/lagesbild-store.ts';

/** What the lägesbild's use cases are built with, once, in the composition root. */
export interface LagesbildDeps {
  store: LagesbildStore;
  clock: Clock;
  /** Weeks before the shown one in a week's trend (default 12; at least 8). */
  trendWeeks?: number;
}

export const DEFAULT_TREND_WEEKS = 12;
/** The longest trend one call may ask for: five years of weeks. */
export const MAX_TREND_WEEKS = 5 * 53;
