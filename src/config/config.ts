import { z } from 'zod';
import { parseSender, publicDomainProblem } from './public-address.ts';
import { parseRate, type Rate } from './rate.ts';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.ts';

/**
 * The one place that reads the environment. Everything else receives the
 * typed `Config` this returns; see README "Configuration" for each variable.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const rate = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx): Rate => {
      const parsed = parseRate(value);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: `expected "<count>/<window>", e.g. "5/10m"; got "${value}"` });
        return z.NEVER;
      }
      return parsed;
    });

const emailList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.email()).min(1));

/** The public origin in development (`npm start` on this machine); production must set SITE_URL. */
const DEVELOPMENT_SITE_URL = 'http://localhost:4321';
/** The sender in development (fine for .eml files); production must set MAIL_FROM. */
const DEVELOPMENT_SENDER = 'Tillsammans för trygghet <no-reply@localhost>';

const envShape = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: integer(4321, 0, 65535),
  /** Optional in development only (then DEVELOPMENT_SITE_URL). */
  SITE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  DATA_DIR: z.string().min(1).default('./data'),
  APP_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((value, ctx): TrustProxy => {
      const parsed = parseTrustProxy(value);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
  MIN_FILL_SECONDS: integer(3, 0, 3600),

  RATE_LIMIT_CLIENT_TIPS: rate('5/10m'),
  RATE_LIMIT_CLIENT_TIPS_PER_DAY: integer(20, 1, 1_000_000),
  RATE_LIMIT_CLIENT_POSTS: rate('30/10m'),
  RATE_LIMIT_NETWORK_TIPS: rate('20/10m'),
  RATE_LIMIT_IPV6_NETWORK_PREFIX: integer(48, 16, 63),
  RATE_LIMIT_GLOBAL_TIPS: rate('3000/1h'),
  SURGE_TIPS: integer(300, 1, 10_000_000),
  SURGE_DIGEST_MINUTES: integer(60, 1, 24 * 60),
  RATE_LIMIT_TIMEOUT_MS: integer(300, 10, 10_000),
  UPSTASH_REDIS_REST_URL: optionalString.pipe(z.url().optional()),
  UPSTASH_REDIS_REST_TOKEN: optionalString,
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),

  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_POOL_SIZE: integer(10, 1, 200),

  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  SMTP_POOL_CONNECTIONS: integer(5, 1, 50),
  MAIL_RATE_PER_MINUTE: integer(0, 0, 100_000),
  TIP_EMAIL_TO: emailList.default(['trygghet@huge.se']),
  /** Optional in development only (then DEVELOPMENT_SENDER). */
  MAIL_FROM: optionalString.superRefine((value, ctx) => {
    const sender = value === undefined ? undefined : parseSender(value);
    if (typeof sender === 'string') ctx.addIssue({ code: 'custom', message: sender });
  }),
  AREA_RECIPIENTS: z
    .string()
    .default('')
    .transform((value, ctx): Record<string, string[]> => {
      const parsed = parseAreaRecipients(value);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
  DKIM_DOMAIN: optionalString,
  DKIM_SELECTOR: optionalString,
  DKIM_PRIVATE_KEY: optionalString,

  WORKER: z.enum(['in-process', 'off']).default('in-process'),
  WORKER_POLL_MS: integer(1000, 10, 60_000),
  WORKER_CLAIM_SECONDS: integer(30, 1, 86_400),
  DELIVERY_MAX_HOURS: integer(48, 1, 24 * 30),
  INTAKE_TOKENS: z
    .string()
    .default('')
    .refine(
      (value) => value.split(',').every((token) => token.trim() === '' || token.trim().length >= 32),
      'every token must be at least 32 characters (e.g. `openssl rand -base64 32`)',
    ),
  INTAKE_LEASE_SECONDS: integer(300, 5, 86_400),
  INTAKE_MAX_LEASES: integer(5, 1, 100),
  RETENTION_DAYS: integer(90, 1, 3650),
  SHUTDOWN_GRACE_MS: integer(10_000, 0, 120_000),

  // The staff side (README "Staff side").
  TIP_EMAIL_CONTENT: z.enum(['full', 'summary']).default('full'),
  STAFF_SESSION_IDLE_MINUTES: integer(30, 1, 24 * 60),
  STAFF_SESSION_MAX_HOURS: integer(12, 1, 7 * 24),
  STAFF_EMAIL_LINKS: z.enum(['auto', 'on', 'off']).default('auto'),
  RATE_LIMIT_STAFF_SIGNIN: rate('10/15m'),
  AUDIT_RETENTION_DAYS: integer(730, 30, 3650),
  OIDC_ISSUER: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_STAFF_CLAIM: z.string().trim().min(1).default('sub'),
  OIDC_PROVIDER_NAME: z.string().trim().min(1).default('organisationskonto'),
});

/** Every variable the service reads (the README's configuration table must list each). */
export const ENV_VARIABLES = Object.keys(envShape.shape);

const envSchema = envShape
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (!env.APP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    if (!env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required when NODE_ENV=production' });
    }
    const siteProblem = productionSiteProblem(env.SITE_URL);
    if (siteProblem) ctx.addIssue({ code: 'custom', path: ['SITE_URL'], message: siteProblem });
    const senderProblem = productionSenderProblem(env.MAIL_FROM);
    if (senderProblem) ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: senderProblem });
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.UPSTASH_REDIS_REST_URL) !== Boolean(env.UPSTASH_REDIS_REST_TOKEN)) {
      ctx.addIssue({
        code: 'custom',
        path: ['UPSTASH_REDIS_REST_TOKEN'],
        message: 'UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set together',
      });
    }
    if (env.UPSTASH_REDIS_REST_URL && env.REDIS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message: 'set either REDIS_URL or UPSTASH_REDIS_REST_URL, not both',
      });
    }
    const site = env.SITE_URL === undefined ? undefined : new URL(env.SITE_URL);
    if (site?.protocol === 'http:' && !isLoopbackHost(site.hostname)) {
      ctx.addIssue({
        code: 'custom',
        path: ['SITE_URL'],
        message: 'must be https: the staff sign-in cookie is Secure (plain http only on loopback, for development)',
      });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc !== 0 && oidc !== 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_CLIENT_SECRET'],
        message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together',
      });
    }
    if (env.STAFF_EMAIL_LINKS === 'off' && oidc === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['STAFF_EMAIL_LINKS'],
        message: 'off leaves staff no way to sign in unless OIDC_ISSUER is set',
      });
    }
    const dkim = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY].filter(Boolean).length;
    if (dkim !== 0 && dkim !== 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['DKIM_PRIVATE_KEY'],
        message: 'DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY must be set together',
      });
    }
  });

