// The benchmarks' ceiling: a bare Hono route that answers 201, behind the
// same front layer (request log, security headers, client address) and the
// same Node server options as the real service. Not part of the product.
import { Hono } from 'hono';
import { configFromEnvironment } from '../src/config/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { clientAddress } from '../src/http/client-address.ts';
import { createFrontApp } from '../src/web/front-app.ts';
import { CLIENT_DIR } from '../src/web/build-output.ts';
import { listen } from '../src/web/http-server.ts';
import { loadStaticSite } from '../src/web/static-files.ts';

const config = configFromEnvironment();
const logger = createLogger(config.logLevel);
const api = new Hono();
api.post('/ceiling', (c) => c.json({ ok: true }, 201));
const app = createFrontApp({
  logger,
  api,
  clientAddress: clientAddress(config.trustProxy),
  dynamicPages: new Hono(),
  site: await loadStaticSite(CLIENT_DIR),
});
const server = await listen(app.fetch, config);
const address = server.address();
logger.info({
  msg: 'listening',
  url: `http://${config.host}:${typeof address === 'object' && address ? address.port : 0}/`,
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
