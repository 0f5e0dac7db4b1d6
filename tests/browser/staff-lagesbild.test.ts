import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathFor } from '../../src/i18n/routes.ts';
import { localDateOf, shiftWeek, weekOf } from '../../src/platform/stockholm-week.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import type { TestServer } from '../helpers/server.ts';
import { postTipJson, referenceIn } from '../helpers/tip-client.ts';
import { signInInBrowser, staffCli, startStaffServer, tabTo } from './staff-support.ts';
import { axeViolations, fillTip, gotoTipPage, HIGH_LIMITS, openPage } from './tip-form-support.ts';

/**
 * The weekly lägesbild in the pinned Chromium against the built server, as
 * a new user would try it (issue 11's "done when"): tips sent from the
 * public form, moved to the lägesbild in the inbox, a police observation
 * added with the keyboard only, the week opened, printed to an A4 PDF and
 * read back, the CSV downloaded and parsed, the week frozen with the
 * keyboard only, and a reader signing in to see it. Then the week, the
 * trend and a frozen version without JavaScript, and axe on every
 * lägesbild page in every state at 320 and 1280 px.
 */

/** A4 is 210 mm wide; the print stylesheet's @page leaves 10 mm each side: 190 mm of CSS pixels (96 per inch). */
const A4_CONTENT_PX = Math.floor((190 / 25.4) * 96);
/** An A4 page in PDF points. */
const A4_POINTS = { width: 595.92, height: 842.88 };

let server: TestServer;
let browser: Browser;
/** The server runs on the real clock: the tests work in this week, Stockholm time. */
const week = weekOf(Date.now());
const today = localDateOf(Date.now());
const weekUrl = () => `${server.url}/personal/lagesbild/${week}`;
const summaries = ['Narkotikaförsäljning i källaringång', 'Stök vid busshållplatsen i kväll'];
const policeSummary = 'Polisen: ökad langning vid torget';

