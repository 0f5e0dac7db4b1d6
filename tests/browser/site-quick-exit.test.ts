import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { NEUTRAL_EXIT_URL } from '../../src/components/site/quick-exit-target.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { DYNAMIC_PAGE_IDS, PAGE_IDS, pathFor } from '../../src/i18n/routes.ts';

// The quick exit ("Lämna sidan snabbt") in a real Chromium: by click and by
// Shift pressed three times, Back must not return to the page it left, but
// does reach the site's page before it (what the privacy page tells); and
// every page works with JavaScript turned off. The neutral site is
// intercepted and answered locally, so no request leaves the machine.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const NEUTRAL_PAGE = '<!doctype html><html lang="sv"><title>Väder</title><h1>Väder</h1></html>';

/** A context whose requests to the neutral site are answered locally. */
async function exitContext(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, ...options });
  await context.route(`${NEUTRAL_EXIT_URL}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: NEUTRAL_PAGE }),
  );
  return context;
}

/** Opens `before`, then `left` (so history is before → left), and returns the page on `left`. */
async function visitTwo(context: BrowserContext, before: string, left: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url + before);
  await page.goto(server.url + left);
  return page;
}

describe('the quick exit with JavaScript', () => {
  it('is the first thing Tab reaches after the skip link', async () => {
    const context = await exitContext();
    const page = await context.newPage();
    await page.goto(server.url + pathFor('privacy', 'en'));
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.className);
    await page.keyboard.press('Tab');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-quick-exit'));
    await context.close();
    expect(first).toBe('skip-link');
    expect(second).toBe('');
  });

  it('by click: leaves for the neutral site, and Back does not return to the page it left', async () => {
    const context = await exitContext();
    const before = pathFor('help', 'sv');
    const left = pathFor('focus/close-relationships', 'sv');
    const page = await visitTwo(context, before, left);
    await Promise.all([page.waitForURL(`${NEUTRAL_EXIT_URL}**`), page.click('a[data-quick-exit]')]);
    await page.goBack();
    const backAt = new URL(page.url()).pathname;
    await context.close();
    expect(backAt).toBe(before);
  });

  it('by Shift pressed three times: the same, from an Arabic page', async () => {
    const context = await exitContext();
    const before = pathFor('home', 'ar');
    const left = pathFor('privacy', 'ar');
    const page = await visitTwo(context, before, left);
    await Promise.all([
      page.waitForURL(`${NEUTRAL_EXIT_URL}**`),
      (async () => {
        for (let press = 0; press < 3; press += 1) await page.keyboard.press('Shift');
      })(),
    ]);
    await page.goBack();
    const backAt = new URL(page.url()).pathname;
    await context.close();
    expect(backAt).toBe(before);
  });

  it('ignores Shift used together with other keys (capitals, Shift+Tab)', async () => {
    const context = await exitContext();
    const page = await context.newPage();
    const path = pathFor('home', 'en');
    await page.goto(server.url + path);
    for (let press = 0; press < 3; press += 1) await page.keyboard.press('Shift+KeyA');
    for (let press = 0; press < 3; press += 1) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    // The exit clears the page synchronously in the key handler, so a wrongly
    // triggered exit would already show here.
    const state = await page.evaluate(() => ({ path: location.pathname, children: document.body.childElementCount }));
    await context.close();
    expect(state.path).toBe(path);
    expect(state.children).toBeGreaterThan(0);
  });
});

describe('without JavaScript', () => {
  it('every page shows its content, menus and footer, and the quick exit is a plain link', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const pages = PAGE_IDS.filter((id) => !DYNAMIC_PAGE_IDS.includes(id));
    for (const locale of LOCALES) {
      for (const id of pages) {
        const path = pathFor(id, locale);
        const response = await page.goto(server.url + path);
        const state = await page.evaluate(() => ({
          h1: document.querySelectorAll('h1').length,
          mainText: document.querySelector('main')?.textContent?.trim().length ?? 0,
          menus: document.querySelectorAll('header nav a').length,
          footerLinks: document.querySelectorAll('footer a').length,
          exit: document.querySelector<HTMLAnchorElement>('a[data-quick-exit]')?.href,
        }));
        if (response?.status() !== 200) problems.push(`${path}: status ${response?.status()}`);
        if (state.h1 !== 1) problems.push(`${path}: ${state.h1} h1`);
        if (state.mainText < 200) problems.push(`${path}: main has only ${state.mainText} characters`);
        if (state.menus < 8) problems.push(`${path}: only ${state.menus} header links`);
        if (state.footerLinks < 10) problems.push(`${path}: only ${state.footerLinks} footer links`);
        if (state.exit !== NEUTRAL_EXIT_URL) problems.push(`${path}: quick exit goes to ${state.exit}`);
      }
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('the quick exit link still takes you to the neutral site; Back returns to the page left (as the privacy page says)', async () => {
    const context = await exitContext({ javaScriptEnabled: false });
    const before = pathFor('home', 'en');
    const left = pathFor('help', 'en');
    const page = await visitTwo(context, before, left);
    await Promise.all([page.waitForURL(`${NEUTRAL_EXIT_URL}**`), page.click('a[data-quick-exit]')]);
    const title = await page.title();
    await page.goBack();
    const backAt = new URL(page.url()).pathname;
    await context.close();
    expect(title).toBe('Väder');
    expect(backAt).toBe(left);
  });
});
