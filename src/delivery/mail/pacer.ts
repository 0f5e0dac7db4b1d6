/**
 * Spaces calls evenly: each caller gets the next free slot, at least
 * `intervalMs` after the previous one, and waits for it. Used in front of the
 * SMTP pool to respect a relay's sending rate. nodemailer's own pool limiter
 * (`rateLimit`/`rateDelta`) only checks the rate when a connection finishes a
 * message, so every open connection can send at once when a window opens:
 * with 5 connections it let 6 messages through in 125 ms at "1200/minute".
 */
export type Pacer = () => Promise<void>;

export interface PacerClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** At most `ratePerMinute` slots a minute, evenly spread; 0 means no pacing. */
export function createPacer(ratePerMinute: number, clock: PacerClock = realClock): Pacer {
  if (ratePerMinute <= 0) return async () => {};
  const intervalMs = 60_000 / ratePerMinute;
  let nextSlot = -Infinity;
  return async function pace() {
    const now = clock.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + intervalMs;
    if (slot > now) await clock.sleep(slot - now);
  };
}
