import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_INFO, LOCALES, type Locale } from '../../src/i18n/locales.ts';
import { pathFor } from '../../src/i18n/routes.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { htmlProblems } from '../helpers/html-validity.ts';
import type { TestServer } from '../helpers/server.ts';
import { rawRequest } from '../helpers/tip-client.ts';
import {
  axeViolations,
  fillTip,
  gotoTipPage,
  openPage,
  REFERENCE_PATTERN,
  startTipServer,
} from './tip-form-support.ts';

// axe (WCAG 2.0–2.2 A/AA) finds nothing on the tip page in every state it
// can be in, in every language, with JavaScript (the island) and without
// (the server's pages; scripts served empty, since axe cannot run with
// JavaScript disabled — tip-form-submit.test.ts posts with it disabled).
// The server's answers are valid HTML too (html-validate's standard rules).
// Narrow screen (320 px) unless said otherwise, since that is where target
// sizes and reflow are tightest.

let server: TestServer;
/** A server whose per-client tip limit is 1 per 10 minutes, for the rate-limited state. */
let limitedServer: TestServer;
/** A server that takes one post per client per 10 minutes, for the edge's "too many" page. */
let floodedServer: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, limitedServer, floodedServer, browser] = await Promise.all([
    startTipServer(),
    startTipServer({ RATE_LIMIT_CLIENT_TIPS: '1/10m' }),
    startTipServer({ RATE_LIMIT_CLIENT_POSTS: '1/10m' }),
    launchBrowser(),
  ]);
  // Use up the limited server's one tip, so every later tip from this address is refused.
  const first = await browser.newContext();
  const page = await first.newPage();
  await gotoTipPage(page, limitedServer.url + pathFor('report', 'sv'));
  await fillTip(page, tipFixture('minimal').fields);
  await page.click('#tip-submit');
  await page.waitForSelector('#tip-confirmation-heading');
  await first.close();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), limitedServer?.stop(), floodedServer?.stop()]);
});

/** Runs `arrange` on a fresh tip page in `locale`, checks lang/dir, and returns axe's violations. */
async function violationsIn(
  locale: Locale,
  arrange: (page: Page) => Promise<void>,
  { withoutScripts = false, width = 320, base = () => server.url } = {},
): Promise<string[]> {
  const { context, page, watch } = await openPage(browser, { withoutScripts, width });
  await gotoTipPage(page, base() + pathFor('report', locale), { hydrated: !withoutScripts });
  await arrange(page);
  if (withoutScripts) expect(await page.locator('#tip-description-count').count(), 'the island hydrated').toBe(0);
  expect(await page.getAttribute('html', 'lang')).toBe(locale);
  expect(await page.getAttribute('html', 'dir')).toBe(LOCALE_INFO[locale].dir);
  // Reflow (WCAG 1.4.10): nothing wider than the screen, so no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  // An answer to a post opens scrolled to its top (#tip-answer), where the sticky quick-exit bar
  // covers part of the menu above: axe's target-size rule counts such a scroll-dependent overlap
  // as a small target. Checked at the top of the page, as for every other state (what the answer
  // opens on is tested in tip-form-submit.test.ts).
  await page.evaluate(() => window.scrollTo(0, 0));
  const violations = await axeViolations(page);
  await context.close();
  expect(watch.problems).toEqual([]);
  return violations;
}

const submit = (page: Page) => page.click('#tip-submit');

describe.each(LOCALES)('the %s tip form with JavaScript: axe finds no violations', (locale) => {
  it('empty, at 320 px and at 1280 px', async () => {
    expect(await violationsIn(locale, async () => {})).toEqual([]);
    expect(await violationsIn(locale, async () => {}, { width: 1280 })).toEqual([]);
  });

  it('with errors (fixture invalid-many, sent): summary and inline errors', async () => {
    const violations = await violationsIn(locale, async (page) => {
      await fillTip(page, tipFixture('invalid-many').fields);
      await submit(page);
      await page.waitForSelector('#tip-error-summary:focus');
      expect(await page.locator('.tip-error-message').count()).toBe(4);
    });
    expect(violations).toEqual([]);
  });

  it('with the happening-now guidance', async () => {
    const violations = await violationsIn(locale, async (page) => {
      await page.check('#tip-when-now');
      await page.waitForSelector('#tip-urgent-now');
    });
    expect(violations).toEqual([]);
  });

  it('with the close-relationship guidance', async () => {
    const violations = await violationsIn(locale, async (page) => {
      await page.check('#tip-category-close-relationship-violence');
      await page.waitForSelector('#tip-urgent-close');
    });
    expect(violations).toEqual([]);
  });

  it('with the personal-data warning, held back at the first send', async () => {
    const violations = await violationsIn(locale, async (page) => {
      await fillTip(page, tipFixture('personal-data').fields);
      await submit(page);
      await page.waitForSelector('#tip-personal-data:focus');
    });
    expect(violations).toEqual([]);
  });

  it('with every revealed field shown (a date, contact wanted)', async () => {
    const violations = await violationsIn(locale, async (page) => {
      await fillTip(page, tipFixture('full-swedish').fields);
      await fillTip(page, { contactWanted: 'on', contactEmail: 'boende@example.se' });
    });
    expect(violations).toEqual([]);
  });

  it('on the confirmation', async () => {
    const violations = await violationsIn(locale, async (page) => {
      await fillTip(page, tipFixture('minimal').fields);
      await submit(page);
      await page.waitForSelector('#tip-confirmation-heading:focus');
    });
    expect(violations).toEqual([]);
  });

  it('when rate limited (the notice above the kept form)', async () => {
    const violations = await violationsIn(
      locale,
      async (page) => {
        await fillTip(page, tipFixture('minimal').fields);
        await submit(page);
        await page.waitForSelector('#tip-outcome:focus');
      },
      { base: () => limitedServer.url },
    );
    expect(violations).toEqual([]);
  });
});

