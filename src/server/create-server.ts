import type { ServerType } from '@hono/node-server';
import type { Config } from '../api/config.ts';
import { createApiApp } from '../api/app.ts';
import { createLogger, type Logger } from '../api/logger.ts';
import { clientAddress, connectionOf } from '../api/middleware/client-address.ts';
import { resolveAppSecret } from '../api/services/app-secret.ts';
import { systemClock, type Clock } from '../api/services/clock.ts';
import { createMailer, type TipMailer } from '../api/services/mail/mailer.ts';
import { createClientIdentifier, createTipRateLimiter } from '../api/services/rate-limit/index.ts';
import { createTipStore } from '../api/services/store/create-tip-store.ts';
import { intakeAuth } from '../api/services/intake/intake-auth.ts';
import { INTAKE_OPERATIONS } from '../api/services/intake/schemas.ts';
import { intakeRoutes } from '../api/routes/intake.ts';
import { intakePaths, openApiDocument } from '../api/openapi.ts';
import { startWorker } from '../api/services/outbox/worker.ts';
import { formTokens } from '../api/services/tips/form-token.ts';
import { submitTip } from '../api/services/tips/submit-tip.ts';
import { fieldMessage } from '../i18n/tip-field-message.ts';
import { loadAstroPages } from './astro-pages.ts';
import { assertBuiltWith, ASTRO_SERVER_ENTRY, CLIENT_DIR } from './build-output.ts';
import { closeHttp, listen } from './http-server.ts';
import { floodGate } from './flood-gate.ts';
import { createFrontApp } from './front-app.ts';
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

/** What tests may replace: time and where logs go. Everything else comes from `config`. */
export interface ServerOverrides {
  clock?: Clock;
  logger?: Logger;
  mailer?: TipMailer;
}

/**
 * The composition root: the only place that knows which store, mailer and
 * limiter exist. Builds every service from `config`, wires the apps, starts
 * the in-process worker and listens.
 */
export async function startServer(config: Config, overrides: ServerOverrides = {}): Promise<RunningServer> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  assertBuiltWith(config);

  const appSecret = resolveAppSecret(config);
  const tokens = formTokens(appSecret, config.minFillSeconds);
  const identify = createClientIdentifier(appSecret);
  const store = await createTipStore(config, clock);
  const limiter = await createTipRateLimiter({ limits: config.rateLimits, clock, logger });
  const mailer =
    overrides.mailer ??
    createMailer(config.mail, {
      dataDir: config.dataDir,
      nodeEnv: config.nodeEnv,
      logger,
      siteHost: config.siteUrl.hostname,
    });
  const worker = config.worker.inProcess ? startWorker({ store, mailer, clock, logger, config }) : undefined;
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
