import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_INFO, LOCALES, type Locale } from '../../src/i18n/locales.ts';
import { PAGE_IDS, notFoundPathFor, pathFor } from '../../src/i18n/routes.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import type { TestServer } from '../helpers/server.ts';
import { fillTip, gotoTipPage, openPage, startTipServer } from './tip-form-support.ts';

// On every right-to-left page, every run of Latin script (a Swedish place or
// partner name, an email address, a reference) must be isolated from the
// Arabic around it, or its brackets and punctuation come out jumbled
// ("Vårby (ومعها Vårby gård وMasmo)"). A DOM walk in a real Chromium: each
// text node with a Latin letter is either inside an element that switches to
// left-to-right and is isolated (`bdi`, `[dir]`, or a block of its own), or
// has each Latin letter between isolate marks (U+2066/U+2068 … U+2069).

const RTL_LOCALES = LOCALES.filter((locale) => LOCALE_INFO[locale].dir === 'rtl');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTipServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Latin text on the page that is not isolated from the right-to-left text around it, one line each. */
function unisolatedLatin(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const latin = /\p{Script=Latin}/u;
    const style = (element: Element) => getComputedStyle(element);
    /** The element where left-to-right begins above `element` is isolated from the right-to-left text around it. */
    const inIsolatedLtr = (element: Element): boolean => {
      for (let at: Element | null = element; at && at !== document.documentElement; at = at.parentElement) {
        if (style(at).direction === 'rtl') return false;
        const parent = at.parentElement;
        if (!parent || style(parent).direction === 'rtl') {
          const { unicodeBidi, display } = style(at);
          return ['isolate', 'isolate-override', 'plaintext'].includes(unicodeBidi) || !display.startsWith('inline');
        }
      }
      return false;
    };
    /** Every Latin letter of `text` lies between an isolate initiator (LRI, FSI) and its PDI. */
    const isolatedInText = (text: string): boolean => {
      let depth = 0;
      for (const char of text) {
        if (char === '\u2066' || char === '\u2068') depth += 1;
        else if (char === '\u2069') depth = Math.max(0, depth - 1);
        else if (latin.test(char) && depth === 0) return false;
      }
      return true;
    };
    const problems: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node as Text).data;
      const parent = node.parentElement;
      if (!parent || !latin.test(text) || parent.closest('script, style, template')) continue;
      if (inIsolatedLtr(parent) || isolatedInText(text)) continue;
      const where = parent.id ? `#${parent.id}` : `${parent.tagName.toLowerCase()}.${parent.className}`;
      problems.push(`${where}: "${text.trim().slice(0, 80)}"`);
    }
    return problems;
  });
}

describe.each(RTL_LOCALES)('every %s page', (locale: Locale) => {
  it('isolates every Latin name and address, on every page of the site and the 404 page', async () => {
    const { context, page } = await openPage(browser, { width: 375 });
    const found: string[] = [];
    for (const path of [...PAGE_IDS.map((id) => pathFor(id, locale)), notFoundPathFor(locale)]) {
      await page.goto(server.url + path);
      for (const problem of await unisolatedLatin(page)) found.push(`${path} ${problem}`);
    }
    await context.close();
    expect(found).toEqual([]);
  });

  it('on the tip form without JavaScript (every hint and conditional field shown)', async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false, width: 375 });
    await gotoTipPage(page, server.url + pathFor('report', locale), { hydrated: false });
    const found = await unisolatedLatin(page);
    await context.close();
    expect(found).toEqual([]);
  });

  it('on the tip form with JavaScript: the notices, contact fields, errors and the confirmation', async () => {
    const { context, page } = await openPage(browser, { width: 375 });
    await gotoTipPage(page, server.url + pathFor('report', locale));
    await page.check('#tip-when-now');
    await page.check('#tip-category-close-relationship-violence');
    await fillTip(page, { contactWanted: 'on', contactEmail: 'not an address' });
    await page.click('#tip-submit');
    await page.waitForSelector('#tip-error-summary:focus');
    const withErrors = await unisolatedLatin(page);
    await gotoTipPage(page, server.url + pathFor('report', locale));
    await fillTip(page, tipFixture('minimal').fields);
    await page.click('#tip-submit');
    await page.waitForSelector('#tip-confirmation-heading:focus');
    const onConfirmation = await unisolatedLatin(page);
    await context.close();
    expect({ withErrors, onConfirmation }).toEqual({ withErrors: [], onConfirmation: [] });
  });

  it('(the check finds an unisolated name: a control case)', async () => {
    const { context, page } = await openPage(browser, { width: 375 });
    await page.goto(server.url + pathFor('home', locale));
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.textContent = 'Vårby (ومعها Vårby gård وMasmo)';
      document.querySelector('main')?.append(probe);
    });
    const found = await unisolatedLatin(page);
    await context.close();
    expect(found).toEqual(['p.: "Vårby (ومعها Vårby gård وMasmo)"']);
  });
});
