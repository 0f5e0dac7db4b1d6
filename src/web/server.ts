import type { Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createApiApp } from '../api/app.ts';
import { errorResponder } from '../api/error-response.ts';
import { intakeAuth } from '../api/intake/intake-auth.ts';
import { INTAKE_OPERATIONS } from '../api/intake/schemas.ts';
import { intakePaths, openApiDocument } from '../api/openapi.ts';
import { rememberedSuccess } from '../api/readiness.ts';
import { intakeRoutes } from '../api/routes/intake.ts';
import type { ServerServices } from '../app/compose.ts';
import { fieldMessage } from '../i18n/tip-field-message.ts';
import { LOCALES } from '../i18n/locales.ts';
import { pathFor } from '../i18n/routes.ts';
import type { Logger } from '../platform/logger.ts';
import { createSubmitTip, type SubmitTip } from '../tips/submit-tip.ts';
import { loadAstroPages } from './astro-pages.ts';
import { ASTRO_SERVER_ENTRY, CLIENT_DIR } from './build-output.ts';
import { clientNaming } from './edge/client-naming.ts';
import { createEdge, type TipPostKind } from './edge/edge.ts';
import { closeHttp, listen, PRODUCTION_TIMEOUTS, type Timeouts } from './edge/http-server.ts';
import { loadRefusalPages } from './refusal-pages.ts';
import { createRouter } from './router.ts';
import { loadStaticSite, serveStaticFile } from './static-files.ts';
import { tipFormRoutes } from './tip-form-route.ts';
import { loadTipTemplates } from './tip-templates.ts';
import { tipPageRenderer, tipPageRoutes } from './tip-pages.ts';
import { createStaffApp } from './staff/staff-app.ts';
import { STAFF_PREFIX } from './staff/staff-paths.ts';

export interface RunningServer {
  server: Server;
  port: number;
  logger: Logger;
  /** Graceful stop: refuse new work, finish in-flight requests and sends, close pools. */
  close(): Promise<void>;
}

/**
 * Wires the edge, the router, the web's pages and the API around the
 * composed services (src/app/compose.ts) and listens.
 */
export async function serveWeb(
  services: ServerServices,
  timeouts: Timeouts = PRODUCTION_TIMEOUTS,
): Promise<RunningServer> {
  const { config, clock, logger, store, mailer, limiter, formTokens: tokens, identify, worker } = services;
  const site = await loadStaticSite(CLIENT_DIR);
  const refusalPages = loadRefusalPages(site);
  const renderTipPage = tipPageRenderer(await loadAstroPages(ASTRO_SERVER_ENTRY));
  let stopping = false;

  const submitTip = createSubmitTip({ store, limiter, formTokens: tokens, clock });
  const submit: SubmitTip = async (input, clientId, options) => {
    const result = await submitTip(input, clientId, options);
    if (result.kind === 'accepted' && result.stored) worker?.wake();
    return result;
  };
  const storeAnswers = rememberedSuccess(() => store.ping());
  const readiness = () => (limiter.isDegraded() ? 'degraded' : 'ok');

  const api = createApiApp({
    openApi: openApiDocument(config.siteUrl.origin, { paths: intakePaths(INTAKE_OPERATIONS) }),
    extraRoutes: { '/intake': intakeRoutes({ store, tokens: config.intake.tokens, clock }) },
    health: {
      readiness: () => {
        const ping = storeAnswers();
        return ping ? ping.then(readiness) : readiness();
      },
      isStopping: () => stopping,
      details: async () => ({
        status: readiness(),
        rateLimitingDegraded: limiter.isDegraded(),
        ...(await store.healthDetails(clock())),
        surge: limiter.surgeState(),
      }),
      requireIntakeToken: intakeAuth(config.intake.tokens),
    },
    tips: { submit },
  });
  const router = createRouter({
    logger,
    api,
    apiErrors: errorResponder(logger, fieldMessage),
    pages: [
      tipPageRoutes({ templates: loadTipTemplates(site), formTokens: tokens, clock }),
      tipFormRoutes({ submit, renderTipPage, refusalPages, formTokens: tokens, clock }),
      // The staff side (src/web/staff/), mounted at /personal.
      new Hono().route(STAFF_PREFIX, createStaffApp(services.staffWeb)),
    ],
    site,
  });

  const tipPosts = new Map<string, TipPostKind>([
    ['/api/tips', 'api'],
    ...LOCALES.map((locale) => [pathFor('report', locale), 'page'] as const),
  ]);
  const edge = createEdge({
    logger,
    publicOrigin: config.siteUrl.origin,
    nameClient: clientNaming({ trustProxy: config.trustProxy, identify, clock }),
    floodLimit: {
      rememberedRefusal: (clientId) => limiter.rememberedPostRefusal(clientId),
      check: (clientId) => limiter.checkPost(clientId),
    },
    tipPostKind: (path) => tipPosts.get(path),
    refusalPages,
    staticFile: (incoming, outgoing, path) => serveStaticFile(site, incoming, outgoing, path),
    router: getRequestListener(router.fetch, { hostname: config.host }),
  });

  const server = await listen(edge, config, timeouts);
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
      await services.staffWeb.close(); // the staff side's mailer and store
      await store.close();
    },
  };
}