/** What is wrong with SITE_URL for production (undefined when it is the public https:// origin). */
function productionSiteProblem(value: string | undefined): string | undefined {
  if (!value) return 'is required when NODE_ENV=production: the public https:// address, e.g. https://trygghet.huge.se';
  const site = new URL(value);
  if (site.protocol !== 'https:') return `must start with https:// when NODE_ENV=production (got ${value})`;
  const problem = publicDomainProblem(site.hostname);
  return problem && `must be the public address when NODE_ENV=production: ${problem}`;
}

/** What is wrong with MAIL_FROM for production (undefined when it is an address on a public domain). */
function productionSenderProblem(value: string | undefined): string | undefined {
  if (!value) {
    return 'is required when NODE_ENV=production: an address on a domain Huge controls, e.g. "Tillsammans för trygghet <no-reply@trygghet.huge.se>"';
  }
  const sender = parseSender(value);
  if (typeof sender === 'string') return undefined; // already reported by the field's own check
  const problem = publicDomainProblem(sender.domain);
  return problem && `must be an address on a domain Huge controls when NODE_ENV=production: ${problem}`;
}

export type Env = z.input<typeof envSchema>;
type ParsedEnv = z.output<typeof envSchema>;

export interface Config {
  nodeEnv: ParsedEnv['NODE_ENV'];
  host: string;
  port: number;
  siteUrl: URL;
  dataDir: string;
  /** Undefined in development until `resolveAppSecret` generates one under DATA_DIR. */
  appSecret: string | undefined;
  logLevel: ParsedEnv['LOG_LEVEL'];
  trustProxy: TrustProxy;
  minFillSeconds: number;
  rateLimits: {
    clientTips: Rate;
    clientTipsPerDay: number;
    clientPosts: Rate;
    /** Tips per IPv6 network (`ipv6NetworkPrefix`), on top of the per-client (/64) limits. */
    networkTips: Rate;
    ipv6NetworkPrefix: number;
    /** The hard cap on tips from everyone; above it new tips are refused as "overloaded". */
    globalTips: Rate;
    /** Tips from everyone within the global window above which the service is in a surge. */
    surgeTips: number;
    timeoutMs: number;
    upstash: { url: string; token: string } | undefined;
    redisUrl: string | undefined;
  };
  databaseUrl: string | undefined;
  databasePoolSize: number;
  mail: {
    smtpUrl: string | undefined;
    poolConnections: number;
    ratePerMinute: number;
    to: string[];
    from: string;
    areaRecipients: Record<string, string[]>;
    dkim: { domainName: string; keySelector: string; privateKey: string } | undefined;
  };
  worker: {
    inProcess: boolean;
    pollMs: number;
    /** A claim on emails being sent, renewed every third of it while they are in flight; after a crash they wait at most this long. */
    claimMs: number;
    deliveryMaxHours: number;
  };
  intake: {
    tokens: string[];
    leaseSeconds: number;
    maxLeases: number;
  };
  surge: {
    /** During a surge, held emails go out as one digest at most this often. */
    digestIntervalMs: number;
  };
  retentionDays: number;
  shutdownGraceMs: number;
  /** `summary`: the forwarded email leaves out the description and links to the tip in the inbox. */
  tipEmailContent: 'full' | 'summary';
  staff: StaffConfig;
}

