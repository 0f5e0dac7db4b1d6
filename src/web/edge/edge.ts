import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientErrorAnswer, rateLimitedAnswer, type PlainAnswer } from '../../api/error-response.ts';
import { CrossSiteRequestError } from '../../http/errors.ts';
import { attachRequestContext, type RequestContext } from '../../http/request-context.ts';
import { crossSiteReason } from '../../http/same-origin.ts';
import { fieldMessage } from '../../i18n/tip-field-message.ts';
import { localeOfPath } from '../../i18n/locales.ts';
import { localeFromAcceptLanguage } from '../../i18n/negotiate.ts';
import type { LimitDecision } from '../../limits/index.ts';
import type { Logger } from '../../platform/logger.ts';
import type { PageAnswer, RefusalPages } from '../refusal-pages.ts';
import type { RequestListener } from './http-server.ts';
import { logRequest } from './request-log.ts';
import { withSecurityHeaders } from './secured-response.ts';

/** Where tips are posted: the API (JSON, answered in JSON) or a tip page (the form without JavaScript, answered with pages). */
export type TipPostKind = 'api' | 'page';

export interface EdgeDeps {
  logger: Logger;
  /** The public origin (SITE_URL), accepted as our own by the cross-site check. */
  publicOrigin: string;
  /** The limiter's name for a request's client (src/web/edge/client-naming.ts). */
  nameClient: (incoming: IncomingMessage) => string;
  /** The flood limit: the remembered refusal of a client (counts nothing), and a count of one post. */
  floodLimit: {
    rememberedRefusal(clientId: string): LimitDecision | undefined;
    check(clientId: string): Promise<LimitDecision>;
  };
  /** Which paths take tips, and as what. */
  tipPostKind: (path: string) => TipPostKind | undefined;
  /** The prerendered refusal pages (too many, cross-site) in each language. */
  refusalPages: RefusalPages;
  /** Answers a GET or HEAD from the built site's files; false when the path is none of them. */
  staticFile: (incoming: IncomingMessage, outgoing: ServerResponse, path: string) => boolean;
  /** Everything else: the router (Hono on @hono/node-server). */
  router: (incoming: IncomingMessage, outgoing: ServerResponse) => Promise<unknown>;
}

/**
 * The edge: every request passes here first, before any framework.
 *
 * 1. A request id. (The security headers are in every head written, whoever
 *    writes it: the server's responses are `SecuredResponse`s.)
 * 2. For a POST: the client is named once per connection (`nameClient`),
 *    and a client whose flood-limit refusal is remembered is refused at
 *    once, whatever it posts to: JSON 429 under /api, otherwise the
 *    prerendered "too many tips" page in the language of the path posted
 *    to. A tip post is then checked for coming from another site (403, not
 *    counted, so another site cannot use up a visitor's allowance) and
 *    counted against the flood limit (429).
 * 3. A GET or HEAD of a file of the built site is answered from memory.
 * 4. Everything else goes to the router, which only routes.
 * 5. One log line when the response has been written.
 *
 * The refusals here are the same answers the routes would give (the API's
 * `rateLimitedAnswer` and `clientErrorAnswer`, the prerendered pages).
 */
