import { PermanentDeliveryError, TemporaryDeliveryError } from '../mail/errors.ts';
import type { DeliveryFailure } from '../../store/tip-store.ts';

const MAX_REASON = 120;
/** A `code` such as ECONNRESET is safe to keep; a free-text message might quote what was being sent. */
const ERROR_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, MAX_REASON);
}

/**
 * What a failed `mailer.send` means for the job: the mailer's
 * `PermanentDeliveryError` → dead letter, its `TemporaryDeliveryError` →
 * retry; anything else (a bug, an unexpected library error) is treated as
 * temporary, so a tip is never given up because of our own fault. Only the
 * error's class and a short reason are kept, never its message.
 */
export function toDeliveryFailure(error: unknown): DeliveryFailure {
  if (error instanceof PermanentDeliveryError) {
    return { kind: 'permanent', errorClass: error.name, reason: clean(error.reason) };
  }
  if (error instanceof TemporaryDeliveryError) {
    return { kind: 'temporary', errorClass: error.name, reason: clean(error.reason) };
  }
  const name = error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : 'UnknownError';
  const code = (error as { code?: unknown } | null)?.code;
  return {
    kind: 'temporary',
    errorClass: name,
    reason: typeof code === 'string' && ERROR_CODE.test(code) ? code : 'unexpected',
  };
}
