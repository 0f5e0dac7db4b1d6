import type { Config, StaffConfig } from '../../config/config.ts';
import type { SigninMailer } from '../../delivery/mail/signin-mail.ts';
import type { Lagesbild } from '../../lagesbild/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { OidcSignIn } from '../../staff/oidc.ts';
import type { SigninLimiter } from '../../staff/signin-limiter.ts';
import type { StaffStore } from '../../store/staff-store.ts';

/** What the staff routes need; built once by the composition root. */
export interface StaffWebDeps {
  staff: StaffStore;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'siteUrl' | 'retentionDays'> & { staff: StaffConfig };
  mailer: SigninMailer;
  limiter: SigninLimiter;
  /** Present when OIDC_ISSUER is configured. */
  oidc: OidcSignIn | undefined;
  /** The weekly lägesbild's use cases (src/lagesbild/), on the same database. */
  lagesbild: Lagesbild;
}
