import type { Config } from '../config/config.ts';
import { resolveAppSecret } from '../config/app-secret.ts';
import { createMailer, type TipMailer } from '../delivery/mail/mailer.ts';
import { startWorker, type OutboxWorker } from '../delivery/outbox/worker.ts';
import { createClientIdentifier, createTipRateLimiter, type TipRateLimiter } from '../limits/index.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { createLogger, type Logger } from '../platform/logger.ts';
import { createLagesbildStore } from '../store/create-lagesbild-store.ts';
import { createStaffStore } from '../store/create-staff-store.ts';
import type { LagesbildStore } from '../store/lagesbild-store.ts';
import { createTipStore } from '../store/create-tip-store.ts';
import type { StaffStore } from '../store/staff-store.ts';
import type { TipStore } from '../store/tip-store.ts';
import { withStaffUpkeep } from '../staff/upkeep.ts';
import { composeStaffWeb } from './compose-staff.ts';
import { formTokens, type FormTokens } from '../tips/form-token.ts';

/** What tests may replace: time, where logs go, and the mailer. Everything else comes from `config`. */
export interface Overrides {
  clock?: Clock;
  logger?: Logger;
  mailer?: TipMailer;
}

/** The services every entry point shares, built from the configuration. */
export interface Services {
  config: Config;
  clock: Clock;
  logger: Logger;
  store: TipStore;
  /** The staff side's store, on the same database as `store`. */
  staffStore: StaffStore;
  /** The weekly lägesbild's store, on the same database (and connection) as `store`. */
  lagesbildStore: LagesbildStore;
  mailer: TipMailer;
}

/** The services the server adds: the limiter, the form tokens and the client naming. */
export interface ServerServices extends Services {
  limiter: TipRateLimiter;
  formTokens: FormTokens;
  identify: ReturnType<typeof createClientIdentifier>;
  /** The in-process outbox worker, unless WORKER=off. */
  worker: OutboxWorker | undefined;
  /** The staff side's routes' dependencies (src/web/staff/). */
  staffWeb: Awaited<ReturnType<typeof composeStaffWeb>>;
}

/**
 * The one composition root: the only place that knows which store, mailer
 * and limiter exist. The server, the worker and every CLI build their
 * services here.
 */
export async function composeServices(config: Config, overrides: Overrides = {}): Promise<Services> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const tipStore = await createTipStore(config, clock);
  const staffStore = await createStaffStore(config);
  const lagesbildStore = await createLagesbildStore(tipStore);
  const store = withStaffUpkeep(tipStore, staffStore, config.staff.auditRetentionDays, logger);
  const mailer =
    overrides.mailer ??
    createMailer(config.mail, {
      dataDir: config.dataDir,
      nodeEnv: config.nodeEnv,
      logger,
      siteHost: config.siteUrl.hostname,
      content:
        config.tipEmailContent === 'summary'
          ? { mode: 'summary', siteOrigin: config.siteUrl.origin }
          : { mode: 'full' },
    });
  return { config, clock, logger, store, staffStore, lagesbildStore, mailer };
}

/** Only the store (the operator CLIs). */
export function composeStore(config: Config, clock: Clock = systemClock): Promise<TipStore> {
  return createTipStore(config, clock);
}

/** The server's services: the shared ones, the limiter and the in-process worker. */
export async function composeServerServices(config: Config, overrides: Overrides = {}): Promise<ServerServices> {
  const services = await composeServices(config, overrides);
  const { clock, logger, store, mailer } = services;
  const appSecret = resolveAppSecret(config);
  const limiter = await createTipRateLimiter({ limits: config.rateLimits, clock, logger });
  const worker = config.worker.inProcess ? startWorker({ store, mailer, clock, logger, config }) : undefined;
  return {
    ...services,
    limiter,
    formTokens: formTokens(appSecret, config.minFillSeconds),
    identify: createClientIdentifier(appSecret, config.rateLimits.ipv6NetworkPrefix),
    worker,
    staffWeb: await composeStaffWeb(config, services),
  };
}
