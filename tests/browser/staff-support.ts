import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { linkIn } from '../helpers/staff-app.ts';
import { rawRequest } from '../helpers/tip-client.ts';

const execFileAsync = promisify(execFile);

/** The built server with sign-in limits raised (tests sign in many times from one address). */
export function startStaffServer(env: Record<string, string> = {}): Promise<TestServer> {
  return startServer({ env: { RATE_LIMIT_STAFF_SIGNIN: '10000/1h', ...env } });
}

/** `npm run staff -- …` on the server's data folder, as an operator runs it. */
export async function staffCli(server: TestServer, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, ['src/cli/staff.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: server.dataDir, LOG_LEVEL: 'silent' },
  });
  return stdout;
}

function signinEmails(server: TestServer): string[] {
  const outbox = join(server.dataDir, 'mail-outbox');
  let names: string[];
  try {
    names = readdirSync(outbox).filter((name) => name.startsWith('signin-') && name.endsWith('.eml'));
  } catch {
    return [];
  }
  return names.sort().map((name) => readFileSync(join(outbox, name), 'utf8'));
}

/**
 * Waits for the next sign-in email in the `.eml` outbox and returns its link
 * on the test server (the link names SITE_URL, http://localhost:4321; the
 * server under test listens on another port).
 */
export async function nextSigninLink(server: TestServer, before: number): Promise<string> {
  for (let i = 0; i < 200; i += 1) {
    const eml = signinEmails(server)[before];
    if (eml) {
      const link = new URL(linkIn(eml) ?? 'missing:');
      return `${server.url}${link.pathname}${link.search}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no sign-in email arrived');
}

export function signinEmailCount(server: TestServer): number {
  return signinEmails(server).length;
}

const SAME_ORIGIN = (server: TestServer) => ({
  'Content-Type': 'application/x-www-form-urlencoded',
  Origin: server.url,
  'Sec-Fetch-Site': 'same-origin',
});

/** Signs a listed member in over HTTP (link asked for, read from the outbox, used) and returns the session id. */
export async function signInOverHttp(
  server: TestServer,
  email: string,
  options: { headers?: Record<string, string>; localAddress?: string } = {},
): Promise<string> {
  const before = signinEmailCount(server);
  const asked = await rawRequest(`${server.url}/personal/inloggning`, {
    method: 'POST',
    headers: { ...SAME_ORIGIN(server), ...options.headers },
    body: new URLSearchParams({ email }).toString(),
    localAddress: options.localAddress,
  });
  expect(asked.status).toBe(303);
  const link = new URL(await nextSigninLink(server, before));
  const used = await rawRequest(`${server.url}/personal/inloggning/lank`, {
    method: 'POST',
    headers: { ...SAME_ORIGIN(server), ...options.headers },
    body: new URLSearchParams({ kod: link.searchParams.get('kod') ?? '' }).toString(),
    localAddress: options.localAddress,
  });
  expect(used.status).toBe(303);
  const cookie = [used.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('__Host-personal='));
  const id = /^__Host-personal=([^;]+)/.exec(cookie ?? '')?.[1];
  if (!id) throw new Error('no session cookie');
  return id;
}

/**
 * Signs a listed member in with the browser: the link is asked for over HTTP
 * (quicker), then opened and used in the page, so the server sets the
 * cookie as it does for anyone (Playwright cannot add a __Host- cookie itself).
 */
export async function signInInBrowser(page: Page, server: TestServer, email: string): Promise<void> {
  const before = signinEmailCount(server);
  const asked = await rawRequest(`${server.url}/personal/inloggning`, {
    method: 'POST',
    headers: SAME_ORIGIN(server),
    body: new URLSearchParams({ email }).toString(),
  });
  expect(asked.status).toBe(303);
  await page.goto(await nextSigninLink(server, before));
  await page.click('button:has-text("Logga in")');
  // Handlers and admins land on the start page; readers on this week's lägesbild.
  await page.waitForURL((url) => /^\/personal(\/lagesbild\/\d{4}-W\d{2})?$/.test(url.pathname));
}

/** Presses Tab until `matches` holds for the focused element (keyboard only); fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}
