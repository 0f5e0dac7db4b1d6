import { Hono, type MiddlewareHandler } from 'hono';

export type Readiness = 'ok' | 'degraded';

/** What operators see behind the intake token. Counts and times only, nothing about any tip or sender. */
export interface HealthDetails {
  status: Readiness;
  queueDepth: Record<string, number>;
  oldestUndeliveredAgeSeconds: number | null;
  deadLetters: Record<string, number>;
  rateLimitingDegraded: boolean;
  honeypotCount: number;
  lastEmailSentAt: string | null;
  /** Tips accepted while the intake queue was disabled: they will never reach it. */
  tipsWithoutIntakeJob: number;
  /** Emails held for the surge digest. */
  emailsHeldForDigest: number;
  /** Whether tips are coming in a surge (more than SURGE_TIPS from everyone per global window). */
  surge: { active: boolean; since: string | null; threshold: number; window: string };
}

export interface HealthDeps {
  /** "degraded" when a dependency works only through its fallback (e.g. the rate-limit store). */
  readiness: () => Promise<Readiness>;
  /** True once shutdown began: the load balancer should stop sending traffic. */
  isStopping: () => boolean;
  details: () => Promise<HealthDetails>;
  /** Lets only holders of an intake token through (401 otherwise). */
  requireIntakeToken: MiddlewareHandler;
}

/**
 * - `GET /api/health`: public liveness and readiness, `{ status: ok|degraded }`, nothing more.
 * - `GET /api/health/ready`: for a load balancer: 200 while serving, 503 once shutting down.
 * - `GET /api/health/details`: queue and delivery figures, behind an intake token.
 */
export function healthRoutes(deps: HealthDeps): Hono {
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.get('/', async (c) => c.json({ status: await deps.readiness() }));
  app.get('/ready', async (c) => {
    if (deps.isStopping()) return c.json({ status: 'stopping' }, 503);
    return c.json({ status: await deps.readiness() });
  });
  app.get('/details', deps.requireIntakeToken, async (c) => c.json(await deps.details()));
  return app;
}
