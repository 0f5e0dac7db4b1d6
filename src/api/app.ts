import { Hono } from 'hono';
import { healthRoutes, type HealthDeps } from './routes/health.ts';
import { tipRoutes, type TipRouteDeps } from './routes/tips.ts';

export interface ApiDeps {
  health: HealthDeps;
  tips: TipRouteDeps;
  /** The OpenAPI 3.1 document served at /api/openapi.json (built once at start-up). */
  openApi: Record<string, unknown>;
  /** Extra route groups mounted under /api (e.g. the intake queue), by path. */
  extraRoutes?: Record<string, Hono>;
}

/** Where the API is mounted. */
export const API_PREFIX = '/api';

/**
 * The API's routes, mounted by the web's router under `/api`. JSON only;
 * routes know services only through `deps`. Errors, unknown paths and wrong
 * methods are answered by `errorResponder` (src/api/error-response.ts),
 * which the router calls for every path under `/api`: a sub-app's own
 * onError would wrap every route in a promise.
 */
export function createApiApp(deps: ApiDeps): Hono {
  const api = new Hono();
  api.route('/health', healthRoutes(deps.health));
  api.route('/tips', tipRoutes(deps.tips));
  const openApi = JSON.stringify(deps.openApi);
  api.get('/openapi.json', function openApiDocument() {
    return new Response(openApi, { headers: { 'Content-Type': 'application/json' } });
  });
  for (const [path, routes] of Object.entries(deps.extraRoutes ?? {})) api.route(path, routes);
  return api;
}
