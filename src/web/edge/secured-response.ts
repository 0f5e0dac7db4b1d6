import { ServerResponse, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { SECURITY_HEADERS } from './security-headers.ts';

/** Header records that already hold the security headers (built once, e.g. a static file's). */
const secured = new WeakSet<object>();

/**
 * A header record with the security headers first, marked so that writing
 * it adds nothing more: for answers built once and written many times.
 */
export function withSecurityHeaders<T extends Record<string, string>>(headers: T): T {
  const merged = { ...SECURITY_HEADERS, ...headers } as T;
  secured.add(merged);
  return merged;
}

const SECURITY_PAIRS = Object.entries(SECURITY_HEADERS);
const SECURITY_FLAT = SECURITY_PAIRS.flat();

/**
 * The Node response every request gets (`createServer({ ServerResponse })`):
 * whoever writes the head — the edge, Hono through @hono/node-server, Astro,
 * Node itself for an implicit head — it carries the security headers. They
 * go into the one header record written with the head, instead of nine
 * `setHeader` calls per response, which would also push Node's `writeHead`
 * onto its slow path of merging records (a few µs of every small answer).
 */
export class SecuredResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  override writeHead(statusCode: number, ...rest: unknown[]): this {
    const hasReason = typeof rest[0] === 'string';
    const headers = (hasReason ? rest[1] : rest[0]) as OutgoingHttpHeaders | unknown[] | undefined;
    let all: OutgoingHttpHeaders | unknown[];
    if (headers === undefined || headers === null) all = SECURITY_HEADERS;
    // Raw arrays come flat ([name, value, name, value]) or as pairs ([[name, value]]).
    else if (Array.isArray(headers))
      all = [...(Array.isArray(headers[0]) ? SECURITY_PAIRS : SECURITY_FLAT), ...headers];
    else if (secured.has(headers)) all = headers;
    else all = { ...SECURITY_HEADERS, ...headers };
    // The signature ServerResponse declares is overloaded; the arguments are passed on as they came.
    const write = ServerResponse.prototype.writeHead as (this: ServerResponse, ...args: unknown[]) => unknown;
    if (hasReason) write.call(this, statusCode, rest[0], all);
    else write.call(this, statusCode, all);
    return this;
  }
}
