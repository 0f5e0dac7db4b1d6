import type { Logger } from '../platform/logger.ts';

/**
 * Runs each limit on the remote store under a short timeout and falls back
 * to the embedded limiter when the store errors or does not answer in time
 * (THREATS #8, ASVS 16.5.3): never unlimited, never an exception for the
 * route.
 *
 * While degraded, at most one request per `probeIntervalMs` (by the injected
 * clock) tries the remote store again; the others go straight to the
 * embedded limiter, so a hanging store costs one request a timeout per
 * interval, not every request. A background ping every `probeIntervalMs`
 * notices recovery even without traffic, so health stops saying "degraded"
 * by itself. Either success clears the degraded state.
 */
export interface Failover {
  run<T>(remote: () => Promise<T>, fallback: () => Promise<T>): Promise<T>;
  isDegraded(): boolean;
  close(): void;
}

export interface FailoverOptions {
  ping: () => Promise<unknown>;
  timeoutMs: number;
  probeIntervalMs: number;
  clock: () => number;
  logger: Logger;
}

/** Raised when the remote store did not answer within the timeout. */
export class RemoteTimeoutError extends Error {
  override readonly name = 'RemoteTimeoutError';
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/** Rejects with RemoteTimeoutError after `timeoutMs`; a late rejection of `promise` is swallowed. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RemoteTimeoutError(timeoutMs)), timeoutMs);
  });
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Only the kind of failure is logged: store errors may quote the command, and with it the keys. */
function describeFailure(error: unknown): Record<string, unknown> {
  if (error instanceof RemoteTimeoutError) return { kind: 'timeout' };
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return { kind: 'error', name, code };
}

/** See `Failover`. */
export function createFailover({ ping, timeoutMs, probeIntervalMs, clock, logger }: FailoverOptions): Failover {
  let degradedSince: number | undefined;
  let lastRemoteAttempt = Number.NEGATIVE_INFINITY;
  let recoveryTimer: NodeJS.Timeout | undefined;
  let pinging = false;
  let closed = false;

  function markDegraded(error: unknown): void {
    if (degradedSince !== undefined) return;
    degradedSince = clock();
    logger.warn(
      { failure: describeFailure(error) },
      'rate-limit store failing; the embedded limiter decides until it answers again',
    );
    if (closed) return;
    recoveryTimer = setInterval(() => void probe(), probeIntervalMs);
    recoveryTimer.unref();
  }

  function markHealthy(): void {
    if (degradedSince === undefined) return;
    logger.info({ degradedMs: clock() - degradedSince }, 'rate-limit store answers again');
    degradedSince = undefined;
    clearInterval(recoveryTimer);
    recoveryTimer = undefined;
  }

  async function probe(): Promise<void> {
    if (pinging) return;
    pinging = true;
    try {
      await withTimeout(ping(), timeoutMs);
      markHealthy();
    } catch {
      // Still failing; the next interval tries again.
    } finally {
      pinging = false;
    }
  }

  return {
    async run(remote, fallback) {
      const now = clock();
      if (degradedSince !== undefined && now - lastRemoteAttempt < probeIntervalMs) return fallback();
      lastRemoteAttempt = now;
      try {
        const value = await withTimeout(remote(), timeoutMs);
        markHealthy();
        return value;
      } catch (error) {
        // Space probes from when this attempt gave up, not when it began.
        lastRemoteAttempt = clock();
        markDegraded(error);
        return fallback();
      }
    },
    isDegraded: () => degradedSince !== undefined,
    close() {
      closed = true;
      clearInterval(recoveryTimer);
      recoveryTimer = undefined;
    },
  };
}
