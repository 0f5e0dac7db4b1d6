import { serve, type ServerType } from '@hono/node-server';
import type { Config } from '../api/config.ts';

/** Listens with the production server options (timeouts against slow clients). */
export function listen(fetch: (request: Request) => Response | Promise<Response>, config: Config): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve(
      {
        fetch,
        hostname: config.host,
        port: config.port,
        // Slow clients cannot hold sockets for long (slowloris); bodies are small.
        serverOptions: { requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 },
      },
      () => resolve(server),
    );
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
