import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathFor } from '../../src/i18n/routes.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import type { TestServer } from '../helpers/server.ts';
import {
  fillTip,
  focusedId,
  gotoTipPage,
  openPage,
  REFERENCE_PATTERN,
  startTipServer,
  waitForHydration,
} from './tip-form-support.ts';

// What the island adds with JavaScript, against the real server: validation
// on blur, the character count, the personal-data warning, one request per
// send, the failure and rate-limit notices with the text kept, the revealed
// fields, values typed before hydration — and the page's JavaScript budget.

/** Issue 3 §2: the tip page ships at most 20 KB of gzipped JavaScript in total. */
const JS_BUDGET_BYTES = 20_000;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTipServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const tipUrl = (locale: 'sv' | 'en' | 'ar' = 'sv') => server.url + pathFor('report', locale);
const errorOf = (page: Page, field: string) => page.locator(`#tip-${field}-error`).textContent();

describe('the JavaScript budget', () => {
  it('every script the tip page loads, inline ones included, is at most 20 KB gzipped in total', async () => {
    const { context, page, watch } = await openPage(browser);
    const scripts: { name: string; bytes: number; gzipped: number }[] = [];
    const bodies: string[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        response.body().then((body) => {
          bodies.push(body.toString('utf8'));
          scripts.push({
            name: new URL(response.url()).pathname,
            bytes: body.length,
            gzipped: gzipSync(body, { level: 9 }).length,
          });
        }),
      );
    });
    await gotoTipPage(page, tipUrl());
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const inline = await page.$$eval('script:not([src])', (nodes) =>
      nodes
        .map((node) => ({ type: node.getAttribute('type') ?? '', text: node.textContent ?? '' }))
        .filter((script) => script.type === '' || /javascript|module/.test(script.type))
        .map((script) => script.text),
    );
    for (const [index, text] of inline.entries()) {
      scripts.push({
        name: `inline #${index + 1}`,
        bytes: Buffer.byteLength(text),
        gzipped: gzipSync(text, { level: 9 }).length,
      });
    }
    await context.close();

    const total = scripts.reduce((sum, script) => sum + script.gzipped, 0);
    console.info(
      [
        `tip page JavaScript: ${total} bytes gzipped (budget ${JS_BUDGET_BYTES})`,
        ...scripts.map(
          (script) =>
            `  ${String(script.gzipped).padStart(6)} gz ${String(script.bytes).padStart(6)} raw  ${script.name}`,
        ),
      ].join('\n'),
    );
    expect(scripts.some((script) => script.name.includes('TipFormIsland'))).toBe(true);
    // The strings travel in the page as props, not in the bundle.
    expect(bodies.join('\n')).not.toMatch(/Det finns ett problem|There is a problem|توجد مشكلة/);
    expect(total).toBeLessThanOrEqual(JS_BUDGET_BYTES);
    expect(watch.problems).toEqual([]);
  });
});

describe('validation with the shared schema', () => {
  it('on blur: an error appears beside the field (no summary), and goes once the value is fixed', async () => {
    const { context, page } = await openPage(browser);
    await gotoTipPage(page, tipUrl('en'));
    // Passing an empty required field is not an error yet.
    await page.focus('#tip-description');
    await page.focus('#tip-place');
    expect(await page.locator('.tip-error-message').count()).toBe(0);
    await page.fill('#tip-description', 'too short');
    await page.focus('#tip-place');
    const shown = {
      error: await errorOf(page, 'description'),
      invalid: await page.getAttribute('#tip-description', 'aria-invalid'),
      summary: await page.locator('#tip-error-summary').count(),
    };
    await page.fill('#tip-description', 'Long enough now, ten or more.');
    const fixed = await page.locator('#tip-description-error').count();
    await context.close();
    expect(shown).toEqual({
      error: 'Error: The description must be at least 10 characters',
      invalid: 'true',
      summary: 0,
    });
    expect(fixed).toBe(0);
  });

  it('a date in the future is refused by the browser the way the server would', async () => {
    const { context, page } = await openPage(browser);
    await gotoTipPage(page, tipUrl('en'));
    await page.check('#tip-when-date');
    await page.fill('#tip-whenDate', '2099-01-01');
    await page.focus('#tip-description');
    const error = await errorOf(page, 'whenDate');
    await context.close();
    expect(error).toBe('Error: The date cannot be later than today');
  });
});

describe('the character count', () => {
  it('counts like the schema (emoji as one), says how many are too many, and tells screen readers after a pause', async () => {
    const { context, page } = await openPage(browser);
    await gotoTipPage(page, tipUrl('en'));
    const visible = () => page.textContent('#tip-description-count');
    const initial = await visible();
    // 3,990 letters + 11 emoji = 4,001 characters (4,012 UTF-16 units).
    await page.fill('#tip-description', `${'a'.repeat(3990)}${'😀'.repeat(11)}`);
    const over = await visible();
    await page.waitForFunction(
      () => document.querySelector('#tip-description-count + [aria-live]')?.textContent?.includes('too many'),
      undefined,
      { timeout: 5000 },
    );
    await page.fill('#tip-description', `${'😀'.repeat(3999)}\r\n`);
    const boundary = await visible();
    await context.close();
    expect(initial).toBe('You have 4,000 characters remaining');
    expect(over).toBe('You have 1 character too many');
    expect(boundary).toBe('You have 1 character remaining');
  });
});

