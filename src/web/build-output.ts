import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, type BuildSettings, type Config } from '../config/config.ts';

/** The build (`npm run build`); the same two levels up from src/web/ and from the bundle in dist/app/. */
const DIST = new URL('../../dist/', import.meta.url);

/** The built static site that the front layer serves. */
export const CLIENT_DIR = fileURLToPath(new URL('client/', DIST));

/** Astro's server build (middleware mode), for the pages rendered per request. */
export const ASTRO_SERVER_ENTRY = new URL('server/entry.mjs', DIST);

/**
 * Why the build in dist/ cannot be served with these settings, one message
 * each (empty when it can): the prerendered pages state SITE_URL and
 * RETENTION_DAYS, and serving them with other values would mislead. With no
 * settings (they are invalid, and reported as such) only a missing build is.
 */
export function buildProblems(settings: BuildSettings | undefined): string[] {
  let built: BuildSettings;
  try {
    built = JSON.parse(readFileSync(new URL('build-settings.json', DIST), 'utf8')) as BuildSettings;
  } catch {
    return ['dist/build-settings.json: the site is not built; run `npm run build` (npm start does)'];
  }
  if (!settings) return [];
  const problems: string[] = [];
  const site = new URL(settings.siteUrl);
  if (built.siteUrl !== site.href && built.siteUrl !== site.origin) {
    problems.push(`SITE_URL: the site was built for ${built.siteUrl}; rebuild with this value`);
  }
  if (built.retentionDays !== settings.retentionDays) {
    problems.push(
      `RETENTION_DAYS: the privacy page was built stating ${built.retentionDays} days; rebuild with this value`,
    );
  }
  return problems;
}

/** Throws `ConfigError` when the build cannot be served with `config` (see buildProblems). */
export function assertBuiltWith(config: Config): void {
  const problems = buildProblems({ siteUrl: config.siteUrl.href, retentionDays: config.retentionDays });
  if (problems.length > 0) throw new ConfigError(problems);
}