export function createEdge(deps: EdgeDeps): RequestListener {
  const { logger, refusalPages, floodLimit } = deps;

  const finish = (context: RequestContext, incoming: IncomingMessage, outgoing: ServerResponse, path: string) =>
    logRequest(logger, context, { method: incoming.method, path }, outgoing.statusCode);

  /** Writes a refusal and its log line. */
  const refuse = (
    context: RequestContext,
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    path: string,
    refusedAs: string,
    answer: PlainAnswer | PageAnswer,
  ) => {
    context.refusedAs = refusedAs;
    const body = answer.body;
    outgoing.writeHead(answer.status, answer.headers);
    outgoing.end(body);
    finish(context, incoming, outgoing, path);
  };

  // A flood is refused with the same few answers (per language and second to wait): build each once.
  const jsonRefusals = new Map<string, PlainAnswer>();
  const tooManyJson = (incoming: IncomingMessage, retryAfterSeconds: number) => {
    const locale = localeOf(incoming);
    const key = `${locale}:${retryAfterSeconds}`;
    let answer = jsonRefusals.get(key);
    if (!answer) {
      const built = withLength(rateLimitedAnswer(locale, retryAfterSeconds));
      answer = { ...built, headers: withSecurityHeaders(built.headers) };
      if (jsonRefusals.size >= 64) jsonRefusals.clear();
      jsonRefusals.set(key, answer);
    }
    return answer;
  };
  const tooMany = (incoming: IncomingMessage, path: string, api: boolean, refusal: LimitDecision) =>
    api
      ? tooManyJson(incoming, refusal.retryAfterSeconds)
      : refusalPages.tooMany(localeOfPath(path), refusal.retryAfterSeconds, header(incoming, 'accept-encoding'));

  const crossSite = (incoming: IncomingMessage, path: string, api: boolean) =>
    api
      ? withLength(clientErrorAnswer(new CrossSiteRequestError(), localeOf(incoming), fieldMessage))
      : refusalPages.refused('cross-site', localeOfPath(path), header(incoming, 'accept-encoding'));

  const toRouter = (context: RequestContext, incoming: IncomingMessage, outgoing: ServerResponse, path: string) =>
    void deps.router(incoming, outgoing).then(() => finish(context, incoming, outgoing, path));

  return function edge(incoming, outgoing) {
    const context: RequestContext = {
      requestId: randomUUID(),
      started: performance.now(),
      clientId: undefined,
      nameClient: () => deps.nameClient(incoming),
      refusedAs: undefined,
    };
    attachRequestContext(incoming, context);
    const url = incoming.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const method = incoming.method;

    if (method === 'POST') {
      const clientId = deps.nameClient(incoming);
      context.clientId = clientId;
      const api = path.startsWith('/api/');
      const remembered = floodLimit.rememberedRefusal(clientId);
      if (remembered) {
        refuse(context, incoming, outgoing, path, 'RateLimitedError', tooMany(incoming, path, api, remembered));
        return;
      }
      const tipPost = deps.tipPostKind(path);
      if (tipPost) {
        const ours = [deps.publicOrigin, `http://${incoming.headers.host ?? ''}`];
        if (crossSiteReason(header(incoming, 'sec-fetch-site'), header(incoming, 'origin'), ours)) {
          refuse(context, incoming, outgoing, path, 'CrossSiteRequestError', crossSite(incoming, path, api));
          return;
        }
        void floodLimit.check(clientId).then(
          (decision) => {
            if (decision.success) toRouter(context, incoming, outgoing, path);
            else refuse(context, incoming, outgoing, path, 'RateLimitedError', tooMany(incoming, path, api, decision));
          },
          (error: unknown) => {
            // The limiter never throws for a failing store (it falls back): this is a fault of ours.
            logger.error({ requestId: context.requestId, err: error instanceof Error ? error.message : String(error) });
            outgoing.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
            outgoing.end('Internal Server Error');
            finish(context, incoming, outgoing, path);
          },
        );
        return;
      }
    } else if ((method === 'GET' || method === 'HEAD') && deps.staticFile(incoming, outgoing, path)) {
      finish(context, incoming, outgoing, path);
      return;
    }
    toRouter(context, incoming, outgoing, path);
  };
}

function header(incoming: IncomingMessage, name: string): string | undefined {
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function localeOf(incoming: IncomingMessage) {
  return localeFromAcceptLanguage(header(incoming, 'accept-language'));
}

/** A JSON answer with its Content-Length, for writing straight to the Node response. */
function withLength(answer: PlainAnswer): PlainAnswer {
  answer.headers['Content-Length'] = String(Buffer.byteLength(answer.body));
  return answer;
}
