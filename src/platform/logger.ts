import pino, { type Logger } from 'pino';
import { logOutput } from './log-output.ts';

export type { Logger };

/**
 * Structured JSON logs. Nothing that could identify a tipster is ever passed
 * in: no addresses, user agents, tip text or contact details (THREATS #5).
 * Written to stdout once per turn of the event loop (src/platform/log-output.ts),
 * so a busy server does not pay a system call per line; what is held is
 * written when the process exits.
 */
export function createLogger(level: string, destination: pino.DestinationStream = standardOutput()): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: isoTimeByMillisecond(),
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/**
 * pino's `isoTime`, formatted once per millisecond: a busy server writes many
 * lines within one, and formatting the date was a sixth of a log line's cost.
 */
function isoTimeByMillisecond(): () => string {
  let last = Number.NaN;
  let text = '';
  return () => {
    const now = Date.now();
    if (now !== last) {
      last = now;
      text = `,"time":"${new Date(now).toISOString()}"`;
    }
    return text;
  };
}

function standardOutput(): pino.DestinationStream {
  const output = logOutput(1);
  process.once('exit', () => output.flushSync());
  return output;
}
