import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import type { TestServer } from '../helpers/server.ts';
import { fillTip, gotoTipPage } from './tip-form-support.ts';
import {
  nextSigninLink,
  signInInBrowser,
  signinEmailCount,
  staffCli,
  startStaffServer,
  tabTo,
} from './staff-support.ts';

/**
 * The staff side in the pinned Chromium against the built server, as a new
 * user tries it: an admin added with `npm run staff`, a tip sent from the
 * public form, sign-in with the link from the `.eml` file, triage, assign,
 * note, redact, close, sign-out; keyboard-only triage; and the public pages
 * unchanged (no cookie set, none read) while a staff member is signed in.
 */

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startStaffServer(), launchBrowser()]);
  await staffCli(server, 'add', 'anna@huge.se', '--role', 'admin');
  await staffCli(server, 'add', 'bo@huge.se', '--role', 'handler');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function sendTipFromForm(fixture: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await gotoTipPage(page, `${server.url}/tipsa/`);
  await fillTip(page, tipFixture(fixture).fields);
  await page.click('#tip-submit');
  // Personal data in the text: the form warns once, and a second press sends it as it is.
  await page.waitForSelector('#tip-confirmation-heading, .tip-notice--warning');
  if ((await page.locator('#tip-confirmation-heading').count()) === 0) await page.click('#tip-submit');
  await page.waitForSelector('#tip-confirmation-heading');
  const reference = (await page.textContent('.tip-reference'))?.trim();
  await context.close();
  if (!reference) throw new Error('no reference on the confirmation page');
  return reference;
}

describe('a day on the staff side', () => {
  it(
    'signs in with the link from the .eml file, triages, assigns, notes, redacts, closes and signs out',
    { timeout: 120_000 },
    async () => {
      const reference = await sendTipFromForm('personal-data');
      const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
      const page = await context.newPage();

      await page.goto(`${server.url}/personal/inkorg`);
      expect(new URL(page.url()).pathname).toBe('/personal/inloggning');
      const before = signinEmailCount(server);
      await page.fill('#email', 'anna@huge.se');
      await page.click('button:has-text("Skicka länk")');
      await expect.poll(() => page.textContent('main')).toContain('Titta i din e-post');

      await page.goto(await nextSigninLink(server, before));
      await page.click('button:has-text("Logga in")');
      await page.waitForURL(`${server.url}/personal`);
      const [cookie] = await context.cookies();
      expect(cookie).toMatchObject({
        name: '__Host-personal',
        path: '/',
        httpOnly: true,
        secure: true,
        sameSite: 'Strict',
      });
      expect(cookie?.domain).toBe('127.0.0.1');

      await page.click('nav >> text=Inkorg');
      const row = page.locator('tr', { has: page.locator(`a:text-is("${reference}")`) });
      await expect.poll(() => row.getAttribute('class')).toBe('unread');
      await row.locator('a').first().click();
      await expect.poll(() => page.textContent('h1')).toBe(`Tips ${reference}`);
      expect(await page.locator('mark.pii').count()).toBe(3);

      await page.check('#status-triaged');
      await page.click('button:has-text("Spara status")');
      await expect.poll(() => page.textContent('[role=status]')).toContain('Statusen är sparad.');
      await page.selectOption('#assignee', { label: 'anna@huge.se (du)' });
      await page.click('button:has-text("Spara handläggare")');
      await page.fill('#note', 'Ringer fastighetsskötaren i morgon.');
      await page.click('button:has-text("Spara anteckning")');
      await expect.poll(() => page.textContent('.notes')).toContain('Ringer fastighetsskötaren i morgon.');
      await page.check('#redact-all');
      await page.click('button:has-text("Ta bort")');
      await expect
        .poll(() => page.textContent('.description'))
        .toBe('Personen har personnummer [borttaget], ringer från [borttaget] och mejlar från [borttaget].');
      await page.check('#status-closed');
      await page.selectOption('#reason', 'handled');
      await page.click('button:has-text("Spara status")');
      await expect.poll(() => page.textContent('dl.fields')).toContain('Avslutad (Hanterat)');

      await page.click('nav >> text=Logg');
      const log = (await page.textContent('tbody')) ?? '';
      for (const action of [
        'Loggade in',
        'Öppnade tips',
        'Ändrade status',
        'Tilldelade',
        'Skrev anteckning',
        'Tog bort uppgifter',
      ]) {
        expect(log).toContain(action);
      }
      expect(log).toContain('39 tecken på 3 ställen');

      await page.click('button:has-text("Logga ut")');
      await expect.poll(() => page.textContent('main')).toContain('Du är utloggad.');
      expect(await context.cookies()).toEqual([]);
      await page.goto(`${server.url}/personal/inkorg`);
      expect(new URL(page.url()).pathname).toBe('/personal/inloggning');
      await context.close();
    },
  );

  it('triages with the keyboard alone', { timeout: 120_000 }, async () => {
    const reference = await sendTipFromForm('full-swedish');
    const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    await signInInBrowser(page, server, 'bo@huge.se');
    await page.goto(`${server.url}/personal/inkorg`);
    await tabTo(page, `a[href="/personal/tips/${reference}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/personal/tips/${reference}`);
    await tabTo(page, 'input[name="status"]:checked');
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('#status-triaged')).toBe(true);
    await tabTo(page, 'button[type="submit"]');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Spara status');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('[role=status]')).toContain('Statusen är sparad.');
    await tabTo(page, '#note');
    await page.keyboard.type('Anteckning skriven med tangentbordet.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('.notes')).toContain('Anteckning skriven med tangentbordet.');
    expect(await page.textContent('dl.fields')).toContain('Sorterad');
    await context.close();
  });
});