/** The staff side: sessions, sign-in and the audit trail. */
export interface StaffConfig {
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** One-time links emailed to staff (the embedded default; off by default once OIDC is configured). */
  emailLinks: boolean;
  signinRate: Rate;
  auditRetentionDays: number;
  oidc:
    | {
        issuer: URL;
        clientId: string;
        clientSecret: string;
        /** The ID token claim matched against a member's OIDC id (Entra ID: `oid`). */
        claim: string;
        /** Shown on the sign-in button: "Logga in med <name>". */
        providerName: string;
      }
    | undefined;
}

/** Thrown at start-up with every bad variable listed in one message. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

function parseAreaRecipients(value: string): Record<string, string[]> | string {
  const result: Record<string, string[]> = {};
  for (const entry of value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [area, addresses] = entry.split('=', 2).map((part) => part?.trim());
    if (!area || !addresses) return `expected "area=address,address;area=address", got "${entry}"`;
    const list = addresses
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const bad = list.find((address) => !z.email().safeParse(address).success);
    if (bad) return `"${bad}" is not an email address`;
    result[area] = list;
  }
  return result;
}

/**
 * Problems found outside the environment that belong in the same message
 * (the server: whether the build it would serve was made with these
 * settings). Called with the build-time settings, or undefined when those
 * variables are themselves invalid (already reported).
 */
export type AlsoCheck = (settings: BuildSettings | undefined) => string[];

/**
 * Reads and validates the environment once; throws `ConfigError` listing
 * every problem, those `alsoCheck` finds included.
 */
