import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStaffStore } from '../../src/store/staff/sqlite-staff-store.ts';
import type { StaffStore } from '../../src/store/staff-store.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider.ts';
import type { TestServer } from '../helpers/server.ts';
import { staffCli, startStaffServer } from './staff-support.ts';

/**
 * Sign-in through OpenID Connect (openid-client 6) against a real provider
 * (oidc-provider 9) started here, in the pinned Chromium (THREATS S1). The
 * provider runs on `localhost`, the server on `127.0.0.1`: two sites, so the
 * return from the provider is a cross-site navigation, as from Entra ID.
 * The redirect URI names SITE_URL (http://localhost:4321, the build's); the
 * provider's redirects to it are sent on to the test server's port, as a
 * proxy would (tests/helpers/oidc-provider.ts).
 */

const REDIRECT_URI = 'http://localhost:4321/personal/inloggning/oidc/retur';
let provider: TestOidcProvider;
let server: TestServer;
let browser: Browser;
let staff: StaffStore;

beforeAll(async () => {
  provider = await startOidcProvider(REDIRECT_URI);
  [server, browser] = await Promise.all([
    startStaffServer({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_STAFF_CLAIM: 'oid',
      OIDC_PROVIDER_NAME: 'Huge-konto',
    }),
    launchBrowser(),
  ]);
  await staffCli(server, 'add', 'anna@huge.se', '--role', 'handler', '--oidc-id', 'oid-anna');
  await staffCli(server, 'add', 'bo@huge.se', '--role', 'handler', '--oidc-id', 'oid-bo');
  await staffCli(server, 'deactivate', 'bo@huge.se');
  staff = createSqliteStaffStore(join(server.dataDir, 'tips.sqlite'));
}, 60_000);
afterAll(async () => {
  await staff?.close();
  await browser?.close();
  await server?.stop();
  await provider?.stop();
});

/** A fresh browser; the provider sends its returns to the test server (rewritten by `onReturn` if given). */
async function browserContext(
  onReturn: (url: URL) => URL = (url) => url,
): Promise<{ context: BrowserContext; page: Page; returns: URL[] }> {
  const context = await browser.newContext();
  const returns: URL[] = [];
  provider.returns = returns;
  provider.onReturn = (url) => {
    const target = onReturn(url);
    return new URL(`${server.url}${target.pathname}${target.search}`);
  };
  return { context, page: await context.newPage(), returns };
}

/** From our sign-in page through the provider's login and consent pages, as `login`. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.goto(`${server.url}/personal/inloggning`);
  await page.click('a:has-text("Logga in med Huge-konto")');
  await page.waitForSelector('input[name="login"]');
  expect(new URL(page.url()).origin).toBe(provider.issuer);
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'valfritt');
  await page.click('button[type="submit"]');
  await page.waitForSelector('button:has-text("Continue")');
  await page.click('button:has-text("Continue")');
}

const oidcSignIns = async () =>
  (await staff.listAudit({ action: 'sign-in' }, { offset: 0, limit: 100 })).entries.filter(
    (e) => e.detail?.['method'] === 'oidc',
  ).length;

describe('sign-in through OpenID Connect', () => {
  it(
    'signs a listed member in (code + PKCE, state, nonce) and lands signed in despite the cross-site return',
    { timeout: 120_000 },
    async () => {
      const { context, page, returns } = await browserContext();
      const before = await oidcSignIns();
      await signInAtProvider(page, 'anna');
      await page.waitForURL(`${server.url}/personal`);
      expect(await page.textContent('.staff-header')).toContain('anna@huge.se (handläggare)');
      const authorize = returns.find((url) => url.pathname.endsWith('/oidc/retur'));
      expect(authorize?.searchParams.get('code')).toBeTruthy();
      expect(await oidcSignIns()).toBe(before + 1);
      const ours = await context.cookies(server.url);
      expect(ours.map((c) => c.name)).toEqual(['__Host-personal']); // the pending sign-in's cookie is gone
      await context.close();
    },
  );

  it('creates no session for a person not on the list, or deactivated', { timeout: 120_000 }, async () => {
    const before = await oidcSignIns();
    for (const login of ['eve', 'bo']) {
      const { context, page } = await browserContext();
      await signInAtProvider(page, login);
      await page.waitForURL(`${server.url}/personal/inloggning?misslyckad`);
      expect(await page.textContent('main')).toContain('Inloggningen gick inte att slutföra');
      expect((await context.cookies()).map((c) => c.name)).not.toContain('__Host-personal');
      await context.close();
    }
    expect(await oidcSignIns()).toBe(before);
  });

  it('refuses a return with the wrong state', { timeout: 120_000 }, async () => {
    const before = await oidcSignIns();
    const { context, page } = await browserContext((url) => {
      if (url.searchParams.has('state')) url.searchParams.set('state', 'forged-state');
      return url;
    });
    await signInAtProvider(page, 'anna');
    await page.waitForURL(`${server.url}/personal/inloggning?misslyckad`);
    expect(await oidcSignIns()).toBe(before);
    await context.close();
  });

  it('refuses a replayed code, in the same browser and in another', { timeout: 120_000 }, async () => {
    const first = await browserContext();
    await signInAtProvider(first.page, 'anna');
    await first.page.waitForURL(`${server.url}/personal`);
    const used = first.returns.find((url) => url.pathname.endsWith('/oidc/retur'));
    if (!used) throw new Error('no return captured');
    const replay = `${server.url}${used.pathname}${used.search}`;
    const before = await oidcSignIns();

    // The same browser, signed out, starts a new sign-in (a fresh pending cookie; the provider, still
    // signed in, answers at once with a new code, which is dropped here) and replays the old return.
    await first.page.click('button:has-text("Logga ut")');
    provider.onReturn = () => new URL(`${server.url}/personal/inloggning?avbruten`);
    await first.page.goto(`${server.url}/personal/inloggning`);
    await first.page.click('a:has-text("Logga in med Huge-konto")');
    await first.page.waitForURL(`${server.url}/personal/inloggning?avbruten`);
    expect((await first.context.cookies(server.url)).map((c) => c.name)).toEqual(['__Host-personal-oidc']);
    await first.page.goto(replay);
    await first.page.waitForURL(`${server.url}/personal/inloggning?misslyckad`);

    // Another browser, with no pending sign-in at all.
    const other = await browserContext();
    await other.page.goto(replay);
    await other.page.waitForURL(`${server.url}/personal/inloggning?misslyckad`);
    expect(await oidcSignIns()).toBe(before);
    await first.context.close();
    await other.context.close();
  });
});
