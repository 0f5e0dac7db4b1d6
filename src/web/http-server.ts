import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getRequestListener, type ServerType } from '@hono/node-server';
import type { Config } from '../config/config.ts';

/** Answers a request before Hono does, or returns false to let Hono answer it. */
export type FrontDoor = (incoming: IncomingMessage, outgoing: ServerResponse) => boolean;

/** Listens with the production server options (timeouts against slow clients). */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  config: Config,
  frontDoor: FrontDoor = () => false,
): Promise<ServerType> {
  const hono = getRequestListener(fetch, { hostname: config.host });
  // Slow clients cannot hold sockets for long (slowloris); bodies are small.
  const server = createServer(
    { requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 },
    (incoming, outgoing) => {
      if (!frontDoor(incoming, outgoing)) void hono(incoming, outgoing);
    },
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** Stops accepting, lets in-flight requests finish within the grace period, then cuts what is left. */
export async function closeHttp(server: ServerType, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  const timer = setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
  }, graceMs);
  await closed;
  clearTimeout(timer);
}
