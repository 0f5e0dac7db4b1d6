/** A limit of `count` events per `windowMs` milliseconds, written "5/10m" in configuration. */
export interface Rate {
  count: number;
  windowMs: number;
  /** The window as @upstash/ratelimit's Duration string, e.g. "10 m". */
  window: `${number} ${'ms' | 's' | 'm' | 'h' | 'd'}`;
}

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses "5/10m", "300/1h" or "30/90s"; returns undefined when the text is not of that form. */
export function parseRate(text: string): Rate | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*(ms|s|m|h|d)\s*$/.exec(text);
  if (!match) return undefined;
  const count = Number(match[1]);
  const amount = Number(match[2]);
  const unit = match[3] as keyof typeof UNIT_MS;
  if (count < 1 || amount < 1) return undefined;
  return { count, windowMs: amount * UNIT_MS[unit], window: `${amount} ${unit}` };
}
