import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, type BuildSettings, type Config } from '../config/config.ts';

/** The build (`npm run build`); the same two levels up from src/web/ and from the bundle in dist/app/. */
const DIST = new URL('../../dist/', import.meta.url);

/** The built static site that the front layer serves. */
export const CLIENT_DIR = fileURLToPath(new URL('client/', DIST));

/** Astro's server build (middleware mode), for the pages rendered per request. */
export const ASTRO_SERVER_ENTRY = new URL('server/entry.mjs', DIST);

/** The prerendered pages state SITE_URL and RETENTION_DAYS; serving them with other values would mislead. */
export function assertBuiltWith(config: Config): void {
  let built: BuildSettings;
  try {
    built = JSON.parse(readFileSync(new URL('build-settings.json', DIST), 'utf8')) as BuildSettings;
  } catch {
    throw new ConfigError(['dist/build-settings.json: the site is not built; run `npm run build` (npm start does)']);
  }
  const problems: string[] = [];
  if (built.siteUrl !== config.siteUrl.href && built.siteUrl !== config.siteUrl.origin) {
    problems.push(`SITE_URL: the site was built for ${built.siteUrl}; rebuild with this value`);
  }
  if (built.retentionDays !== config.retentionDays) {
    problems.push(
      `RETENTION_DAYS: the privacy page was built stating ${built.retentionDays} days; rebuild with this value`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
}
