import type { ServerType } from '@hono/node-server';
import { createApiApp } from '../api/app.ts';
import { intakeAuth } from '../api/intake/intake-auth.ts';
import { INTAKE_OPERATIONS } from '../api/intake/schemas.ts';
import { intakePaths, openApiDocument } from '../api/openapi.ts';
import { intakeRoutes } from '../api/routes/intake.ts';
import type { ServerServices } from '../app/compose.ts';
import { clientAddress, connectionOf } from '../http/client-address.ts';
import { fieldMessage } from '../i18n/tip-field-message.ts';
import type { Logger } from '../platform/logger.ts';
import { submitTip } from '../tips/submit-tip.ts';
import { loadAstroPages } from './astro-pages.ts';
import { ASTRO_SERVER_ENTRY, CLIENT_DIR } from './build-output.ts';
import { floodGate } from './flood-gate.ts';
import { createFrontApp } from './front-app.ts';
import { closeHttp, listen } from './http-server.ts';
import { loadStaticSite } from './static-files.ts';
import { loadTipTemplates } from './tip-templates.ts';
import { freshFormState, tipPageRenderer, tipPageRoutes } from './tip-pages.ts';

export interface RunningServer {
  server: ServerType;
  port: number;
  logger: Logger;
  /** Graceful stop: refuse new work, finish in-flight requests and sends, close pools. */
  close(): Promise<void>;
}

/**
 * Wires the web edge, the pages and the API around the composed services
 * (src/app/compose.ts) and listens.
 */
export async function serveWeb(services: ServerServices): Promise<RunningServer> {
  const { config, clock, logger, store, mailer, limiter, formTokens: tokens, identify, worker } = services;
  const pages = await loadAstroPages(ASTRO_SERVER_ENTRY);
  const renderTipPage = tipPageRenderer(pages);
  const site = await loadStaticSite(CLIENT_DIR);
  let stopping = false;

  const api = createApiApp({
    logger,
    openApi: openApiDocument(config.siteUrl.origin, { paths: intakePaths(INTAKE_OPERATIONS) }),
    extraRoutes: { '/intake': intakeRoutes({ store, tokens: config.intake.tokens, clock }) },
    fieldMessages: fieldMessage,
    health: {
      readiness: async () => {
        await store.ping();
        return limiter.isDegraded() ? 'degraded' : 'ok';
      },
      isStopping: () => stopping,
      details: async () => ({
        status: limiter.isDegraded() ? 'degraded' : 'ok',
        rateLimitingDegraded: limiter.isDegraded(),
        ...(await store.healthDetails(clock())),
        surge: limiter.surgeState(),
      }),
      requireIntakeToken: intakeAuth(config.intake.tokens),
    },
    tips: {
      publicOrigin: config.siteUrl.origin,
      clientIdOf: (c) => identify(c.get('clientAddress'), clock(), connectionOf(c)),
      checkPost: (clientId) => limiter.checkPost(clientId),
      submit: async (input, clientId) => {
        const result = await submitTip({ store, limiter, formTokens: tokens, clock }, input, clientId);
        if (result.created) worker?.wake();
        return result;
      },
      tipPage: renderTipPage,
      freshForm: (values, idempotencyKey) => freshFormState(tokens, clock(), values, idempotencyKey),
    },
  });
  const front = createFrontApp({
    logger,
    api,
    clientAddress: clientAddress(config.trustProxy),
    dynamicPages: tipPageRoutes({ templates: loadTipTemplates(site), formTokens: tokens, clock }),
    site,
  });

  const server = await listen(
    front.fetch,
    config,
    floodGate({
      trustProxy: config.trustProxy,
      identify,
      rememberedRefusal: (clientId) => limiter.rememberedPostRefusal(clientId),
      clock,
      logger,
    }),
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ msg: 'listening', url: `http://${config.host}:${port}/` });

  return {
    server,
    port,
    logger,
    async close() {
      stopping = true;
      await closeHttp(server, config.shutdownGraceMs);
      await worker?.stop();
      await mailer.close();
      await limiter.close();
      await store.close();
    },
  };
}
