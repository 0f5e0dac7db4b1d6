import { Hono } from 'hono';
import { healthRoutes, type HealthDeps } from './routes/health.ts';

export type ApiDeps = HealthDeps;

/** The API, mounted by the front layer under `/api`. Routes know services only through `deps`. */
export function createApiApp(deps: ApiDeps): Hono {
  const api = new Hono();
  api.route('/health', healthRoutes(deps));
  return api;
}
