import { TIP_ERROR_CODES, TIP_FIELDS, type TipErrorCode, type TipFieldErrors } from '../../schemas/tip.ts';

/** What became of a submission, as the island shows it. */
export type SubmitOutcome =
  | { kind: 'accepted'; reference: string }
  | { kind: 'invalid'; errors: TipFieldErrors }
  /** `overloaded`: refused by the service-wide cap, not as this sender's. */
  | { kind: 'rate-limited'; retryAfterSeconds: number; overloaded: boolean }
  /** The form's idempotency key was already used for other content (409): only the server can issue a new one. */
  | { kind: 'key-reused' }
  /** Anything else: network failure, timeout, 4xx/5xx without field errors, a body we cannot read. */
  | { kind: 'failed' };

/** How long to wait for the API before telling the person and keeping their text. */
const TIMEOUT_MS = 30_000;

/**
 * Sends a tip to the API as JSON (contract: POST /api/tips → 201
 * `{ reference }`, 422 `{ error: { fields } }`, 409 for a reused key,
 * 429 `{ error: { retryAfterSeconds } }` with Retry-After). Never throws.
 */
export async function submitTip(
  body: Record<string, unknown>,
  fetchImpl: typeof fetch = fetch,
): Promise<SubmitOutcome> {
  let response: Response;
  let data: unknown;
  try {
    response = await fetchImpl('/api/tips', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    data = await response.json().catch(() => undefined);
  } catch {
    return { kind: 'failed' };
  }
  if (response.status === 201) {
    const reference = (data as { reference?: unknown } | undefined)?.reference;
    return typeof reference === 'string' ? { kind: 'accepted', reference } : { kind: 'failed' };
  }
  const error = (data as { error?: { code?: unknown; fields?: unknown; retryAfterSeconds?: unknown } } | undefined)
    ?.error;
  if (response.status === 422) {
    const errors = fieldErrorsOf(error?.fields);
    return Object.keys(errors).length > 0 ? { kind: 'invalid', errors } : { kind: 'failed' };
  }
  if (response.status === 409) return { kind: 'key-reused' };
  if (response.status === 429) {
    const fromBody = Number(error?.retryAfterSeconds);
    const fromHeader = Number(response.headers.get('Retry-After'));
    const seconds = [fromBody, fromHeader].find((value) => Number.isFinite(value) && value > 0) ?? 60;
    return { kind: 'rate-limited', retryAfterSeconds: seconds, overloaded: error?.code === 'overloaded' };
  }
  return { kind: 'failed' };
}

/** Keeps only known fields with known codes from the API's `fields` object. */
function fieldErrorsOf(fields: unknown): TipFieldErrors {
  const errors: TipFieldErrors = {};
  if (!fields || typeof fields !== 'object') return errors;
  const known = [...TIP_FIELDS, 'form'] as const;
  for (const name of known) {
    const code = (fields as Record<string, { code?: unknown } | undefined>)[name]?.code;
    if ((TIP_ERROR_CODES as readonly unknown[]).includes(code)) errors[name] = code as TipErrorCode;
  }
  return errors;
}
