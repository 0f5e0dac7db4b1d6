import type { TipField, TipFieldErrors } from './tip.ts';

/**
 * What the tip page shows, decided by the server (GET of the page, or the
 * answer to a no-JavaScript form post) and passed to the page through
 * `Astro.locals.tipForm`; the island starts from the same state.
 */
/** The form itself (fresh, or again with what was entered). */
export type TipFormPage = Extract<TipFormState, { kind: 'form' }>;

export type TipFormState =
  | {
      kind: 'form';
      /** Fresh signed token for this rendering. */
      formToken: string;
      /** One per form fill; kept across error re-renders so a resubmit is deduplicated. */
      idempotencyKey: string;
      /** What the person entered (raw text), or a preselected category. */
      values: Partial<Record<TipField, string>>;
      /** Empty on first render. */
      errors: TipFieldErrors;
      /** Set when the last send was refused as too many tips: the notice shows above the kept form (429). */
      rateLimitedSeconds?: number;
    }
  | { kind: 'confirmation'; reference: string }
  /** Refused before the body was read (the flood limit), so there are no values to keep. */
  | { kind: 'rate-limited'; retryAfterSeconds: number };
