import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { ConfigError, type BuildSettings, type Config } from '../api/config.ts';
import { createApiApp } from '../api/app.ts';
import { createLogger, type Logger } from '../api/logger.ts';
import { clientAddress } from '../api/middleware/client-address.ts';
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
import { createFrontApp } from './front-app.ts';
import { loadStaticSite } from './static-files.ts';
import { loadTipTemplates } from './tip-templates.ts';
import { freshFormState, tipPageRenderer, tipPageRoutes } from './tip-pages.ts';

const DIST = new URL('../../dist/', import.meta.url);

/** The built static site that the front layer serves. */
export const CLIENT_DIR = fileURLToPath(new URL('client/', DIST));

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
  const pages = await loadAstroPages(new URL('server/entry.mjs', DIST));
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
      clientIdOf: (c) => identify(c.get('clientAddress'), clock()),
      checkPost: (clientId) => limiter.checkPost(clientId),
      submit: async (input, clientId) => {
        const result = await submitTip({ store, limiter, formTokens: tokens, clock }, input, clientId);
        if (result.created) worker?.wake();
        return result;
      },
      tipPage: renderTipPage,
      freshForm: (values, idempotencyKey) => {
        const state = freshFormState(tokens, clock(), values);
        return idempotencyKey && state.kind === 'form' ? { ...state, idempotencyKey } : state;
      },
    },
  });
  const front = createFrontApp({
    logger,
    api,
    clientAddress: clientAddress(config.trustProxy),
    dynamicPages: tipPageRoutes({ templates: loadTipTemplates(site), formTokens: tokens, clock }),
    site,
  });

  const server = await listen(front.fetch, config);
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
async function closeHttp(server: ServerType, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  const timer = setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
  }, graceMs);
  await closed;
  clearTimeout(timer);
}

/** The prerendered pages state SITE_URL and RETENTION_DAYS; serving them with other values would mislead. */
function assertBuiltWith(config: Config): void {
  let built: BuildSettings;
  try {
    built = JSON.parse(readFileSync(new URL('build-settings.json', DIST), 'utf8')) as BuildSettings;
  } catch {
    throw new ConfigError(['dist/build-settings.json: the site is not built; run `npm run build` (npm start does)']);
  }
  const problems: string[] = [];
  if (built.siteUrl !== config.siteUrl.href && built.siteUrl !== config.siteUrl.origin) {
    problems.push(`SITE_URL: the site was built for ${built.siteUrl}; rebuild with this value`);
  }
  if (built.retentionDays !== config.retentionDays) {
    problems.push(
      `RETENTION_DAYS: the privacy page was built stating ${built.retentionDays} days; rebuild with this value`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
}
