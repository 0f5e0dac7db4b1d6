import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathFor } from '../../src/i18n/routes.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import type { TestServer } from '../helpers/server.ts';
import { fillTip, focusedId, gotoTipPage, openPage, REFERENCE_PATTERN, startTipServer } from './tip-form-support.ts';

// Sending a tip from the real page to the real server: by keyboard alone,
// with JavaScript disabled (an ordinary form post answered with a page),
// with a category preselected by a focus-area link. No cookie is set and no
// request leaves the origin on the way.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTipServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Presses Tab until the element with `id` has focus; returns every id focus passed through. */
async function tabTo(page: Page, id: string, limit = 60): Promise<string[]> {
  const passed: string[] = [];
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await focusedId(page);
    passed.push(focused);
    if (focused === id) return passed;
  }
  throw new Error(`Tab never reached #${id}; passed ${passed.join(', ')}`);
}

const offOrigin = (requests: string[]) =>
  requests.filter((line) => new URL(line.slice(line.indexOf(' ') + 1)).origin !== server.url);

describe('with JavaScript, by keyboard alone', () => {
  it.each(['sv', 'ar'] as const)('%s: Tab, Space, arrow keys and Enter reach the confirmation', async (locale) => {
    const { context, page, watch } = await openPage(browser);
    await gotoTipPage(page, server.url + pathFor('report', locale));
    const passed: string[] = [];
    passed.push(...(await tabTo(page, 'tip-category-unsafe-place')));
    await page.keyboard.press('Space');
    passed.push(...(await tabTo(page, 'tip-area-flemingsberg')));
    // Arrow keys move through a radio group and choose as they go (in RTL too).
    await page.keyboard.press('ArrowDown');
    expect(await focusedId(page)).toBe('tip-area-segeltorp');
    passed.push(...(await tabTo(page, 'tip-place')));
    await page.keyboard.type('Gångtunneln vid stationen');
    // "When" has its last option ("not said") chosen, so Tab lands on it.
    passed.push(...(await tabTo(page, 'tip-when-unsaid')));
    await page.keyboard.press('ArrowUp');
    expect(await focusedId(page)).toBe('tip-when-recurring');
    passed.push(...(await tabTo(page, 'tip-description')));
    await page.keyboard.type(tipFixture('minimal').fields.description ?? '');
    passed.push(...(await tabTo(page, 'tip-submit')));
    await page.keyboard.press('Enter');
    await page.waitForSelector('#tip-confirmation-heading:focus');
    const reference = await page.textContent('.tip-reference');
    const cookies = await context.cookies();
    await context.close();

    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(passed).not.toContain('tip-website');
    expect(watch.tipPosts()).toBe(1);
    expect(watch.problems).toEqual([]);
    expect(cookies).toEqual([]);
    expect(offOrigin(watch.requests)).toEqual([]);
  });

  it('an empty send moves focus to the error summary, and its links take focus to the field', async () => {
    const { context, page, watch } = await openPage(browser);
    await gotoTipPage(page, server.url + pathFor('report', 'en'));
    await tabTo(page, 'tip-submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#tip-error-summary:focus');
    const title = await page.title();
    const links = await page.$$eval('#tip-error-summary a', (anchors) => anchors.map((a) => a.getAttribute('href')));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const afterFirstLink = await focusedId(page);
    await context.close();

    expect(title).toMatch(/^Error: Send a tip/);
    expect(links).toEqual(['#tip-category-unsafe-place', '#tip-area-flemingsberg', '#tip-description']);
    expect(afterFirstLink).toBe('tip-category-unsafe-place');
    expect(watch.tipPosts()).toBe(0);
  });
});

