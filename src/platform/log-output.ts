import { writeSync } from 'node:fs';

/** Log lines held while the output cannot take them (a stuck collector); past that, new lines are dropped. */
const MAX_HELD_BYTES = 16 * 1024 * 1024;
const RETRY_MS = 10;

/** A log destination (pino's `DestinationStream`) that can be emptied synchronously. */
export interface LogOutput {
  write(line: string): void;
  /** Writes everything held, now (at exit). */
  flushSync(): void;
}

/**
 * A file descriptor (standard output) written once per turn of the event
 * loop: the lines logged while requests are handled go out in one write.
 * A busy server logs a line per request, and a write per line (what an
 * asynchronous sonic-boom does whenever no write is in flight) cost about as
 * much as answering a health check. The write is synchronous, so nothing is
 * reordered or left in flight at exit; an output that cannot take more
 * (EAGAIN on a non-blocking pipe) is retried shortly, and while it stays
 * stuck at most 16 MB are held, then lines are dropped rather than the
 * server stalling or growing without bound.
 */
export function logOutput(fd = 1, write: typeof writeSync = writeSync): LogOutput {
  let lines: string[] = [];
  let held: Buffer | undefined;
  let heldBytes = 0;
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    const fresh =
      lines.length > 0 ? Buffer.from(lines.length === 1 ? (lines[0] as string) : lines.join('')) : undefined;
    lines = [];
    heldBytes = 0;
    const data = held && fresh ? Buffer.concat([held, fresh]) : (held ?? fresh);
    held = undefined;
    if (!data) return;
    let offset = 0;
    while (offset < data.length) {
      try {
        offset += write(fd, data, offset, data.length - offset);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return; // the output is gone (EPIPE, EBADF): nothing to do
        held = data.subarray(offset);
        heldBytes = held.length;
        scheduled = true;
        setTimeout(flush, RETRY_MS).unref();
        return;
      }
    }
  };

  return {
    write(line) {
      if (heldBytes > MAX_HELD_BYTES) return;
      lines.push(line);
      heldBytes += line.length;
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flushSync() {
      for (let attempt = 0; attempt < 100 && (lines.length > 0 || held); attempt += 1) flush();
    },
  };
}
