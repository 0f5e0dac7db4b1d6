import { DEFAULT_LOCALE } from '../i18n/locales.ts';
import { personalDataToConfirm, type PersonalDataKind } from '../schemas/personal-data.ts';
import {
  flagsOf,
  isoDate,
  TIP_FIELDS,
  validateSubmission,
  type Submission,
  type Tip,
  type TipFieldErrors,
} from '../schemas/tip.ts';
import type { Clock } from '../platform/clock.ts';
import type { FormTokenProblem, FormTokens } from './form-token.ts';
import { createHoneypotKeys } from './honeypot-keys.ts';
import { newReference } from '../store/reference.ts';
import { toMinute, type AcceptedTip } from '../store/accepted-tip.ts';
import type { KeyedTip } from '../store/tip-store.ts';

/** What accepting a tip needs from the store and the limiter. */
export interface SubmitTipDeps {
  store: {
    findByIdempotencyKey(key: string, now: number): Promise<KeyedTip | undefined>;
    acceptTip(
      tip: Omit<AcceptedTip, 'reference'> & { idempotencyKey: string | undefined; duringSurge?: boolean },
    ): Promise<{ reference: string; created: boolean }>;
    recordHoneypot(now: number): Promise<void>;
  };
  limiter: {
    checkTip(
      clientId: string,
    ): Promise<{ success: boolean; retryAfterSeconds: number; scope?: string; surge?: boolean }>;
  };
  formTokens: FormTokens;
  clock: Clock;
}

/**
 * What became of a submission. The API and the web's form route each turn
 * it into their own answer (JSON, or a page); nothing here knows HTTP.
 */
export type SubmitResult =
  /** Stored durably (`stored`), or answered as if: a repeat of the same content under the same key, or a bot's. */
  | { kind: 'accepted'; reference: string; stored: boolean }
  /** Field errors (and a missing, forged, expired or too fresh form token as `form`). */
  | { kind: 'invalid'; errors: TipFieldErrors }
  /** The text seems to hold personal data and the sender has not confirmed yet (only when asked to check). */
  | { kind: 'confirm-personal-data'; personalData: PersonalDataKind[] }
  /** A tip limit says no: per client, per network or per day, or the global hard cap (`overloaded`). */
  | { kind: 'rate-limited'; retryAfterSeconds: number; overloaded: boolean }
  /** The idempotency key was used within 24 hours for other content: nothing stored, nothing dropped silently. */
  | { kind: 'key-reused' };

export interface SubmitOptions {
  /**
   * Hold a send whose description seems to hold personal data until the
   * sender confirms it (the no-JavaScript form; the island asks by itself
   * with the same rule before it sends). `confirmed`: the sender ticked it.
   */
  personalData?: { confirmed: boolean };
}

/** Accepts one submission from a client known by its keyed hash. Resolves only after the store committed. */
export type SubmitTip = (input: unknown, clientId: string, options?: SubmitOptions) => Promise<SubmitResult>;

const TOKEN_ERRORS: Record<FormTokenProblem, TipFieldErrors['form']> = {
  missing: 'form.invalid',
  invalid: 'form.invalid',
  expired: 'form.expired',
  'too-fast': 'form.tooFast',
};

const DAY_MS = 86_400_000;

/**
 * The submission use case: validation and form token → personal data
 * confirmation (when asked) → a key seen before? → tip limits (per client,
 * per day, global) → one durable transaction.
 *
 * A filled honeypot (a field people never see) takes exactly the same path,
 * limits included, and only at the very end is nothing stored: its answers
 * (errors, 429, a reference, the same reference for a repeat, a refusal of a
 * reused key) cannot be told from a person's, so a bot learns nothing about
 * the trap, and a refused client is refused whatever it fills in.
 */
export function createSubmitTip(deps: SubmitTipDeps): SubmitTip {
  const honeypotKeys = createHoneypotKeys();
  return async function submitTip(input, clientId, options = {}) {
    const now = deps.clock();
    // "Today" a day ahead: a tipster east of UTC may already be on tomorrow's date.
    const result = validateSubmission(input, isoDate(now + DAY_MS));
    const errors: TipFieldErrors = result.success ? {} : { ...result.errors };
    const tokenProblem = deps.formTokens.check(tokenOf(input), now);
    if (tokenProblem) errors.form ??= TOKEN_ERRORS[tokenProblem];
    if (!result.success || tokenProblem) return { kind: 'invalid', errors };

    const submission = result.data;
    const tip = tipOf(submission);
    if (options.personalData) {
      const personalData = personalDataToConfirm(tip.description, options.personalData.confirmed);
      if (personalData.length > 0) return { kind: 'confirm-personal-data', personalData };
    }

    const honeypot = isFilled(submission.website);
    const idempotencyKey = submission.idempotencyKey;
    // Without a key every post is a new tip: there is nothing to look up, and nothing to keep.
    if (idempotencyKey !== undefined) {
      const earlier = honeypot
        ? honeypotKeys.find(idempotencyKey, now)
        : await deps.store.findByIdempotencyKey(idempotencyKey, now);
      if (earlier) return repeated(earlier, tip);
    }

    const decision = await deps.limiter.checkTip(clientId);
    if (!decision.success) {
      // The global hard cap refuses everyone alike: the service is overloaded, not "too many from here".
      const overloaded = decision.scope === 'global-tips';
      return { kind: 'rate-limited', retryAfterSeconds: decision.retryAfterSeconds, overloaded };
    }

    if (honeypot) {
      await deps.store.recordHoneypot(now);
      const reference = newReference();
      if (idempotencyKey !== undefined) honeypotKeys.remember(idempotencyKey, { reference, tip }, now);
      return { kind: 'accepted', reference, stored: false };
    }

    const stored = await deps.store.acceptTip({
      idempotencyKey,
      acceptedAt: toMinute(now),
      language: submission.lang ?? DEFAULT_LOCALE,
      tip,
      flags: flagsOf(tip),
      // Above SURGE_TIPS its email waits for the hourly digest (the store's policy decides).
      duringSurge: decision.surge === true,
    });
    if (stored.created || idempotencyKey === undefined) {
      return { kind: 'accepted', reference: stored.reference, stored: stored.created };
    }
    // A concurrent submission with the same key committed first: compare with what it stored.
    const winner = await deps.store.findByIdempotencyKey(idempotencyKey, now);
    return winner ? repeated(winner, tip) : { kind: 'accepted', reference: stored.reference, stored: false };
  };
}

/** A key seen before: the same content gets the same reference; other content is refused. */
function repeated(earlier: KeyedTip, tip: Tip): SubmitResult {
  return sameTip(earlier.tip, tip)
    ? { kind: 'accepted', reference: earlier.reference, stored: false }
    : { kind: 'key-reused' };
}

/** Two tips with the same fields (an absent field and an empty one are both "not given"). */
export function sameTip(a: Tip, b: Tip): boolean {
  return TIP_FIELDS.every((field) => (a[field] ?? undefined) === (b[field] ?? undefined));
}

function isFilled(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

function tokenOf(input: unknown): string | undefined {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).formToken : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Only the fields a person filled in; the hidden ones stop here. */
function tipOf(submission: Submission): Tip {
  const tip: Record<string, unknown> = {};
  for (const field of TIP_FIELDS) if (submission[field] !== undefined) tip[field] = submission[field];
  return tip as Tip;
}
