import { DEFAULT_LOCALE } from '../i18n/locales.ts';
import {
  flagsOf,
  isoDate,
  TIP_FIELDS,
  validateSubmission,
  type Submission,
  type Tip,
  type TipFieldErrors,
} from '../schemas/tip.ts';
import { OverloadedError, RateLimitedError, ValidationError } from '../http/errors.ts';
import type { Clock } from '../platform/clock.ts';
import type { FormTokenProblem, FormTokens } from './form-token.ts';
import { newReference } from '../store/reference.ts';
import { toMinute, type AcceptedTip } from '../store/accepted-tip.ts';

/** What accepting a tip needs from the store and the limiter. */
export interface SubmitTipDeps {
  store: {
    findByIdempotencyKey(key: string, now: number): Promise<string | undefined>;
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

export interface SubmitResult {
  reference: string;
  /** False when the idempotency key had been seen (nothing new stored). */
  created: boolean;
}

const TOKEN_ERRORS: Record<FormTokenProblem, TipFieldErrors['form']> = {
  missing: 'form.invalid',
  invalid: 'form.invalid',
  expired: 'form.expired',
  'too-fast': 'form.tooFast',
};

const DAY_MS = 86_400_000;

/**
 * Accepts one submission: honeypot → validation and form token → duplicate
 * check → per-client and global tip limits → one durable transaction.
 * Resolves only after the store committed; throws ValidationError or
 * RateLimitedError for the route to answer.
 */
export async function submitTip(deps: SubmitTipDeps, input: unknown, clientId: string): Promise<SubmitResult> {
  const now = deps.clock();
  if (isHoneypotFilled(input)) {
    // Answered exactly like a success, so a bot learns nothing; nothing is stored or sent.
    await deps.store.recordHoneypot(now);
    return { reference: newReference(), created: true };
  }

  // "Today" a day ahead: a tipster east of UTC may already be on tomorrow's date.
  const result = validateSubmission(input, isoDate(now + DAY_MS));
  const errors: TipFieldErrors = result.success ? {} : { ...result.errors };
  const tokenProblem = deps.formTokens.check(tokenOf(input), now);
  if (tokenProblem) errors.form ??= TOKEN_ERRORS[tokenProblem];
  if (!result.success || tokenProblem) throw new ValidationError(errors);

  const submission = result.data;
  const idempotencyKey = submission.idempotencyKey;
  // Without a key every post is a new tip: there is nothing to look up, and nothing to keep.
  if (idempotencyKey !== undefined) {
    const existing = await deps.store.findByIdempotencyKey(idempotencyKey, now);
    if (existing) return { reference: existing, created: false };
  }

  const decision = await deps.limiter.checkTip(clientId);
  if (!decision.success) {
    // The global hard cap refuses everyone alike: say the service is overloaded, not "too many from here".
    if (decision.scope === 'global-tips') throw new OverloadedError(decision.retryAfterSeconds);
    throw new RateLimitedError(decision.retryAfterSeconds);
  }

  const tip = tipOf(submission);
  return deps.store.acceptTip({
    idempotencyKey,
    acceptedAt: toMinute(now),
    language: submission.lang ?? DEFAULT_LOCALE,
    tip,
    flags: flagsOf(tip),
    // Above SURGE_TIPS its email waits for the hourly digest (the store's policy decides).
    duringSurge: decision.surge === true,
  });
}

function isHoneypotFilled(input: unknown): boolean {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).website : undefined;
  return typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;
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
