import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import type { TestServer } from '../helpers/server.ts';
import { postTipJson, referenceIn } from '../helpers/tip-client.ts';
import { axeViolations } from './tip-form-support.ts';
import { signInInBrowser, staffCli, startStaffServer } from './staff-support.ts';

/**
 * axe (WCAG 2.0–2.2 A/AA) finds nothing on any staff page in any state it
 * can be in: every sign-in state, the start page per role, the inbox (with
 * tips, unread, filtered to nothing, paged), a tip in each state (personal
 * data, a refused form, a done notice, notes, redacted, closed), the audit
 * trail, the staff list (and its refused form), 403, 404, a refused post
 * and too many sign-ins. At 320 px (the narrowest phone) and at 1280 px.
 */

let server: TestServer;
/** Allows one sign-in attempt, for the "too many" page. */
let limited: TestServer;
let browser: Browser;
let personal: string;
let plain: string;

const STATES: { name: string; violations: string[] }[] = [];

async function check(page: Page, name: string): Promise<void> {
  expect(await page.getAttribute('html', 'lang'), name).toBe('sv');
  STATES.push({ name: `${name} @${page.viewportSize()?.width}`, violations: await axeViolations(page) });
}

beforeAll(async () => {
  // One at a time: three start-ups at once on a loaded machine can outlast the start-up timeout.
  server = await startStaffServer({
    RATE_LIMIT_CLIENT_TIPS: '1000/1m',
    RATE_LIMIT_CLIENT_TIPS_PER_DAY: '1000',
    RATE_LIMIT_CLIENT_POSTS: '1000/1m',
  });
  limited = await startStaffServer({ RATE_LIMIT_STAFF_SIGNIN: '1/1h' });
  browser = await launchBrowser();
  await staffCli(server, 'add', 'anna@huge.se', '--role', 'admin');
  await staffCli(server, 'add', 'bo@huge.se', '--role', 'handler');
  await staffCli(server, 'add', 'lasse@huge.se', '--role', 'reader');
  for (let i = 0; i < 50; i += 1) await postTipJson(server.url, tipFixture('minimal').fields);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), limited?.stop()]);
});

describe('axe on every staff page', () => {
  it.each([320, 1280])('finds no violation in any state at %i px', { timeout: 400_000 }, async (width) => {
    // Fresh tips for each width: the states below change them.
    personal = referenceIn((await postTipJson(server.url, tipFixture('personal-data').fields)).body) ?? '';
    plain = referenceIn((await postTipJson(server.url, tipFixture('arabic').fields)).body) ?? '';
    const anonymous = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await anonymous.newPage();
    const at = (path: string) => page.goto(`${server.url}${path}`);

    await at('/personal/inloggning');
    await check(page, 'sign-in');
    await page.fill('#email', 'inte en adress');
    await page.click('button:has-text("Skicka länk")');
    await page.waitForSelector('.error-summary');
    await check(page, 'sign-in, refused address');
    for (const state of ['skickat', 'utloggad', 'misslyckad']) {
      await at(`/personal/inloggning?${state}`);
      await check(page, `sign-in ?${state}`);
    }
    await at(`/personal/inloggning/lank?kod=${'x'.repeat(43)}`);
    await check(page, 'link page');
    await page.click('button:has-text("Logga in")');
    await page.waitForSelector('h1:has-text("Länken fungerar inte")');
    await check(page, 'link failed');
    await at('/personal/inloggning/lank');
    await check(page, 'link page without its code');
    await at('/personal/finns-inte');
    await check(page, 'not found (anonymous)');
    // The limited server allows one attempt per hour from here: the first or second is refused.
    for (let i = 0; i < 2 && !(await page.locator('h1:has-text("För många försök")').count()); i += 1) {
      await page.goto(`${limited.url}/personal/inloggning`);
      await page.fill('#email', 'anna@huge.se');
      await page.click('button:has-text("Skicka länk")');
      await page.waitForLoadState();
    }
    await page.waitForSelector('h1:has-text("För många försök")');
    await check(page, 'too many sign-ins');
    await anonymous.close();

    for (const [email, role] of [
      ['lasse@huge.se', 'reader'],
      ['bo@huge.se', 'handler'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const rolePage = await context.newPage();
      await signInInBrowser(rolePage, server, email);
      await check(rolePage, `start (${role})`);
      if (role === 'reader') {
        await rolePage.goto(`${server.url}/personal/inkorg`);
        await check(rolePage, 'forbidden (reader at the inbox)');
      }
      await context.close();
    }

    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const admin = await context.newPage();
    await signInInBrowser(admin, server, 'anna@huge.se');
    const go = (path: string) => admin.goto(`${server.url}${path}`);
    await check(admin, 'start (admin)');
    await go('/personal/inkorg');
    await check(admin, 'inbox, first page, unread tips');
    await go('/personal/inkorg?sida=2');
    await check(admin, 'inbox, second page');
    await go('/personal/inkorg?omrade=segeltorp&vecka=2020-W01&sok=ingenting');
    await check(admin, 'inbox, filtered to nothing');

    await go(`/personal/tips/${personal}`);
    await check(admin, 'tip with personal data');
    await admin.check('#status-closed');
    await admin.click('button:has-text("Spara status")');
    await admin.waitForSelector('.error-summary');
    await check(admin, 'tip, refused status form');
    await admin.check('#status-in-lagesbild');
    await admin.fill('#summary', 'Hot mot boende i trapphus, Flemingsberg');
    await admin.click('button:has-text("Spara status")');
    await admin.waitForSelector('.notice--success');
    await check(admin, 'tip, done notice, in lägesbild');
    await admin.fill('#note', 'En intern anteckning.');
    await admin.click('button:has-text("Spara anteckning")');
    await admin.check('#redact-all');
    await admin.click('button:has-text("Ta bort")');
    await admin.waitForSelector('text=Uppgifterna är borttagna ur tipset.');
    await check(admin, 'tip, redacted, with a note');
    await go(`/personal/tips/${plain}`);
    await admin.check('#status-closed');
    await admin.selectOption('#reason', 'not-relevant');
    await admin.click('button:has-text("Spara status")');
    await admin.waitForSelector('.notice--success');
    await check(admin, 'tip in Arabic, closed');
    await go('/personal/tips/AAAA-AAAA');
    await check(admin, 'tip not found');

    await go('/personal/logg');
    await check(admin, 'audit trail');
    await go('/personal/logg?handling=export');
    await check(admin, 'audit trail, filtered to nothing');
    await go('/personal/personal');
    await check(admin, 'staff list');
    await admin.fill('#email', 'bo@huge.se');
    await admin.click('form[action="/personal/personal"] button[type="submit"]');
    await admin.waitForSelector('.error-summary');
    await check(admin, 'staff list, refused address');
    await go(`/personal/tips/${plain}`);
    await admin.evaluate(() => {
      for (const input of document.querySelectorAll<HTMLInputElement>('input[name="_csrf"]')) input.value = 'forged';
    });
    await admin.click('button:has-text("Spara anteckning")');
    await admin.waitForSelector('h1:has-text("Formuläret kunde inte skickas")');
    await check(admin, 'refused post');
    await context.close();

    const failing = STATES.filter((state) => state.violations.length > 0);
    expect(failing).toEqual([]);
    console.info(`axe: ${STATES.length} staff pages and states checked at ${width} px, 0 violations`);
    STATES.length = 0;
  });
});
