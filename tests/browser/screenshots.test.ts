import { mkdirSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { easyReadPath } from '../../src/i18n/easy-read.ts';
import { pathFor } from '../../src/i18n/routes.ts';

// Screenshots for human review (tests/screenshots/ is git-ignored): the home
// page, a focus-area page, the Arabic, Finnish and Somali home pages and the
// easy-to-read home page, on a phone and a desktop.
const OUT_DIR = 'tests/screenshots';
const PAGES = [
  { name: 'home-sv', path: pathFor('home', 'sv') },
  { name: 'focus-close-relationships-sv', path: pathFor('focus/close-relationships', 'sv') },
  { name: 'home-ar', path: pathFor('home', 'ar') },
  { name: 'home-fi', path: pathFor('home', 'fi') },
  { name: 'home-so', path: pathFor('home', 'so') },
  { name: 'home-lattlast', path: easyReadPath('home') },
  { name: 'report-lattlast', path: easyReadPath('report') },
];
const WIDTHS = [360, 1280];

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('screenshots for review', () => {
  for (const width of WIDTHS) {
    it(`writes the pages at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      for (const { name, path } of PAGES) {
        await page.goto(server.url + path);
        const file = `${OUT_DIR}/${name}-${width}.png`;
        await page.screenshot({ path: file, fullPage: true });
        expect(statSync(file).size, file).toBeGreaterThan(5_000);
      }
      await context.close();
    });
  }
});
