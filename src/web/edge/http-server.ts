import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { SecuredResponse } from './secured-response.ts';

/** Time limits against slow clients (slowloris): bodies are small, pages are quick. */
export interface Timeouts {
  /** The whole request head must arrive within this. */
  headersMs: number;
  /** The whole request, body included, must arrive within this. */
  requestMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
  /**
   * How often Node looks for requests over `headersMs` or `requestMs`. Its
   * default (30 s) let a slow client hold a socket for up to 30 s past
   * either limit; checked every second, a limit fires within a second.
   */
  checkEveryMs: number;
}

export const PRODUCTION_TIMEOUTS: Timeouts = {
  headersMs: 15_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  checkEveryMs: 1_000,
};

/** What answers every request: the edge (src/web/edge/edge.ts). */
export type RequestListener = (incoming: IncomingMessage, outgoing: ServerResponse) => void;

/** Listens on `host:port` (0: any free port) with the timeouts; every response carries the security headers. */
export function listen(
  listener: RequestListener,
  { host, port }: { host: string; port: number },
  timeouts: Timeouts = PRODUCTION_TIMEOUTS,
): Promise<Server> {
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
      ServerResponse: SecuredResponse,
    },
    listener,
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** Stops accepting, lets in-flight requests finish within the grace period, then cuts what is left. */
export async function closeHttp(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(timer);
}
