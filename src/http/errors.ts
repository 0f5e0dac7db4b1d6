/**
 * One error class per failure class a client can cause, each with a stable
 * `name` and `code`. Only `src/api/error-response.ts` turns them into HTTP
 * responses; the message here is for logs and is never shown to users, who
 * get a localized text chosen by `code`.
 */
export abstract class ClientError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429;
  abstract readonly code: string;

  constructor(message?: string) {
    // A refusal is an answer, not a fault: no stack trace is ever read, and
    // capturing one is the most expensive part of refusing a flood request.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/** The body could not be parsed as the content type it claims. */
export class MalformedBodyError extends ClientError {
  override readonly name = 'MalformedBodyError';
  readonly status = 400;
  readonly code = 'malformed_body';
}

/** No or a wrong bearer token. */
export class UnauthorizedError extends ClientError {
  override readonly name = 'UnauthorizedError';
  readonly status = 401;
  readonly code = 'unauthorized';
  /** The `WWW-Authenticate` challenge every 401 carries (RFC 9110 §11.6.1). */
  readonly challenge: string;
  constructor(challenge: string, message?: string) {
    super(message);
    this.challenge = challenge;
  }
}

/** A form post that another site made the browser send. */
export class CrossSiteRequestError extends ClientError {
  override readonly name = 'CrossSiteRequestError';
  readonly status = 403;
  readonly code = 'cross_site';
}

/**
 * A part of the service that this server's configuration switched off (the
 * intake queue and the health details without INTAKE_TOKENS): no token can
 * help, so it is a 404 that says why, not a 401.
 */
export class DisabledError extends ClientError {
  override readonly name = 'DisabledError';
  readonly status = 404;
  readonly code = 'disabled';
}

export class NotFoundError extends ClientError {
  override readonly name = 'NotFoundError';
  readonly status = 404;
  readonly code = 'not_found';
}

/** A known route asked with a method it does not answer; `allow` lists those it does (the `Allow` header). */
export class MethodNotAllowedError extends ClientError {
  override readonly name = 'MethodNotAllowedError';
  readonly status = 405;
  readonly code = 'method_not_allowed';
  readonly allow: readonly string[];
  constructor(allow: readonly string[]) {
    super(`allowed: ${allow.join(', ')}`);
    this.allow = allow;
  }
}

/** An idempotency key used within 24 hours for other content: the second submission is refused, not dropped. */
export class IdempotencyKeyReusedError extends ClientError {
  override readonly name = 'IdempotencyKeyReusedError';
  readonly status = 409;
  readonly code = 'idempotency_key_reused';
}

/** The body is larger than the route allows (checked before parsing). */
export class BodyTooLargeError extends ClientError {
  override readonly name = 'BodyTooLargeError';
  readonly status = 413;
  readonly code = 'body_too_large';
}

export class UnsupportedContentTypeError extends ClientError {
  override readonly name = 'UnsupportedContentTypeError';
  readonly status = 415;
  readonly code = 'unsupported_content_type';
}

/** Field-level failures; `fields` maps a field name to a message code. */
export class ValidationError extends ClientError {
  override readonly name = 'ValidationError';
  readonly status = 422;
  readonly code = 'validation_failed';
  readonly fields: Readonly<Record<string, string>>;
  constructor(fields: Record<string, string>, message = 'validation failed') {
    super(message);
    this.fields = fields;
  }
}

export class RateLimitedError extends ClientError {
  override readonly name: string = 'RateLimitedError';
  readonly status = 429;
  readonly code: 'rate_limited' | 'overloaded' = 'rate_limited';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(`rate limited for ${retryAfterSeconds}s`);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/**
 * The global hard cap on tips from everyone was reached: the service is
 * overloaded, whoever asks (not "too many from here"). Still a 429 with
 * Retry-After, so every client that handles a rate limit handles it.
 */
export class OverloadedError extends RateLimitedError {
  override readonly name = 'OverloadedError';
  override readonly code = 'overloaded';
}