describe('the personal-data warning', () => {
  it('holds the first send back once and takes focus; the second send goes through', async () => {
    const { context, page, watch } = await openPage(browser);
    await gotoTipPage(page, tipUrl('sv'));
    await fillTip(page, tipFixture('personal-data').fields);
    await page.click('#tip-submit');
    await page.waitForSelector('#tip-personal-data:focus');
    const warning = await page.textContent('#tip-personal-data');
    const postsAfterFirst = watch.tipPosts();
    await page.click('#tip-submit');
    await page.waitForSelector('#tip-confirmation-heading:focus');
    await context.close();
    expect(warning).toContain('ett personnummer, ett telefonnummer och en e-postadress');
    expect(warning).toContain('tryck på ”Skicka tipset” igen');
    expect(postsAfterFirst).toBe(0);
    expect(watch.tipPosts()).toBe(1);
  });

  it('shows on blur, and goes away when the text no longer has it', async () => {
    const { context, page } = await openPage(browser);
    await gotoTipPage(page, tipUrl('en'));
    await page.fill('#tip-description', 'Ring mig på 070-123 45 67 om det behövs.');
    await page.focus('#tip-place');
    const shown = await page.locator('#tip-personal-data').count();
    await page.fill('#tip-description', 'Ring mig om det behövs.');
    const after = await page.locator('#tip-personal-data').count();
    await context.close();
    expect(shown).toBe(1);
    expect(after).toBe(0);
  });
});

