/**
 * A check (the store's ping) whose success is remembered for `maxAgeMs` of
 * real time: `GET /api/health` answers from memory while the last success
 * is fresh, so a flood of health checks costs no query each (a round trip
 * on PostgreSQL). A failure is never remembered: every check after one asks
 * again (concurrent askers share one attempt).
 *
 * Returns undefined while a success is fresh, else the attempt's promise.
 */
export function rememberedSuccess(
  check: () => Promise<void>,
  maxAgeMs = 1000,
  now: () => number = () => performance.now(),
): () => Promise<void> | undefined {
  let succeededAt = Number.NEGATIVE_INFINITY;
  let attempt: Promise<void> | undefined;
  return () => {
    if (now() - succeededAt < maxAgeMs) return undefined;
    attempt ??= check().then(
      () => {
        succeededAt = now();
        attempt = undefined;
      },
      (error: unknown) => {
        attempt = undefined;
        throw error;
      },
    );
    return attempt;
  };
}
