import type { PersonalDataKind } from './personal-data.ts';
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
      /** With `rateLimitedSeconds`: refused by the global hard cap (the service is overloaded), not as this client's. */
      overloaded?: boolean;
      /**
       * Set when a send without JavaScript was held because the text seems to
       * hold personal data: the form asks the sender to change it or confirm.
       */
      heldForPersonalData?: PersonalDataKind[];
    }
  | { kind: 'confirmation'; reference: string };

/** The HTTP status of the tip page in a state. */
export function tipPageStatus(state: TipFormState): 200 | 409 | 422 | 429 {
  if (state.kind !== 'form') return 200;
  if (state.rateLimitedSeconds !== undefined) return 429;
  if (state.errors.form === 'form.keyReused') return 409;
  return Object.keys(state.errors).length > 0 ? 422 : 200;
}
