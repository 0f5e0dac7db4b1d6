/**
 * Remembers refusals until their window resets, so a client far above a
 * limit is refused from memory: no further count in the embedded limiter or
 * round trip to Redis (Upstash bills per command) for each request of a
 * flood. It is what @upstash/ratelimit's ephemeral cache does, but bounded:
 * that cache is off because it never forgets an identifier that does not
 * come back. Here at most `capacity` refusals are held; past that the oldest
 * is dropped, which only means asking the limiter again.
 */
export interface Refusal {
  /** When the refusal ends, ms since the epoch. */
  reset: number;
  /** The limit that refused. */
  limit: number;
}

export interface RefusalMemo {
  /** The remembered refusal of `key`, if it has not ended by `now`. */
  refusal(key: string, now: number): Refusal | undefined;
  remember(key: string, refusal: Refusal): void;
}

export function createRefusalMemo(capacity = 10_000): RefusalMemo {
  // Map keeps insertion order: the first key is the oldest refusal.
  const refusals = new Map<string, Refusal>();
  return {
    refusal(key, now) {
      const refusal = refusals.get(key);
      if (refusal === undefined) return undefined;
      if (refusal.reset > now) return refusal;
      refusals.delete(key);
      return undefined;
    },
    remember(key, refusal) {
      refusals.delete(key);
      refusals.set(key, refusal);
      if (refusals.size > capacity) {
        const oldest = refusals.keys().next();
        if (!oldest.done) refusals.delete(oldest.value);
      }
    },
  };
}
