import type { Context } from 'hono';
import { API_MESSAGES } from '../i18n/api/index.ts';
import type { Locale } from '../i18n/locales.ts';
import { localeFromAcceptLanguage } from '../i18n/negotiate.ts';
import type { Logger } from '../platform/logger.ts';
import {
  ClientError,
  MethodNotAllowedError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from '../http/errors.ts';
import { noteRefusal, requestContextOf } from '../http/request-context.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The language the answer should be in, when the route knows it (e.g. the submission's `lang`). */
    answerLocale: Locale;
  }
}

/** Turns a field error code into text in a language (from the tip form's dictionaries). */
export type FieldMessages = (locale: Locale, code: string) => string;

/**
 * The one place where errors become the API's HTTP responses. Client errors
 * get their status, the headers that status needs (`WWW-Authenticate` on a
 * 401, `Allow` on a 405, `Retry-After` on a 429) and a localized message
 * (never the internal one); anything else is logged and answered with a
 * plain 500 that reveals nothing. The API answers JSON only: pages are the
 * web's (src/web/).
 */
export function errorResponder(logger: Logger, fieldMessages: FieldMessages) {
  return function respondToError(error: Error, c: Context): Response {
    const locale = c.get('answerLocale') ?? localeFromAcceptLanguage(c.req.header('Accept-Language'));
    if (!(error instanceof ClientError)) {
      logger.error({
        requestId: requestContextOf(c)?.requestId,
        err: { name: error.name, message: error.message, stack: error.stack },
      });
      return toResponse(jsonAnswer(500, { code: 'internal', message: API_MESSAGES[locale].internal }));
    }
    noteRefusal(c, error.name);
    return toResponse(clientErrorAnswer(error, locale, fieldMessages));
  };
}

/** An answer as status, headers and body, for a Web Response or straight for a Node response. */
export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The JSON answer to a client error, in a language. */
export function clientErrorAnswer(error: ClientError, locale: Locale, fieldMessages: FieldMessages): PlainAnswer {
  if (error instanceof RateLimitedError) return rateLimitedAnswer(locale, error.retryAfterSeconds, error.code);
  const body: Record<string, unknown> = { code: error.code, message: API_MESSAGES[locale][apiCode(error.code)] };
  if (error instanceof ValidationError) {
    body.fields = Object.fromEntries(
      Object.entries(error.fields).map(([field, code]) => [field, { code, message: fieldMessages(locale, code) }]),
    );
  }
  const answer = jsonAnswer(error.status, body);
  if (error instanceof UnauthorizedError) answer.headers['WWW-Authenticate'] = error.challenge;
  if (error instanceof MethodNotAllowedError) answer.headers.Allow = error.allow.join(', ');
  return answer;
}

/**
 * The JSON answer to a request refused by a rate limit (`overloaded`: the
 * global hard cap, whoever asked). Also written by the edge (src/web/edge/)
 * for a client whose refusal is remembered, so every refusal of a flood is this.
 */
export function rateLimitedAnswer(
  locale: Locale,
  retryAfterSeconds: number,
  code: 'rate_limited' | 'overloaded' = 'rate_limited',
): PlainAnswer {
  const answer = jsonAnswer(429, { code, message: API_MESSAGES[locale][code], retryAfterSeconds });
  answer.headers['Retry-After'] = String(retryAfterSeconds);
  return answer;
}

/** `{ error }` as JSON, never cached. */
function jsonAnswer(status: number, error: Record<string, unknown>): PlainAnswer {
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    body: JSON.stringify({ error }),
  };
}

/**
 * Headers as a plain record: @hono/node-server writes that straight to the
 * socket, where Hono's `c.header()` would build a Web Headers object
 * (measurable when refusing a flood).
 */
export function toResponse({ status, headers, body }: PlainAnswer): Response {
  return new Response(body, { status, headers });
}

function apiCode(code: string): keyof (typeof API_MESSAGES)['sv'] {
  return code in API_MESSAGES.sv ? (code as keyof (typeof API_MESSAGES)['sv']) : 'internal';
}