describe.each(LOCALES)('the %s tip pages without scripts: axe finds no violations', (locale) => {
  it('the form, and the form again with errors (422)', async () => {
    const fresh = await fetch(server.url + pathFor('report', locale));
    expect(await htmlProblems(await fresh.text())).toEqual([]);
    expect(await violationsIn(locale, async () => {}, { withoutScripts: true })).toEqual([]);
    const violations = await violationsIn(
      locale,
      async (page) => {
        await fillTip(page, tipFixture('invalid-many').fields);
        const [response] = await Promise.all([page.waitForNavigation(), submit(page)]);
        expect(response?.status()).toBe(422);
        expect(await htmlProblems((await response?.text()) ?? '')).toEqual([]);
        expect(await page.locator('#tip-error-summary').count()).toBe(1);
      },
      { withoutScripts: true },
    );
    expect(violations).toEqual([]);
  });

  it('the form again with the urgent guidance and the personal-data warning', async () => {
    const violations = await violationsIn(
      locale,
      async (page) => {
        await fillTip(page, { ...tipFixture('personal-data').fields, category: 'close-relationship-violence' });
        await page.check('#tip-when-now');
        await page.fill('#tip-place', 'x'.repeat(201));
        const [response] = await Promise.all([page.waitForNavigation(), submit(page)]);
        expect(response?.status()).toBe(422);
        expect(await htmlProblems((await response?.text()) ?? '')).toEqual([]);
        for (const id of ['#tip-urgent-now', '#tip-urgent-close', '#tip-personal-data']) {
          expect(await page.locator(id).count(), id).toBe(1);
        }
      },
      { withoutScripts: true },
    );
    expect(violations).toEqual([]);
  });

  it('the confirmation page', async () => {
    const violations = await violationsIn(
      locale,
      async (page) => {
        await fillTip(page, tipFixture('minimal').fields);
        const [response] = await Promise.all([page.waitForNavigation(), submit(page)]);
        expect(response?.status()).toBe(200);
        expect(await htmlProblems((await response?.text()) ?? '')).toEqual([]);
        expect(await page.textContent('.tip-reference')).toMatch(REFERENCE_PATTERN);
      },
      { withoutScripts: true },
    );
    expect(violations).toEqual([]);
  });

  it('the form again, held for personal data in the text (with the box to send it as it is)', async () => {
    const violations = await violationsIn(
      locale,
      async (page) => {
        await fillTip(page, tipFixture('personal-data').fields);
        const [response] = await Promise.all([page.waitForNavigation(), submit(page)]);
        expect(response?.status()).toBe(200);
        for (const id of ['#tip-personal-data-held', '#tip-personal-data', '#tip-personalDataConfirmed']) {
          expect(await page.locator(id).count(), id).toBe(1);
        }
      },
      { withoutScripts: true },
    );
    expect(violations).toEqual([]);
  });

  it('the prerendered refusal pages (too many, another site, unreadable, too large, not a form)', async () => {
    const path = pathFor('report', locale);
    const form = 'application/x-www-form-urlencoded';
    const answers = {
      'too-many': async () => {
        await rawRequest(floodedServer.url + path, { method: 'POST', headers: { 'Content-Type': form }, body: 'a=b' });
        return rawRequest(floodedServer.url + path, { method: 'POST', headers: { 'Content-Type': form }, body: 'a=b' });
      },
      'cross-site': () =>
        rawRequest(server.url + path, {
          method: 'POST',
          headers: { 'Content-Type': form, 'Sec-Fetch-Site': 'cross-site' },
          body: 'a=b',
        }),
      malformed: () =>
        rawRequest(server.url + path, { method: 'POST', headers: { 'Content-Type': form }, body: 'a=1&a=2' }),
      'too-large': () =>
        rawRequest(server.url + path, {
          method: 'POST',
          headers: { 'Content-Type': form },
          body: `a=${'x'.repeat(70_000)}`,
        }),
      unsupported: () =>
        rawRequest(server.url + path, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' }),
    };
    const { context, page } = await openPage(browser, { withoutScripts: true, width: 320 });
    const problems: string[] = [];
    for (const [reason, answer] of Object.entries(answers)) {
      const { status, body } = await answer();
      expect(status, reason).toBeGreaterThanOrEqual(400);
      // Shown at a URL of the site, so its style sheet loads as it would after the post.
      const review = `${server.url}/review-${reason}/`;
      await context.route(review, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
      );
      await page.goto(review);
      expect(await page.getAttribute('html', 'lang'), reason).toBe(locale);
      problems.push(...(await axeViolations(page)).map((violation) => `${reason}: ${violation}`));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), reason).toBeLessThanOrEqual(320);
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('the rate-limited page (429)', async () => {
    const violations = await violationsIn(
      locale,
      async (page) => {
        await fillTip(page, tipFixture('minimal').fields);
        const [response] = await Promise.all([page.waitForNavigation(), submit(page)]);
        expect(response?.status()).toBe(429);
        expect(await htmlProblems((await response?.text()) ?? '')).toEqual([]);
        expect(await response?.headerValue('Retry-After')).toMatch(/^\d+$/);
      },
      { withoutScripts: true, base: () => limitedServer.url },
    );
    expect(violations).toEqual([]);
  });
});
