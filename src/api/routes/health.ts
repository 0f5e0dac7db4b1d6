import { Hono } from 'hono';

export type Readiness = 'ok' | 'degraded';

export interface HealthDeps {
  /** Liveness is answering at all; readiness says whether every dependency works as configured. */
  readiness: () => Promise<Readiness>;
}

/** `GET /api/health`: public, and deliberately says nothing beyond ok/degraded. */
export function healthRoutes({ readiness }: HealthDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const status = await readiness();
    c.header('Cache-Control', 'no-store');
    return c.json({ status });
  });
  return app;
}
