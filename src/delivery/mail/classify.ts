import type { NodemailerError } from 'nodemailer';
import { PermanentDeliveryError, TemporaryDeliveryError, type DeliveryError } from './errors.ts';

/**
 * Turns what nodemailer reports into "retry later" or "give up". Only a 5xx
 * reply to the message itself (MAIL FROM, RCPT TO, DATA) is permanent: RFC
 * 5321 makes every 5yz reply a permanent refusal, except 503 (bad sequence of
 * commands), which is about the session. Everything else, including refusals
 * of the connection, authentication and TLS, is temporary: those are faults
 * of the relay or of our settings, and dead-lettering every tip while an
 * operator fixes them would only add work.
 */

const MESSAGE_COMMANDS = new Set(['MAIL FROM', 'RCPT TO', 'DATA']);
const SESSION_ERRORS = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ETLS', 'ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS']);

const ENHANCED_STATUS = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/;

function isPermanentCode(code: number): boolean {
  return code >= 500 && code < 600 && code !== 503;
}

function enhancedStatus(response: string | undefined): string {
  const match = response ? ENHANCED_STATUS.exec(response) : null;
  return match ? ` ${match[1]}` : '';
}

function asNodemailerError(error: unknown): NodemailerError | undefined {
  return error instanceof Error ? (error as NodemailerError) : undefined;
}

/** A reply-code reason such as "550 5.1.1 at RCPT TO"; never the server's free text. */
function replyReason(code: number, response: string | undefined, command: string | undefined): string {
  return `${code}${enhancedStatus(response)}${command ? ` at ${command}` : ''}`;
}

/** Classifies an error thrown by `sendMail`. */
export function classifySendError(error: unknown): DeliveryError {
  if (error instanceof TemporaryDeliveryError || error instanceof PermanentDeliveryError) return error;
  const err = asNodemailerError(error);
  if (!err) return new TemporaryDeliveryError('unknown error');

  // Every recipient refused (EENVELOPE).
  const rejected = err.rejectedErrors ?? [];
  if (rejected.length > 0) return fromRecipientErrors(rejected, `(all ${rejected.length} recipients rejected)`);

  if (typeof err.responseCode === 'number') {
    const reason = replyReason(err.responseCode, err.response, err.command);
    const aboutMessage =
      !SESSION_ERRORS.has(err.code ?? '') && (err.command === undefined || MESSAGE_COMMANDS.has(err.command));
    return aboutMessage && isPermanentCode(err.responseCode)
      ? new PermanentDeliveryError(reason, err.responseCode)
      : new TemporaryDeliveryError(reason, err.responseCode);
  }

  const code = typeof err.code === 'string' ? err.code : 'unknown error';
  const detail = err.originalCode ?? err.timeoutType;
  return new TemporaryDeliveryError(detail && detail !== code ? `${code} (${detail})` : code);
}

/** The part of nodemailer's result that says who accepted the message. */
export interface RecipientOutcome {
  accepted: readonly unknown[];
  rejected: readonly unknown[];
  rejectedErrors?: readonly NodemailerError[] | undefined;
}

/**
 * Success means every recipient accepted the message, so one 5xx refusal
 * makes it permanent (retrying can never reach that recipient); refusals that
 * are all 4xx make it temporary.
 */
function fromRecipientErrors(errors: readonly NodemailerError[], summary: string): DeliveryError {
  const permanent = errors.find((item) => isPermanentCode(item.responseCode ?? 0));
  const chosen = permanent ?? errors.find((item) => item.responseCode !== undefined);
  const reason = chosen?.responseCode
    ? `${replyReason(chosen.responseCode, chosen.response, 'RCPT TO')} ${summary}`
    : `recipients rejected ${summary}`;
  return permanent
    ? new PermanentDeliveryError(reason, permanent.responseCode)
    : new TemporaryDeliveryError(reason, chosen?.responseCode);
}

/**
 * A message that some recipients refused is not delivered: returns the error
 * to throw, or undefined when every recipient accepted.
 */
export function partialRejection(info: RecipientOutcome): DeliveryError | undefined {
  if (info.rejected.length === 0) return undefined;
  const total = info.accepted.length + info.rejected.length;
  return fromRecipientErrors(
    info.rejectedErrors ?? [],
    `(${info.rejected.length} of ${total} recipients rejected; the others accepted)`,
  );
}
