import { execFileSync } from 'node:child_process';

/**
 * Builds once (`npm run build`: the site, its precompressed files and the
 * server bundle) before any test file runs, so parallel workers never build
 * into dist/ at the same time. SKIP_BUILD=1 reuses an existing build.
 */
export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  execFileSync('npm', ['run', 'build', '--silent'], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}
