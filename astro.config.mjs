// @ts-check
import { writeFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { buildSettingsFromEnvironment } from './src/config/config.ts';

const buildSettings = buildSettingsFromEnvironment();

// Hono (src/web) is the front layer: it serves dist/client itself and
// calls Astro, built in middleware mode, only for pages rendered per request.
export default defineConfig({
  site: buildSettings.siteUrl,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  adapter: node({ mode: 'middleware' }),
  integrations: [
    preact(),
    {
      // The server compares these with its runtime configuration at start-up.
      name: 'build-settings',
      hooks: {
        'astro:build:done': ({ dir }) => {
          writeFileSync(new URL('../build-settings.json', dir), JSON.stringify(buildSettings));
        },
      },
    },
  ],
  devToolbar: { enabled: false },
  prefetch: false,
  // No `security.csp`: pages carry no inline script or style, and the front
  // layer sends one strict CSP header for every response (src/web/security-headers.ts).
  vite: {
    build: { assetsInlineLimit: 0 },
    define: {
      'import.meta.env.RETENTION_DAYS': JSON.stringify(buildSettings.retentionDays),
    },
  },
});