describe('with JavaScript disabled', () => {
  it('a valid tip posts the form and the server answers with the confirmation page and the reference', async () => {
    const { context, page, watch } = await openPage(browser, { javaScriptEnabled: false });
    await gotoTipPage(page, server.url + pathFor('report', 'ar'), { hydrated: false });
    const fixture = tipFixture('arabic');
    await fillTip(page, fixture.fields);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    const reference = (await page.textContent('.tip-reference')) ?? '';
    const heading = await page.textContent('h1');
    const cookies = await context.cookies();
    const url = page.url();
    await context.close();

    expect(response?.status()).toBe(200);
    expect(heading).toBe('شكرًا لك، لقد وصلتنا معلومتك');
    expect(reference).toMatch(REFERENCE_PATTERN);
    // Posted to the page itself; the answer opens at its top (#tip-answer).
    expect(url).toBe(`${server.url}/ar/report/#tip-answer`);
    expect(url).not.toContain(reference);
    expect(cookies).toEqual([]);
    expect(offOrigin(watch.requests)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });

  it('the contact fields are visible without JavaScript and travel with the post', async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false });
    await gotoTipPage(page, server.url + pathFor('report', 'sv'), { hydrated: false });
    expect(await page.isVisible('#tip-contactEmail')).toBe(true);
    expect(await page.isVisible('#tip-whenDate')).toBe(true);
    await fillTip(page, tipFixture('contact-wanted').fields);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    const reference = await page.textContent('.tip-reference');
    await context.close();
    expect(response?.status()).toBe(200);
    expect(reference).toMatch(REFERENCE_PATTERN);
  });

  it('an invalid tip comes back (422) with the error summary, inline errors and every value kept', async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false });
    await gotoTipPage(page, server.url + pathFor('report', 'sv'), { hydrated: false });
    const place = 'Vid ”Gula huset” <b>';
    const description = 'kort';
    await fillTip(page, { ...tipFixture('invalid-many').fields, place, description, contactWanted: 'on' });
    await page.fill('#tip-contactPhone', '070-123 45 67');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    const summary = await page.$$eval('#tip-error-summary a', (anchors) => anchors.map((a) => a.textContent));
    const state = {
      title: await page.title(),
      place: await page.inputValue('#tip-place'),
      description: await page.inputValue('#tip-description'),
      whenDate: await page.isChecked('#tip-when-date'),
      contactWanted: await page.isChecked('#tip-contactWanted'),
      phone: await page.inputValue('#tip-contactPhone'),
      invalid: await page.getAttribute('#tip-description', 'aria-invalid'),
      describedBy: await page.getAttribute('#tip-description', 'aria-describedby'),
    };
    await context.close();

    expect(response?.status()).toBe(422);
    expect(summary).toEqual([
      'Välj vad tipset gäller',
      'Välj var i Huddinge det är',
      'Fyll i datumet då det hände',
      'Beskrivningen måste vara minst 10 tecken',
    ]);
    expect(state).toEqual({
      title: expect.stringMatching(/^Fel: Lämna ett tips/),
      place,
      description,
      whenDate: true,
      contactWanted: true,
      phone: '070-123 45 67',
      invalid: 'true',
      describedBy: expect.stringContaining('tip-description-error'),
    });
  });

  it('the form after a 422 keeps the idempotency key, and sends once corrected', async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false });
    await gotoTipPage(page, server.url + pathFor('report', 'en'), { hydrated: false });
    const key = await page.inputValue('input[name="idempotencyKey"]');
    await fillTip(page, { ...tipFixture('minimal').fields, description: 'short' });
    await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    expect(await page.inputValue('input[name="idempotencyKey"]')).toBe(key);
    await page.fill('#tip-description', tipFixture('minimal').fields.description ?? '');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    const reference = await page.textContent('.tip-reference');
    await context.close();
    expect(response?.status()).toBe(200);
    expect(reference).toMatch(REFERENCE_PATTERN);
  });
});

describe('the same care without JavaScript, on a 375 × 800 phone', () => {
  const phone = { javaScriptEnabled: false, width: 375, height: 800 };

  it('errors: the answer opens at the error summary, first in the content and in the first screen; its links move focus to the fields', async () => {
    const { context, page } = await openPage(browser, phone);
    await gotoTipPage(page, server.url + pathFor('report', 'sv'), { hydrated: false });
    await fillTip(page, { ...tipFixture('invalid-many').fields });
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    const url = page.url();
    const summary = await page.locator('#tip-error-summary').boundingBox();
    const firstInMain = await page.evaluate(
      () => document.querySelector('#main .tip-page')?.firstElementChild?.querySelector('#tip-error-summary') !== null,
    );
    // For review (git-ignored): what a phone shows when the answer opens.
    const screenshot = await page.screenshot({ path: 'tests/screenshots/tip-errors-no-js-375.png' });
    // The page opened at its answer, focused, so a screen reader starts there and Tab goes on from it.
    const focusedOnLanding = await focusedId(page);
    await page.keyboard.press('Tab');
    const firstLink = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    await page.keyboard.press('Enter');
    const afterKeyboard = await focusedId(page);
    // Pointer: the description's link.
    await page.click('#tip-error-summary a[href="#tip-description"]');
    const afterClick = await focusedId(page);
    await context.close();

    expect(response?.status()).toBe(422);
    expect(url).toBe(`${server.url}/tipsa/#tip-answer`);
    expect(firstInMain).toBe(true);
    expect(summary).not.toBeNull();
    expect(summary?.y).toBeGreaterThanOrEqual(0);
    expect((summary?.y ?? 0) + (summary?.height ?? 0)).toBeLessThanOrEqual(800);
    expect(screenshot.byteLength).toBeGreaterThan(0);
    expect(focusedOnLanding).toBe('tip-answer');
    expect(firstLink).toBe('#tip-category-unsafe-place');
    expect(afterKeyboard).toBe('tip-category-unsafe-place');
    expect(afterClick).toBe('tip-description');
  });

  it('personal data in the text: the send is held once with the warning and a box; ticked, the tip is sent', async () => {
    const { context, page, watch } = await openPage(browser, phone);
    await gotoTipPage(page, server.url + pathFor('report', 'en'), { hydrated: false });
    const fixture = tipFixture('personal-data');
    await fillTip(page, fixture.fields);
    const [held] = await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    const notice = await page.locator('#tip-personal-data-held').boundingBox();
    await page.screenshot({ path: 'tests/screenshots/tip-personal-data-held-no-js-375.png' });
    const heldText = (await page.textContent('#tip-personal-data-held')) ?? '';
    const focusedWhenHeld = await focusedId(page);
    const kept = await page.inputValue('#tip-description');
    const boxLabel = await page.textContent('label[for="tip-personalDataConfirmed"]');
    // Sent again without ticking: held again, nothing stored.
    const [again] = await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    const stillHeld = await page.locator('#tip-personal-data-held').count();
    await page.click('#tip-personal-data-held a[href="#tip-personalDataConfirmed"]');
    const focusedBox = await focusedId(page);
    await page.check('#tip-personalDataConfirmed');
    const [sent] = await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    const reference = await page.textContent('.tip-reference');
    await context.close();

    expect(held?.status()).toBe(200);
    expect(notice?.y).toBeGreaterThanOrEqual(0);
    expect((notice?.y ?? 0) + (notice?.height ?? 0)).toBeLessThanOrEqual(800);
    expect(focusedWhenHeld).toBe('tip-answer');
    expect(heldText).toContain('The text seems to contain personal data');
    expect(heldText).toMatch(/personal identity number, a phone number and an email address/);
    expect(heldText).toContain('The tip has not been sent yet.');
    expect(kept).toBe(fixture.fields.description);
    expect(boxLabel).toBe('I want to send the tip as it is');
    expect(again?.status()).toBe(200);
    expect(stillHeld).toBe(1);
    expect(focusedBox).toBe('tip-personalDataConfirmed');
    expect(sent?.status()).toBe(200);
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(watch.problems).toEqual([]);
  });

  it('personal data taken out of the text after the hold: the tip is sent without the box', async () => {
    const { context, page } = await openPage(browser, phone);
    await gotoTipPage(page, server.url + pathFor('report', 'sv'), { hydrated: false });
    await fillTip(page, tipFixture('personal-data').fields);
    await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    await page.fill('#tip-description', 'Någon säljer narkotika vid gångtunneln varje kväll.');
    const [sent] = await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    const reference = await page.textContent('.tip-reference');
    await context.close();
    expect(sent?.status()).toBe(200);
    expect(reference).toMatch(REFERENCE_PATTERN);
  });
});