describe('the public pages while a staff member is signed in', () => {
  it(
    'set no cookie and answer exactly as to anyone else, though the browser sends the staff cookie',
    { timeout: 120_000 },
    async () => {
      const signedIn = await browser.newContext();
      await signInInBrowser(await signedIn.newPage(), server, 'anna@huge.se');
      const anonymous = await browser.newContext();
      const seenCookies: string[] = [];
      const looked: Promise<void>[] = [];
      signedIn.on('request', (request) => {
        looked.push(
          request.allHeaders().then((headers) => {
            if (headers['cookie']?.includes('__Host-personal=')) seenCookies.push(new URL(request.url()).pathname);
          }),
        );
      });
      // The tip form carries a fresh form token and idempotency key per request; nothing else may differ.
      const normalise = (text: string) =>
        createHash('sha256')
          .update(
            text
              .replace(/name="(formToken|idempotencyKey)" value="[^"]*"/g, 'name="$1"')
              .replace(/&quot;(formToken|idempotencyKey)&quot;:&quot;[^&]*&quot;/g, '&quot;$1&quot;'),
          )
          .digest('hex');
      for (const path of [
        '/',
        '/en/',
        '/ar/',
        '/tipsa/',
        '/en/report/',
        '/sitemap.xml',
        '/robots.txt',
        '/finns-inte/',
      ]) {
        const page = await signedIn.newPage();
        const staffView = await page.goto(`${server.url}${path}`);
        const other = await anonymous.request.get(`${server.url}${path}`);
        expect(staffView?.status(), path).toBe(other.status());
        const staffHeaders = (await staffView?.allHeaders()) ?? {};
        const otherHeaders = other.headers();
        expect(staffHeaders['set-cookie'], path).toBeUndefined();
        for (const name of ['content-type', 'cache-control', 'vary', 'content-security-policy']) {
          expect(staffHeaders[name], `${path} ${name}`).toBe(otherHeaders[name]);
        }
        expect(normalise((await staffView?.text()) ?? ''), path).toBe(normalise(await other.text()));
        await page.close();
      }
      await Promise.all(looked);
      expect(seenCookies).toContain('/'); // the cookie really went along (Path=/)
      expect(await (await anonymous.request.get(`${server.url}/sitemap.xml`)).text()).not.toContain('/personal');
      await signedIn.close();
      await anonymous.close();
    },
  );
});
