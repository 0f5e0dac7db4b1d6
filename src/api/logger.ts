import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Nothing that could identify a tipster is ever passed
 * in: no addresses, user agents, tip text or contact details (THREATS #5).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
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
