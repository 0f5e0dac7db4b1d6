import { Hono } from 'hono';
import { errorResponder, type FieldMessages } from './error-response.ts';
import { NotFoundError } from '../http/errors.ts';
import type { Logger } from '../platform/logger.ts';
import { healthRoutes, type HealthDeps } from './routes/health.ts';
import { tipRoutes, type TipRouteDeps } from './routes/tips.ts';

export interface ApiDeps {
  logger: Logger;
  fieldMessages: FieldMessages;
  health: HealthDeps;
  tips: TipRouteDeps;
  /** The OpenAPI 3.1 document served at /api/openapi.json (built once at start-up). */
  openApi: Record<string, unknown>;
  /** Extra route groups mounted under /api (e.g. the intake queue), by path. */
  extraRoutes?: Record<string, Hono>;
}

/** The API, mounted by the front layer under `/api`. Routes know services only through `deps`. */
export function createApiApp(deps: ApiDeps): Hono {
  const api = new Hono();
  api.route('/health', healthRoutes(deps.health));
  api.route('/tips', tipRoutes(deps.tips));
  api.get('/openapi.json', (c) => c.json(deps.openApi));
  for (const [path, routes] of Object.entries(deps.extraRoutes ?? {})) api.route(path, routes);
  api.all('*', () => {
    throw new NotFoundError('no such API route');
  });
  api.onError(errorResponder(deps.logger, deps.fieldMessages));
  return api;
}
