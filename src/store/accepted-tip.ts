import type { Locale } from '../i18n/locales.ts';
import type { Tip, TipFlags } from '../schemas/tip.ts';

/** The ways an accepted tip leaves the service; each gets its own delivery job. */
export const CHANNELS = ['email', 'intake'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A tip as stored and delivered. Nothing about the sender beyond what they typed. */
export interface AcceptedTip {
  /** "ABCD-EFGH" (see reference.ts). */
  reference: string;
  /** When it was accepted, in ms since the epoch, truncated to the minute. */
  acceptedAt: number;
  /** The language of the form it came from. */
  language: Locale;
  tip: Tip;
  flags: TipFlags;
}

/** Truncates a time to the minute: no finer time is ever stored or sent. */
export function toMinute(ms: number): number {
  return ms - (ms % 60_000);
}
