/** Limits raised so the machine, not the configured limits, decides (all but the flood scenarios). */
export const RAISED_LIMITS = {
  RATE_LIMIT_CLIENT_POSTS: '100000000/1m',
  RATE_LIMIT_CLIENT_TIPS: '100000000/1m',
  RATE_LIMIT_CLIENT_TIPS_PER_DAY: '1000000',
  RATE_LIMIT_GLOBAL_TIPS: '100000000/1m',
  // Every tip emailed on its own (the drain scenario counts emails), however many come.
  SURGE_TIPS: '10000000',
};

/** The request log on at info, as in production; delivery off (the drain scenario measures it). */
export const QUIET_SERVER = { LOG_LEVEL: 'info', WORKER: 'off' };
