import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Nothing that could identify a tipster is ever passed
 * in: no addresses, user agents, tip text or contact details (THREATS #5).
 * Written to stdout asynchronously: lines written while a write is in flight
 * go out together, so a busy server does not pay a system call per line
 * (pino flushes what is pending when the process exits).
 */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination({ dest: 1, sync: false }),
): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
