/**
 * What a failed delivery means for the outbox worker: try again later, or
 * stop and keep the tip as a dead letter. `reason` is short and never carries
 * tip content (only an SMTP reply code, the command, an error code), so it
 * can be logged and stored with the job.
 */

/** Worth retrying: connection errors, timeouts, 4xx replies, anything unknown. */
export class TemporaryDeliveryError extends Error {
  override readonly name = 'TemporaryDeliveryError';
  /** e.g. "451 at DATA", "ECONNECTION (ECONNREFUSED)". */
  readonly reason: string;
  /** The SMTP reply code, when the server answered. */
  readonly responseCode: number | undefined;
  constructor(reason: string, responseCode?: number) {
    super(`Temporary delivery failure: ${reason}`);
    this.reason = reason;
    this.responseCode = responseCode;
  }
}

/** Retrying will not help: a 5xx reply (550–554) to the message or to any recipient. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
  /** e.g. "550 at RCPT TO (1 of 2 recipients rejected)". */
  readonly reason: string;
  /** The SMTP reply code the server answered with. */
  readonly responseCode: number | undefined;
  constructor(reason: string, responseCode?: number) {
    super(`Permanent delivery failure: ${reason}`);
    this.reason = reason;
    this.responseCode = responseCode;
  }
}

/** Either kind; the worker branches on `instanceof`. */
export type DeliveryError = TemporaryDeliveryError | PermanentDeliveryError;