describe('sending', () => {
  it('a second click while sending sends nothing more; the button says it is busy', async () => {
    const { context, page, watch } = await openPage(browser);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Hold the (real) request briefly, as a slow network would.
    await context.route('**/api/tips', async (route) => {
      await held;
      await route.continue();
    });
    await gotoTipPage(page, tipUrl('sv'));
    await fillTip(page, tipFixture('full-swedish').fields);
    await page.click('#tip-submit');
    await page.waitForSelector('#tip-submit[aria-disabled="true"]');
    const busyText = await page.textContent('#tip-submit');
    // A real second click and Enter (page.click would wait for the button to stop being aria-disabled).
    const box = await page.locator('#tip-submit').boundingBox();
    if (!box) throw new Error('the submit button has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.press('Enter');
    release();
    await page.waitForSelector('#tip-confirmation-heading:focus');
    const title = await page.title();
    await context.close();
    expect(busyText).toBe('Skickar …');
    expect(watch.tipPosts()).toBe(1);
    expect(title).toMatch(/^Tack, vi har fått ditt tips/);
  });

  it('hidden fields stay home: contact details typed and then unticked are not sent', async () => {
    const { context, page } = await openPage(browser);
    await gotoTipPage(page, tipUrl('en'));
    expect(await page.isVisible('#tip-contactEmail')).toBe(false);
    expect(await page.isVisible('#tip-whenDate')).toBe(false);
    await fillTip(page, { ...tipFixture('minimal').fields, contactWanted: 'on', contactEmail: 'me@example.com' });
    await page.uncheck('#tip-contactWanted');
    const [request] = await Promise.all([page.waitForRequest('**/api/tips'), page.click('#tip-submit')]);
    await page.waitForSelector('#tip-confirmation-heading:focus');
    await context.close();
    const body = request.postDataJSON() as Record<string, unknown>;
    expect(body).not.toHaveProperty('contactEmail');
    expect(body).not.toHaveProperty('contactWanted');
    expect(body).toMatchObject({ lang: 'en', website: '', category: 'unsafe-place' });
    expect(request.headers()['content-type']).toBe('application/json');
  });

  it('values typed before the island hydrated (a slow phone) are kept and sent', async () => {
    const { context, page } = await openPage(browser);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await context.route(/TipFormIsland[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // Not 'domcontentloaded': that waits for module scripts, which are held.
    await page.goto(tipUrl('sv'), { waitUntil: 'commit' });
    await page.waitForSelector('#tip-description');
    await fillTip(page, tipFixture('minimal').fields);
    expect(await page.locator('#tip-description-count').count()).toBe(0);
    release();
    await waitForHydration(page);
    const count = await page.textContent('#tip-description-count');
    const [request] = await Promise.all([page.waitForRequest('**/api/tips'), page.click('#tip-submit')]);
    await page.waitForSelector('#tip-confirmation-heading:focus');
    await context.close();
    expect(count).toBe('Du har 3\u00a0933 tecken kvar');
    expect(request.postDataJSON()).toMatchObject(tipFixture('minimal').fields);
  });

  it('a refused form token (e.g. expired): the form is posted the ordinary way and comes back with a fresh token and the text', async () => {
    const { context, page, watch } = await openPage(browser);
    // Serve the real page with its token spoiled, as one that had expired would be refused.
    await context.route(tipUrl('en'), async (route) => {
      // Only the page as served; the ordinary post goes to the same URL and is answered as it is.
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      const html = (await response.text()).replace(/v2\.\d+\.[A-Za-z0-9_-]{43}/g, 'v2.1.spoiled');
      await route.fulfill({ response, body: html });
    });
    await gotoTipPage(page, tipUrl('en'));
    await fillTip(page, tipFixture('minimal').fields);
    const [navigation] = await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    // The answer opens at its top, focused: the summary is in it.
    await page.waitForSelector('#tip-answer:focus #tip-error-summary');
    const summary = await page.textContent('#tip-error-summary');
    const description = await page.inputValue('#tip-description');
    await page.click('#tip-submit');
    await page.waitForSelector('#tip-confirmation-heading:focus');
    await context.close();
    expect(navigation?.status()).toBe(422);
    expect(summary).toContain('The form could not be checked');
    expect(description).toBe(tipFixture('minimal').fields.description);
    // One refused fetch, one ordinary post, one accepted fetch.
    expect(watch.tipPosts()).toBe(3);
  });

  it('when the server cannot be reached: a notice with the alternatives takes focus, the text is kept', async () => {
    const own = await startTipServer();
    const { context, page } = await openPage(browser);
    await gotoTipPage(page, own.url + pathFor('report', 'en'));
    await fillTip(page, tipFixture('minimal').fields);
    await own.stop();
    await page.click('#tip-submit');
    await page.waitForSelector('#tip-outcome:focus', { timeout: 10_000 });
    const notice = await page.textContent('#tip-outcome');
    const description = await page.inputValue('#tip-description');
    await context.close();
    expect(notice).toContain('The tip could not be sent');
    expect(notice).toContain('trygghet@huge.se');
    expect(notice).toContain('112');
    expect(description).toBe(tipFixture('minimal').fields.description);
  });

  it('when rate limited: how long to wait and other ways to reach Huge; the text is kept and can be sent later', async () => {
    const limited = await startTipServer({ RATE_LIMIT_CLIENT_TIPS: '1/10m' });
    try {
      const { context, page } = await openPage(browser);
      await gotoTipPage(page, limited.url + pathFor('report', 'sv'));
      await fillTip(page, tipFixture('minimal').fields);
      await page.click('#tip-submit');
      await page.waitForSelector('#tip-confirmation-heading:focus');
      await gotoTipPage(page, limited.url + pathFor('report', 'sv'));
      await fillTip(page, tipFixture('happening-now').fields);
      await page.click('#tip-submit');
      await page.waitForSelector('#tip-outcome:focus');
      const notice = await page.textContent('#tip-outcome');
      const description = await page.inputValue('#tip-description');
      const focus = await focusedId(page);
      await context.close();
      expect(notice).toMatch(/Försök igen om ungefär (\d+ minuter|en minut)\./);
      expect(notice).toContain('trygghet@huge.se');
      expect(notice).toContain('114 14');
      expect(description).toBe(tipFixture('happening-now').fields.description);
      expect(focus).toBe('tip-outcome');
    } finally {
      await limited.stop();
    }
  });
});

describe('the confirmation', () => {
  it('is the same after a fetch as after a no-JavaScript post, and the reference is spelled out for screen readers', async () => {
    const texts: string[] = [];
    for (const javaScriptEnabled of [true, false]) {
      const { context, page } = await openPage(browser, { javaScriptEnabled });
      await gotoTipPage(page, tipUrl('en'), { hydrated: javaScriptEnabled });
      await fillTip(page, tipFixture('minimal').fields);
      await Promise.all([
        javaScriptEnabled ? page.waitForSelector('#tip-confirmation-heading:focus') : page.waitForNavigation(),
        page.click('#tip-submit'),
      ]);
      const reference = (await page.textContent('.tip-reference')) ?? '';
      const spoken = await page.textContent('.tip-panel__reference .tip-visually-hidden');
      expect(reference).toMatch(REFERENCE_PATTERN);
      expect(spoken).toBe(`${[...reference.slice(0, 4)].join(' ')}, ${[...reference.slice(5)].join(' ')}`);
      const text = await page.$eval('.tip-confirmation', (element) => (element as HTMLElement).innerText);
      texts.push(
        text
          .replaceAll(reference, 'REF')
          .replace(spoken ?? '', 'SPOKEN')
          .replace(/\n{2,}/g, '\n'),
      );
      await context.close();
    }
    const [withScript, withoutScript] = texts;
    // The island adds a copy button; everything else is the same text.
    expect(withScript?.replace('Copy the number\n', '')).toBe(withoutScript);
    expect(withoutScript).toContain('trygghet@huge.se');
    expect(withoutScript).toContain('Send another tip');
  });
});
