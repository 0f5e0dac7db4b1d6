import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import type { Config } from '../api/config.ts';
import { createApiApp } from '../api/app.ts';
import { createLogger, type Logger } from '../api/logger.ts';
import { loadAstroPages } from './astro-pages.ts';
import { createFrontApp } from './front-app.ts';

const DIST = new URL('../../dist/', import.meta.url);

export interface RunningServer {
  server: ServerType;
  port: number;
  logger: Logger;
  close(): Promise<void>;
}

/** The composition root: builds every service from `config`, wires the apps and listens. */
export async function startServer(config: Config, logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const pages = await loadAstroPages(new URL('server/entry.mjs', DIST));
  const dyn = new Hono();
  void pages;
  const api = createApiApp({ readiness: async () => 'ok' });
  const app = createFrontApp({
    logger,
    api,
    dynamicPages: dyn,
    clientDir: fileURLToPath(new URL('client/', DIST)),
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ msg: 'listening', url: `http://${config.host}:${port}/` });
  return {
    server,
    port,
    logger,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
