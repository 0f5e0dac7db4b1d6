// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { siteUrlFromEnvironment } from './src/api/config.ts';
import { CSP_DIRECTIVES } from './src/server/security-headers.ts';

// Hono (src/server) is the front layer: it serves dist/client itself and
// calls Astro, built in middleware mode, only for pages rendered per request.
export default defineConfig({
  site: siteUrlFromEnvironment(),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  adapter: node({ mode: 'middleware' }),
  integrations: [preact()],
  devToolbar: { enabled: false },
  prefetch: false,
  security: {
    csp: { directives: [...CSP_DIRECTIVES] },
  },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