beforeAll(async () => {
  server = await startStaffServer(HIGH_LIMITS);
  browser = await launchBrowser();
  await staffCli(server, 'add', 'anna@huge.se', '--role', 'admin');
  await staffCli(server, 'add', 'bo@huge.se', '--role', 'handler');
  await staffCli(server, 'add', 'lasse@huge.se', '--role', 'reader');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(email: string, options: { width?: number; javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  await signInInBrowser(page, server, email);
  return { context, page };
}

/** Types into the focused control, then Tab to the next one (keyboard only). */
async function typeAndTab(page: Page, text: string): Promise<void> {
  if (text) await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

describe('a new user tries the lägesbild', () => {
  let references: string[] = [];
  let handler: { context: BrowserContext; page: Page };

  it('sends tips from the public form and moves them to the lägesbild in the inbox', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false });
    await gotoTipPage(page, server.url + pathFor('report', 'sv'), { hydrated: false });
    await fillTip(page, tipFixture('full-swedish').fields);
    await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    const first = (await page.textContent('.tip-reference')) ?? '';
    await context.close();
    const second = referenceIn((await postTipJson(server.url, tipFixture('happening-now').fields)).body) ?? '';
    references = [first, second];
    expect(references.every((reference) => /^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(reference))).toBe(true);

    handler = await signedIn('bo@huge.se');
    const { page: work } = handler;
    for (const [index, reference] of references.entries()) {
      await work.goto(`${server.url}/personal/inkorg`);
      await work.click(`a:has-text("${reference}")`);
      await work.check('#status-in-lagesbild');
      await work.fill('#summary', summaries[index] ?? '');
      await Promise.all([work.waitForNavigation(), work.click('button:has-text("Spara status")')]);
      await work.waitForSelector('.notice--success');
    }
    await work.click('a:has-text("Lägesbild")');
    await work.waitForURL(weekUrl());
    const text = await work.textContent('main');
    for (const summary of summaries) expect(text).toContain(summary);
    expect(text).not.toContain(tipFixture('full-swedish').fields.description?.slice(0, 40));
  });

  it('adds a police observation with the keyboard only', { timeout: 60_000 }, async () => {
    const { page } = handler;
    await page.goto(weekUrl());
    await tabTo(page, '#obs-source', 300);
    await typeAndTab(page, 'Polisen');
    await typeAndTab(page, 'Narkotika');
    await typeAndTab(page, 'Skogås');
    await typeAndTab(page, 'Torget');
    await typeAndTab(page, today);
    await typeAndTab(page, '21:30');
    await typeAndTab(page, policeSummary);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Lägg till observationen');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.textContent('[role="status"]')).toContain('Observationen är tillagd.');
    const entry = page.locator('.entries li', { hasText: policeSummary });
    expect(await entry.textContent()).toContain('Polisen');
    expect(await entry.textContent()).toContain('Torget');
    expect(await page.locator('#per-omrade tfoot td').first().textContent()).toBe('2');
  });

  it('prints the week on A4: no navigation or forms, the tables within the width, the PDF holds them', async () => {
    const { page } = handler;
    await page.goto(weekUrl());
    await page.setViewportSize({ width: A4_CONTENT_PX, height: 1100 });
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => {
      const visible = (selector: string) =>
        [...document.querySelectorAll<HTMLElement>(selector)].filter((element) => element.offsetParent !== null).length;
      const widest = Math.max(
        ...[...document.querySelectorAll<HTMLElement>('main table, main svg, main h1, main p')].map(
          (element) => element.getBoundingClientRect().right,
        ),
      );
      return {
        forms: visible('main form, .staff-nav, .staff-user'),
        tables: visible('main table'),
        scrollWidth: document.documentElement.scrollWidth,
        widest,
        chartFilter: getComputedStyle(document.querySelector('svg.lagesbild-chart') as Element).filter,
      };
    });
    expect(layout.forms).toBe(0);
    expect(layout.tables).toBeGreaterThanOrEqual(6);
    expect(layout.scrollWidth).toBeLessThanOrEqual(A4_CONTENT_PX);
    expect(layout.widest).toBeLessThanOrEqual(A4_CONTENT_PX);
    expect(layout.chartFilter).toBe('grayscale(1)');

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const info = await parser.getInfo({ parsePageInfo: true });
      expect(info.total).toBeGreaterThanOrEqual(2);
      expect(info.total).toBeLessThanOrEqual(10);
      for (const sheet of info.pages) {
        expect(Math.abs(sheet.width - A4_POINTS.width)).toBeLessThan(2);
        expect(Math.abs(sheet.height - A4_POINTS.height)).toBeLessThan(2);
      }
      const { text } = await parser.getText();
      for (const words of [
        `Lägesbild vecka ${Number(week.slice(6))}`,
        'Per område',
        'Tips och observationer per område och händelse',
        'Skogås',
        policeSummary,
        ...summaries,
      ]) {
        expect(text).toContain(words);
      }
      for (const absent of ['Lägg till en observation', 'Logga ut', 'Fastställ veckan', 'Hoppa till innehållet']) {
        expect(text).not.toContain(absent);
      }
    } finally {
      await parser.destroy();
    }
  });

  it('downloads the week counts as CSV that a spreadsheet reads back', async () => {
    const { page } = handler;
    const response = await page.request.get(`${weekUrl()}/antal.csv`);
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="lagesbild-${week}-antal.csv"`);
    const bytes = await response.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(81);
    expect(rows.reduce((sum, row) => sum + Number(row['Tips']), 0)).toBe(2);
    expect(rows.reduce((sum, row) => sum + Number(row['Observationer']), 0)).toBe(1);
    expect(rows.find((row) => row['Område'] === 'Skogås' && row['Händelse']?.startsWith('Narkotika'))).toMatchObject({
      Tips: '1',
      Observationer: '1',
      Totalt: '2',
    });
  });

  it('freezes the week with the keyboard only', async () => {
    const { page } = handler;
    await page.goto(weekUrl());
    await tabTo(page, '#freeze-week', 400);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.textContent('[role="status"]')).toContain('Veckan är fastställd.');
    expect(await page.textContent('#status-rad')).toContain('Fastställd som version 1');
  });

  it('shows a reader the week, the frozen version and no tip text', async () => {
    const reader = await signedIn('lasse@huge.se');
    try {
      expect(reader.page.url()).toBe(weekUrl());
      const main = (await reader.page.textContent('main')) ?? '';
      for (const summary of [...summaries, policeSummary]) expect(main).toContain(summary);
      for (const reference of references) expect(main).not.toContain(reference);
      expect(main).not.toContain(tipFixture('happening-now').fields.description?.slice(0, 30));
      expect(await reader.page.locator('main form').count()).toBe(0);
      await reader.page.click('#status-rad a:has-text("version 1")');
      expect(await reader.page.textContent('h1')).toContain('version 1');
      expect(await reader.page.textContent('main')).toContain(policeSummary);
    } finally {
      await reader.context.close();
      await handler.context.close();
    }
  });
});

describe('without JavaScript', () => {
  it('shows the week, the trend and a frozen version, and takes a form', { timeout: 120_000 }, async () => {
    const { context, page } = await signedIn('bo@huge.se', { javaScriptEnabled: false });
    try {
      for (const [path, heading, table] of [
        [`/personal/lagesbild/${week}`, 'Lägesbild vecka', '#matris-totalt'],
        ['/personal/lagesbild/trend', 'Trend', '#trend-tabell'],
        [`/personal/lagesbild/${week}/version/1`, 'version 1', '#per-omrade'],
      ] as const) {
        const response = await page.goto(`${server.url}${path}`);
        expect(response?.status(), path).toBe(200);
        expect(await page.textContent('h1')).toContain(heading);
        expect(await page.locator(`${table} tbody tr`).count()).toBeGreaterThan(0);
        expect(await page.content()).not.toContain('<script');
      }
      await page.goto(`${server.url}/personal/lagesbild/${week}`);
      await page.fill('#notes-text', 'Anteckning skriven utan JavaScript.');
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Spara anteckningarna")')]);
      expect(await page.textContent('.meeting-notes')).toBe('Anteckning skriven utan JavaScript.');
      expect(await page.textContent('#status-rad')).toContain('Ändrad sedan version 1');
    } finally {
      await context.close();
    }
  });
});

describe('axe on every lägesbild page', () => {
  it.each([320, 1280])('finds no violation in any state at %i px', { timeout: 400_000 }, async (width) => {
    const states: { name: string; violations: string[] }[] = [];
    const { context, page } = await signedIn('anna@huge.se', { width });
    const check = async (name: string) => {
      expect(await page.getAttribute('html', 'lang'), name).toBe('sv');
      states.push({ name: `${name} @${width}`, violations: await axeViolations(page) });
    };
    const go = (path: string) => page.goto(`${server.url}/personal/lagesbild${path}`);
    try {
      await go(`/${shiftWeek(week, -20)}`);
      await check('empty week');
      await go(`/${week}`);
      // An entry of its own, so the test also runs alone.
      await page.selectOption('#obs-source', 'sbff');
      await page.selectOption('#obs-category', 'fire-setting');
      await page.selectOption('#obs-area', 'trangsund');
      await page.fill('#obs-date', today);
      await page.fill('#obs-summary', `Brand i soprum (axe ${width})`);
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Lägg till observationen")')]);
      await check('week with data');
      await page.click('button:has-text("Lägg till observationen")');
      await page.waitForSelector('.error-summary');
      await check('week, refused observation');
      await page.fill('#atgard-what', 'Ny belysning vid torget');
      await page.click('button:has-text("Lägg till åtgärden")');
      await page.waitForSelector('.error-summary');
      await check('week, refused action');
      await go(`/${week}`);
      await page.fill('#atgard-what', 'Ny belysning vid torget');
      await page.selectOption('#atgard-who', 'huddinge-kommun');
      await page.fill('#atgard-dueOn', today);
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Lägg till åtgärden")')]);
      await check('week with an action, done notice');
      await Promise.all([page.waitForNavigation(), page.click('#freeze-week')]);
      await check('frozen week');
      await page.click('#status-rad a');
      await check('version view');
      await go(`/${week}`);
      await page.click('.entries li a:has-text("Ändra")');
      await check('entry edit');
      await page.fill('textarea[name="summary"]', '');
      await page.click('button:has-text("Spara ändringen")');
      await page.waitForSelector('.error-summary');
      await check('entry edit, refused');
      await go(`/${week}`);
      await page.click('#atgarder-tabell a:has-text("Ändra")');
      await check('action edit');
      await go('/trend');
      await check('trend, three years');
      await go('/trend?till=fel');
      await check('trend, refused week');
      await go('/sammanstallning?period=2026');
      await check('roll-up, a year');
      await go('/sammanstallning?period=2026-Q9');
      await check('roll-up, refused period');
      await go('/2026-W99');
      await check('not a week');
    } finally {
      await context.close();
    }
    const reader = await signedIn('lasse@huge.se', { width });
    try {
      states.push({ name: `reader, week @${width}`, violations: await axeViolations(reader.page) });
      await reader.page.goto(`${server.url}/personal/lagesbild/${week}/version/1`);
      states.push({ name: `reader, version @${width}`, violations: await axeViolations(reader.page) });
    } finally {
      await reader.context.close();
    }
    const failing = states.filter((state) => state.violations.length > 0);
    if (failing.length > 0) console.error(JSON.stringify(failing, null, 1));
    expect(failing).toEqual([]);
    console.info(`axe: ${states.length} lägesbild pages and states checked at ${width} px, 0 violations`);
  });
});
