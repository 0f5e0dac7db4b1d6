import type { Context } from 'hono';
import { API_MESSAGES } from '../i18n/api/index.ts';
import type { Locale } from '../i18n/locales.ts';
import { localeFromAcceptLanguage } from '../i18n/negotiate.ts';
import type { Logger } from '../platform/logger.ts';
import { ClientError, RateLimitedError, ValidationError } from '../http/errors.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The language the answer should be in, when the route knows it (e.g. the form's `lang`). */
    answerLocale: Locale;
    /** Which client error refused the request (logged on its request line). */
    refusedAs: string;
    /** Set by routes that answer a no-JavaScript form post with a whole page instead of JSON. */
    errorPage: (error: ClientError) => Promise<Response | undefined>;
  }
}

/** Turns a field error code into text in a language (from the tip form's dictionaries). */
export type FieldMessages = (locale: Locale, code: string) => string;

/**
 * The one place where errors become HTTP responses. Client errors get their
 * status and a localized message (never the internal one); a form post gets a
 * whole page when its route registered one; anything else is logged and
 * answered with a plain 500 that reveals nothing.
 */
export function errorResponder(logger: Logger, fieldMessages: FieldMessages) {
  return async function respondToError(error: Error, c: Context): Promise<Response> {
    const locale = c.get('answerLocale') ?? localeFromAcceptLanguage(c.req.header('Accept-Language'));
    if (!(error instanceof ClientError)) {
      logger.error({
        requestId: c.get('requestId'),
        err: { name: error.name, message: error.message, stack: error.stack },
      });
      return toResponse(jsonAnswer(500, { code: 'internal', message: API_MESSAGES[locale].internal }));
    }
    c.set('refusedAs', error.name);
    const page = await c.get('errorPage')?.(error);
    if (page) return page;
    const body: Record<string, unknown> = { code: error.code, message: API_MESSAGES[locale][apiCode(error.code)] };
    if (error instanceof ValidationError) {
      body.fields = Object.fromEntries(
        Object.entries(error.fields).map(([field, code]) => [field, { code, message: fieldMessages(locale, code) }]),
      );
    }
    if (error instanceof RateLimitedError) {
      return toResponse(rateLimitedAnswer(locale, error.retryAfterSeconds, error.code));
    }
    return toResponse(jsonAnswer(error.status, body));
  };
}

/** An answer as status, headers and body, for a Web Response or straight for a Node response. */
export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The JSON answer to a request refused by a rate limit (`overloaded`: the
 * global hard cap, whoever asked). Also written by the flood gate
 * (src/web/flood-gate.ts) in front of Hono, so both are this.
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
function toResponse({ status, headers, body }: PlainAnswer): Response {
  return new Response(body, { status, headers });
}

function apiCode(code: string): keyof (typeof API_MESSAGES)['sv'] {
  return code in API_MESSAGES.sv ? (code as keyof (typeof API_MESSAGES)['sv']) : 'internal';
}
