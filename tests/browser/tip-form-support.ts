import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.ts';

/** Shared by the tip-form browser tests (tests/browser/tip-form*.test.ts). */

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Limits far above what a test sends, so only the rate-limit tests meet them. */
export const HIGH_LIMITS = {
  RATE_LIMIT_CLIENT_TIPS: '10000/10m',
  RATE_LIMIT_CLIENT_TIPS_PER_DAY: '100000',
  RATE_LIMIT_CLIENT_POSTS: '10000/10m',
  RATE_LIMIT_GLOBAL_TIPS: '100000/1h',
  SURGE_TIPS: '99999',
};

/** The real built server (MIN_FILL_SECONDS=0), with high limits unless `env` says otherwise. */
export function startTipServer(env: Record<string, string> = {}): Promise<TestServer> {
  return startServer({ env: { ...HIGH_LIMITS, ...env } });
}

/** axe's WCAG 2.2 A/AA violations on the page as it is now, one line each (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  // axe's target-size rule places the sticky quick-exit bar as if it scrolled with the page, so links
  // the page has scrolled just under the bar count as obscured (dequelabs/axe-core#3720): check the
  // state from the top of the page. Focus and everything else stay as they are.
  await page.evaluate(() => window.scrollTo(0, 0));
  const result = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] }) // options() replaces what withTags() sets: keep this order
    .withTags(AXE_TAGS)
    .setLegacyMode(true)
    .analyze();
  return result.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
  );
}

/** What a page did that a test should know about: errors, CSP violations, requests, tip posts. */
export interface PageWatch {
  /** Uncaught exceptions and console errors (a CSP violation is one). */
  problems: string[];
  /** Every URL the page requested. */
  requests: string[];
  /** How many times the page posted a tip: JSON to /api/tips, or the form to the tip page itself. */
  tipPosts(): number;
}

export function watchPage(page: Page): PageWatch {
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    // Chromium logs every 4xx answer to fetch; 422 and 429 are answers the form expects and shows.
    if (/^Failed to load resource: the server responded with a status of 4(22|29)\b/.test(message.text())) return;
    problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  return {
    problems,
    requests,
    tipPosts: () =>
      requests.filter((line) => line.startsWith('POST ') && /\/(api\/tips|tipsa\/|report\/)$/.test(line)).length,
  };
}

/**
 * A new context (axe needs one from newContext) and a watched page in it.
 * `withoutScripts` serves every script of the site empty: the page is what a
 * browser without JavaScript shows, yet axe (injected by Playwright, not
 * fetched) can still run in it, which it cannot with JavaScript disabled.
 */
export async function openPage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; withoutScripts?: boolean; width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1024, height: options.height ?? 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  if (options.withoutScripts) {
    await context.route(/\/_astro\/.*\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
    );
  }
  const page = await context.newPage();
  return { context, page, watch: watchPage(page) };
}

/** Opens the tip page and, with JavaScript, waits until the island has hydrated. */
export async function gotoTipPage(page: Page, url: string, { hydrated = true } = {}): Promise<number | undefined> {
  const response = await page.goto(url);
  if (hydrated) await waitForHydration(page);
  return response?.status();
}

/** Hydration is done when the island has rendered its character count (only shown with JavaScript). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForSelector('#tip-description-count', { state: 'attached' });
}

/**
 * Fills the form from a fixture's fields the way a person would (click,
 * type, choose), with or without JavaScript. Empty values are left alone.
 */
export async function fillTip(page: Page, fields: Record<string, string>): Promise<void> {
  for (const field of ['category', 'area', 'when'] as const) {
    const value = fields[field];
    if (value) await page.check(`#tip-${field}-${value}`);
  }
  if (fields.place) await page.fill('#tip-place', fields.place);
  if (fields.whenDate) await page.fill('#tip-whenDate', fields.whenDate);
  if (fields.whenTime) await page.selectOption('#tip-whenTime', fields.whenTime);
  if (fields.description) await page.fill('#tip-description', fields.description);
  if (fields.contactWanted === 'on') await page.check('#tip-contactWanted');
  if (fields.contactEmail) await page.fill('#tip-contactEmail', fields.contactEmail);
  if (fields.contactPhone) await page.fill('#tip-contactPhone', fields.contactPhone);
}

/** The id of the element that has focus (or its tag when it has no id). */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active?.id || active?.tagName.toLowerCase() || '';
  });
}

/** References: two groups of four from the look-alike-free alphabet (src/store/reference.ts). */
export const REFERENCE_PATTERN = /^[ACDEFGHJKMNPQRTWXY346789]{4}-[ACDEFGHJKMNPQRTWXY346789]{4}$/;
