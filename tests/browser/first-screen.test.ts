import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../src/i18n/locales.ts';
import { PAGE_IDS, pathFor } from '../../src/i18n/routes.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { AXE_TAGS } from './tip-form-support.ts';

// The first screen on a phone (375 × 800 px), with and without JavaScript, in
// Swedish and in Arabic: the quick exit and the urgent help (112) are in
// view, the header leaves room for the page (its h1 starts in the upper half),
// and the tip form's heading is in the first screen. The menu folds into a
// "Meny" disclosure that opens without JavaScript.

const PHONE = { width: 375, height: 800 };
/** Where every page's h1 must start, at the latest: the header used to take ~410 px of the 800. */
const H1_TOP_LIMIT = 360;
const SCREEN_LOCALES: Locale[] = ['sv', 'ar'];

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface FirstScreen {
  quickExit: { top: number; bottom: number } | null;
  emergencyCall: { top: number; bottom: number } | null;
  h1: { top: number; bottom: number } | null;
  scrollWidth: number;
}

/** Where the parts that must be in the first screen are, in CSS pixels from the top of the viewport. */
function firstScreen(page: Page): Promise<FirstScreen> {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) return null;
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || rect.height === 0) return null;
      return { top: Math.round(rect.top), bottom: Math.round(rect.bottom) };
    };
    return {
      quickExit: box('a[data-quick-exit]'),
      emergencyCall: box('.urgent a[href="tel:112"]'),
      h1: box('main h1'),
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
}

const inView = (part: { top: number; bottom: number } | null) =>
  part !== null && part.top >= 0 && part.bottom <= PHONE.height;

describe.each(SCREEN_LOCALES)('the first screen of every %s page on a 375 px phone', (locale) => {
  it.each(['on', 'off'])('JavaScript %s: quick exit and 112 in view, the h1 high up', async (javaScript) => {
    const javaScriptEnabled = javaScript === 'on';
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
    const page = await context.newPage();
    const problems: string[] = [];
    const tops: number[] = [];
    for (const id of PAGE_IDS) {
      const path = pathFor(id, locale);
      await page.goto(server.url + path);
      const screen = await firstScreen(page);
      if (!inView(screen.quickExit)) problems.push(`${path}: quick exit at ${JSON.stringify(screen.quickExit)}`);
      if (!inView(screen.emergencyCall)) problems.push(`${path}: 112 at ${JSON.stringify(screen.emergencyCall)}`);
      if (!screen.h1 || screen.h1.top >= H1_TOP_LIMIT) problems.push(`${path}: h1 at ${JSON.stringify(screen.h1)}`);
      if (screen.scrollWidth > PHONE.width) problems.push(`${path}: ${screen.scrollWidth} px wide`);
      if (screen.h1) tops.push(screen.h1.top);
    }
    await context.close();
    expect(problems).toEqual([]);
    console.info(`${locale}, JavaScript ${javaScript}: h1 starts at ${Math.min(...tops)}–${Math.max(...tops)} px`);
  });

  it.each(['on', 'off'])('JavaScript %s: the tip form’s heading is in the first screen', async (javaScript) => {
    const javaScriptEnabled = javaScript === 'on';
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(server.url + pathFor('report', locale));
    const screen = await firstScreen(page);
    const heading = await page.textContent('main h1');
    await context.close();
    expect(inView(screen.h1), JSON.stringify(screen.h1)).toBe(true);
    expect(heading?.trim()).not.toBe('');
    expect(inView(screen.quickExit) && inView(screen.emergencyCall)).toBe(true);
  });

  it('the quick exit stays in view when the page is scrolled', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(server.url + pathFor('privacy', locale));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    const screen = await firstScreen(page);
    await context.close();
    expect(inView(screen.quickExit), JSON.stringify(screen.quickExit)).toBe(true);
  });

  it('the menu opens without JavaScript and lists every menu page', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + pathFor('help', locale));
    const closed = await page.isVisible('.main-nav--compact a[href]');
    await page.click('.menu__toggle');
    const links = await page.$$eval('.main-nav--compact a', (anchors) =>
      anchors.filter((a) => a.getBoundingClientRect().height > 0).map((a) => a.getAttribute('href')),
    );
    const current = await page.getAttribute(`.main-nav--compact a[href="${pathFor('help', locale)}"]`, 'aria-current');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    await context.close();
    expect(closed).toBe(false);
    expect(links).toEqual(
      (['agreement', 'partners', 'situational-picture', 'help', 'report'] as const).map((id) => pathFor(id, locale)),
    );
    expect(current).toBe('page');
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
  });
});

describe('the open menu', () => {
  it.each(LOCALES)('in %s: no axe violations, and at 320 px nothing wider than the screen', async (locale) => {
    for (const width of [375, 320]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(server.url + pathFor('home', locale));
      await page.click('.menu__toggle');
      const axe = await new AxeBuilder({ page })
        .options({ resultTypes: ['violations'] })
        .withTags(AXE_TAGS)
        .setLegacyMode(true)
        .analyze();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      await context.close();
      expect(axe.violations.map((violation) => violation.id)).toEqual([]);
      expect(scrollWidth).toBeLessThanOrEqual(width);
    }
  });

  it('is a row of links on a wide screen, with no disclosure', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url + pathFor('home', 'sv'));
    const wide = await page.isVisible('.main-nav--wide a[href]');
    const toggle = await page.isVisible('.menu__toggle');
    await context.close();
    expect({ wide, toggle }).toEqual({ wide: true, toggle: false });
  });
});
