import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { nodeRequestOf } from './node-request.ts';

/**
 * What the edge (src/web/edge/) knows about a request, kept on the Node
 * request for the routes behind it: its id, when it started, the limiter's
 * name for its client, and which refusal answered it (for the request's log
 * line). Routes read and note through the helpers below; they never name a
 * client or write a log line themselves.
 */
export interface RequestContext {
  readonly requestId: string;
  /** `performance.now()` when the edge took the request. */
  readonly started: number;
  /**
   * The rate limiter's keyed hash of the client (never the address), named
   * by the edge for posts; undefined when nobody asked for it.
   */
  clientId: string | undefined;
  /** Names the client when a route asks for it and the edge had not (a GET: the staff sign-in's limit). */
  readonly nameClient: () => string;
  /** The name of the client error that answered the request, if one did. */
  refusedAs: string | undefined;
}

const CONTEXT = Symbol('trygghet.requestContext');

type WithContext = IncomingMessage & { [CONTEXT]?: RequestContext };

/** Attaches a request's context (the edge does, first thing). */
export function attachRequestContext(incoming: IncomingMessage, context: RequestContext): void {
  (incoming as WithContext)[CONTEXT] = context;
}

/** The context of a Node request, if the edge saw it. */
export function requestContextOfIncoming(incoming: IncomingMessage): RequestContext | undefined {
  return (incoming as WithContext)[CONTEXT];
}

/** The context of the request a Hono handler is answering; undefined in-process (`app.request()`). */
export function requestContextOf(c: Context): RequestContext | undefined {
  const incoming = nodeRequestOf(c);
  return incoming && requestContextOfIncoming(incoming);
}

/** Notes which client error answered the request, for its log line. */
export function noteRefusal(c: Context, name: string): void {
  const context = requestContextOf(c);
  if (context) context.refusedAs = name;
}

/** Stands in for a client without a name (in-process requests): they all share one limit. */
export const UNNAMED_CLIENT = 'unnamed';

/** The limiter's name for the client of the request being answered. */
export function clientIdOf(c: Context): string {
  const context = requestContextOf(c);
  if (!context) return UNNAMED_CLIENT;
  context.clientId ??= context.nameClient();
  return context.clientId;
}
