import { execFileSync } from 'node:child_process';

/**
 * Builds the site once before any test file runs, so parallel workers never
 * build into dist/ at the same time. SKIP_BUILD=1 reuses an existing build.
 */
export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  execFileSync(process.execPath, ['scripts/precompress.ts'], { stdio: 'inherit' });
}
