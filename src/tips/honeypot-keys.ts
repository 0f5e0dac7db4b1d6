import type { KeyedTip } from '../store/tip-store.ts';

const DAY_MS = 86_400_000;

/**
 * The idempotency keys of honeypot posts, kept in memory for 24 hours like
 * the store keeps real ones, so a bot repeating a trapped post gets what a
 * person would: the same reference for the same content, a refusal for
 * other content. Bounded: past `capacity` the oldest key is forgotten (the
 * bot then gets a new reference, as for a key older than 24 hours).
 */
export interface HoneypotKeys {
  find(key: string, now: number): KeyedTip | undefined;
  remember(key: string, tip: KeyedTip, now: number): void;
}

export function createHoneypotKeys(capacity = 10_000): HoneypotKeys {
  // Map keeps insertion order: the first entry is the oldest.
  const keys = new Map<string, KeyedTip & { until: number }>();
  return {
    find(key, now) {
      const entry = keys.get(key);
      if (!entry) return undefined;
      if (entry.until > now) return entry;
      keys.delete(key);
      return undefined;
    },
    remember(key, tip, now) {
      keys.delete(key);
      keys.set(key, { ...tip, until: now + DAY_MS });
      if (keys.size > capacity) {
        const oldest = keys.keys().next();
        if (!oldest.done) keys.delete(oldest.value);
      }
    },
  };
}
