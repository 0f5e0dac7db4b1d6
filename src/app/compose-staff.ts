import type { Config } from '../config/config.ts';
import { createSigninMailer } from '../delivery/mail/signin-mail.ts';
import type { Clock } from '../platform/clock.ts';
import { createLagesbild } from '../lagesbild/index.ts';
import type { Logger } from '../platform/logger.ts';
import { createSigninLimiter } from '../staff/signin-limiter.ts';
import type { LagesbildStore } from '../store/lagesbild-store.ts';
import type { StaffStore } from '../store/staff-store.ts';
import type { StaffWebDeps } from '../web/staff/staff-deps.ts';

/**
 * The staff side's part of the composition root: its mailer, sign-in limiter
 * and OIDC client, and the weekly lägesbild's use cases on the same database.
 */
export async function composeStaffWeb(
  config: Config,
  services: { staffStore: StaffStore; lagesbildStore: LagesbildStore; clock: Clock; logger: Logger },
): Promise<StaffWebDeps & { close(): Promise<void> }> {
  const { staffStore, lagesbildStore, clock, logger } = services;
  const mailer = createSigninMailer(config.mail, {
    dataDir: config.dataDir,
    siteHost: config.siteUrl.hostname,
    logger,
  });
  const oidcConfig = config.staff.oidc;
  const oidc = oidcConfig
    ? await (
        await import('../staff/oidc-client.ts')
      ).createOidcSignIn(oidcConfig, {
        staff: staffStore,
        clock,
        redirectUri: new URL('/personal/inloggning/oidc/retur', config.siteUrl),
        allowHttp: config.nodeEnv !== 'production',
      })
    : undefined;
  return {
    staff: staffStore,
    clock,
    logger,
    config,
    mailer,
    limiter: createSigninLimiter(config.staff.signinRate, clock),
    oidc,
    lagesbild: createLagesbild({ store: lagesbildStore, clock }),
    async close() {
      await mailer.close();
      await staffStore.close();
    },
  };
}
