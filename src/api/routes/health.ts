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
  /**
   * "degraded" when a dependency works only through its fallback (e.g. the
   * rate-limit store); rejects when the store does not answer. A value, not
   * a promise, when it is known without asking (see `rememberedSuccess`).
   */
  readiness: () => Readiness | Promise<Readiness>;
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
 *
 * Answered synchronously when the readiness is known (no middleware, plain
 * header records): @hono/node-server then writes the answer without a
 * promise or a Web Headers object, which is most of what a health check costs.
 */
export function healthRoutes(deps: HealthDeps): Hono {
  const app = new Hono();
  const status = (): Response | Promise<Response> => {
    const readiness = deps.readiness();
    if (typeof readiness === 'string') return answer(200, { status: readiness });
    return readiness.then((known) => answer(200, { status: known }));
  };
  app.get('/', function health() {
    return status();
  });
  app.get('/ready', function ready() {
    return deps.isStopping() ? answer(503, { status: 'stopping' }) : status();
  });
  app.get('/details', deps.requireIntakeToken, async function details() {
    return answer(200, await deps.details());
  });
  return app;
}

function answer(code: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: code,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
}