export function loadConfig(env: Record<string, string | undefined>, alsoCheck?: AlsoCheck): Config {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`);
  if (alsoCheck) problems.push(...alsoCheck(tryBuildSettings(env)));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    siteUrl: new URL(e.SITE_URL ?? DEVELOPMENT_SITE_URL),
    dataDir: e.DATA_DIR,
    appSecret: e.APP_SECRET,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    minFillSeconds: e.MIN_FILL_SECONDS,
    rateLimits: {
      clientTips: e.RATE_LIMIT_CLIENT_TIPS,
      clientTipsPerDay: e.RATE_LIMIT_CLIENT_TIPS_PER_DAY,
      clientPosts: e.RATE_LIMIT_CLIENT_POSTS,
      networkTips: e.RATE_LIMIT_NETWORK_TIPS,
      ipv6NetworkPrefix: e.RATE_LIMIT_IPV6_NETWORK_PREFIX,
      globalTips: e.RATE_LIMIT_GLOBAL_TIPS,
      surgeTips: e.SURGE_TIPS,
      timeoutMs: e.RATE_LIMIT_TIMEOUT_MS,
      upstash:
        e.UPSTASH_REDIS_REST_URL && e.UPSTASH_REDIS_REST_TOKEN
          ? { url: e.UPSTASH_REDIS_REST_URL, token: e.UPSTASH_REDIS_REST_TOKEN }
          : undefined,
      redisUrl: e.REDIS_URL,
    },
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    mail: {
      smtpUrl: e.SMTP_URL,
      poolConnections: e.SMTP_POOL_CONNECTIONS,
      ratePerMinute: e.MAIL_RATE_PER_MINUTE,
      to: e.TIP_EMAIL_TO,
      from: e.MAIL_FROM ?? DEVELOPMENT_SENDER,
      areaRecipients: e.AREA_RECIPIENTS,
      dkim:
        e.DKIM_DOMAIN && e.DKIM_SELECTOR && e.DKIM_PRIVATE_KEY
          ? {
              domainName: e.DKIM_DOMAIN,
              keySelector: e.DKIM_SELECTOR,
              privateKey: e.DKIM_PRIVATE_KEY.replace(/\\n/g, '\n'),
            }
          : undefined,
    },
    worker: {
      inProcess: e.WORKER === 'in-process',
      pollMs: e.WORKER_POLL_MS,
      claimMs: e.WORKER_CLAIM_SECONDS * 1000,
      deliveryMaxHours: e.DELIVERY_MAX_HOURS,
    },
    intake: {
      tokens: e.INTAKE_TOKENS.split(',')
        .map((token) => token.trim())
        .filter(Boolean),
      leaseSeconds: e.INTAKE_LEASE_SECONDS,
      maxLeases: e.INTAKE_MAX_LEASES,
    },
    surge: { digestIntervalMs: e.SURGE_DIGEST_MINUTES * 60_000 },
    retentionDays: e.RETENTION_DAYS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    tipEmailContent: e.TIP_EMAIL_CONTENT,
    staff: {
      sessionIdleMs: e.STAFF_SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: e.STAFF_SESSION_MAX_HOURS * 3_600_000,
      emailLinks: e.STAFF_EMAIL_LINKS === 'on' || (e.STAFF_EMAIL_LINKS === 'auto' && !e.OIDC_ISSUER),
      signinRate: e.RATE_LIMIT_STAFF_SIGNIN,
      auditRetentionDays: e.AUDIT_RETENTION_DAYS,
      oidc:
        e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
          ? {
              issuer: new URL(e.OIDC_ISSUER),
              clientId: e.OIDC_CLIENT_ID,
              clientSecret: e.OIDC_CLIENT_SECRET,
              claim: e.OIDC_STAFF_CLAIM,
              providerName: e.OIDC_PROVIDER_NAME,
            }
          : undefined,
    },
  };
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The runtime configuration from this process's environment (the server's and CLIs' entry points call this). */
export function configFromEnvironment(alsoCheck?: AlsoCheck): Config {
  return loadConfig(process.env, alsoCheck);
}

/** Settings that are baked into the prerendered pages, so the build reads them too. */
export interface BuildSettings {
  /** Public origin: pages, hreflang links and the sitemap carry absolute URLs. */
  siteUrl: string;
  /** Stated on the privacy page; the server refuses to start if it runs with another value. */
  retentionDays: number;
}

function tryBuildSettings(env: Record<string, string | undefined>): BuildSettings | undefined {
  try {
    return buildSettingsFromEnvironment(env);
  } catch {
    return undefined;
  }
}

/** The build-time subset of the configuration (astro.config.mjs), validated by the same schema. */
export function buildSettingsFromEnvironment(env: Record<string, string | undefined> = process.env): BuildSettings {
  const result = envShape.pick({ SITE_URL: true, RETENTION_DAYS: true }).safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return { siteUrl: result.data.SITE_URL ?? DEVELOPMENT_SITE_URL, retentionDays: result.data.RETENTION_DAYS };
}