describe('entered text on a page the server renders', () => {
  it('markup, quotes and bidi controls come back as inert text, in the fields and in the island’s props', async () => {
    // Scripts of the site served empty: anything that runs would be injected.
    const { context, page, watch } = await openPage(browser, { withoutScripts: true });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await gotoTipPage(page, server.url + pathFor('report', 'sv'), { hydrated: false });
    const { place = '', description = '' } = tipFixture('injection').fields;
    await fillTip(page, { category: 'other', area: 'segeltorp', place, description: `${description}\u0007` });
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    const kept = { place: await page.inputValue('#tip-place'), description: await page.inputValue('#tip-description') };
    const props = JSON.parse((await page.getAttribute('#tip-form-island', 'data-props')) ?? '{}') as {
      values: Record<string, string>;
    };
    const injected = await page.locator('img[src="x"], script:not([src]):not([type])').count();
    await context.close();

    expect(response?.status()).toBe(422);
    expect(kept).toEqual({ place, description: `${description}\u0007` });
    expect(props.values.place).toBe(place);
    expect(injected).toBe(0);
    expect(dialogs).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});

describe('a category preselected by a focus-area link (?category=)', () => {
  it('is chosen, and its focus area is offered first, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { context, page } = await openPage(browser, { javaScriptEnabled });
      await gotoTipPage(page, `${server.url}${pathFor('report', 'en')}?category=alcohol-doping-tobacco-gambling`, {
        hydrated: javaScriptEnabled,
      });
      const order = await page.$$eval('input[name="category"]', (inputs) =>
        inputs.map((input) => (input as HTMLInputElement).value),
      );
      const checked = await page.$$eval('input[name="category"]:checked', (inputs) =>
        inputs.map((input) => (input as HTMLInputElement).value),
      );
      await context.close();
      expect(checked, `JavaScript ${javaScriptEnabled}`).toEqual(['alcohol-doping-tobacco-gambling']);
      expect(order.slice(0, 2)).toEqual(['drugs', 'alcohol-doping-tobacco-gambling']);
      expect(order.at(-1)).toBe('other');
    }
  });

  it('an unknown category preselects nothing and keeps the list order', async () => {
    const { context, page } = await openPage(browser);
    const status = await gotoTipPage(page, `${server.url}${pathFor('report', 'sv')}?category=%22%3E%3Cscript%3E`);
    const checked = await page.locator('input[name="category"]:checked').count();
    const first = await page.getAttribute('input[name="category"] >> nth=0', 'value');
    await context.close();
    expect(status).toBe(200);
    expect(checked).toBe(0);
    expect(first).toBe('unsafe-place');
  });
});
