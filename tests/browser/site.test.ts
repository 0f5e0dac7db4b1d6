import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { htmlProblems } from '../helpers/html-validity.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import {
  EASY_READ_LANG,
  EASY_READ_PAGE_IDS,
  EASY_READ_PREFIX,
  EASY_READ_VERSION,
  easyReadPageForPath,
  easyReadPath,
  type SiteVersion,
} from '../../src/i18n/easy-read.ts';
import { LOCALE_INFO, LOCALES, localeOfPath, type Locale } from '../../src/i18n/locales.ts';
import { PAGE_IDS, notFoundPathFor, pathFor } from '../../src/i18n/routes.ts';

// Visits every URL in sitemap.xml in a real (pinned) Chromium, in every
// language and in easy-to-read Swedish, at 320 and 1280 px: status 200,
// lang/dir, axe WCAG 2.2 A/AA, valid HTML as served (html-validate's standard
// rules), no cookies, no request leaving the origin, a link to easy-to-read
// Swedish in the header; then checks that every internal link found on those
// pages resolves.

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [320, 1280];
const VERSIONS: readonly SiteVersion[] = [...LOCALES, EASY_READ_VERSION];

/** The version a public path belongs to: easy-to-read Swedish by its pages, else the language of its prefix. */
const versionOfPath = (path: string): SiteVersion =>
  easyReadPageForPath(path) ? EASY_READ_VERSION : localeOfPath(path);
/** The language an easy-to-read page or a language's page is written in. */
const langOf = (version: SiteVersion): Locale => (version === EASY_READ_VERSION ? EASY_READ_LANG : version);

const SWEEP_TIMEOUT_MS = 120_000;

let server: TestServer;
let browser: Browser;
/** Sitemap URLs, as paths on the test server (the sitemap holds SITE_URL's origin). */
let sitemapPaths: string[] = [];
/** Internal links seen on the visited pages, by path (with query), for the link check. */
const internalLinks = new Set<string>();

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const response = await fetch(`${server.url}/sitemap.xml`);
  expect(response.status).toBe(200);
  const xml = await response.text();
  sitemapPaths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface PageReport {
  path: string;
  status: number | undefined;
  lang: string | null;
  dir: string | null;
  violations: string[];
  /** What the HTML as the server sent it breaks of the HTML standard. */
  invalid: string[];
  links: string[];
  /** Links to an easy-to-read page in the header's language links. */
  easyReadLinks: number;
}

async function inspect(page: Page, path: string): Promise<PageReport> {
  const response = await page.goto(server.url + path);
  const [invalid, lang, dir, links, easyReadLinks] = await Promise.all([
    response ? response.text().then((html) => htmlProblems(html, path)) : ['no response'],
    page.getAttribute('html', 'lang'),
    page.getAttribute('html', 'dir'),
    page.$$eval('a[href]', (anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? '')),
    page.locator(`header .language-nav a[href^="${EASY_READ_PREFIX}"]`).count(),
  ]);
  // Legacy mode runs axe in the page itself instead of opening a helper page per run (about twice as fast);
  // it only matters for cross-origin iframes, which the site has none of.
  const axe = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] }) // options() replaces what withTags() sets: keep this order
    .withTags(AXE_TAGS)
    .setLegacyMode(true)
    .analyze();
  return {
    path,
    status: response?.status(),
    lang,
    dir,
    invalid,
    violations: axe.violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
    ),
    links,
    easyReadLinks,
  };
}

/** A fresh context that records every request it makes and every error the pages log. */
async function recordingContext(
  width: number,
): Promise<{ context: BrowserContext; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.page()?.url()}: ${message.text()}`);
  });
  context.on('weberror', (error) => errors.push(`${error.page()?.url()}: ${error.error().message}`));
  return { context, requests, errors };
}

describe('the sitemap', () => {
  it('lists every page in every language and every easy-to-read page, with absolute URLs', async () => {
    const expected = [
      ...PAGE_IDS.flatMap((page) => LOCALES.map((locale) => pathFor(page, locale))),
      ...EASY_READ_PAGE_IDS.map(easyReadPath),
    ];
    expect([...sitemapPaths].sort()).toEqual([...expected].sort());
    const xml = await (await fetch(`${server.url}/sitemap.xml`)).text();
    expect(xml).toMatch(/<xhtml:link rel="alternate" hreflang="x-default" href="https?:\/\/[^"]+\/"\/>/);
    const robots = await (await fetch(`${server.url}/robots.txt`)).text();
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap\.xml$/m);
  });
});

describe.each(VERSIONS)('every %s page in the sitemap', (version: SiteVersion) => {
  const locale = langOf(version);
  it.each(WIDTHS)(
    'at %i px: 200, lang/dir, no axe violations, no cookies, no third-party request, no console error',
    async (width) => {
      const paths = sitemapPaths.filter((path) => versionOfPath(path) === version);
      expect(paths.length).toBe(version === EASY_READ_VERSION ? EASY_READ_PAGE_IDS.length : PAGE_IDS.length);
      const { context, requests, errors } = await recordingContext(width);
      const page = await context.newPage();
      const reports: PageReport[] = [];
      for (const path of paths) reports.push(await inspect(page, path));
      const cookies = await context.cookies();
      await context.close();

      for (const report of reports) {
        expect.soft(report.status, report.path).toBe(200);
        expect.soft({ lang: report.lang, dir: report.dir }, report.path).toEqual({
          lang: locale,
          dir: LOCALE_INFO[locale].dir,
        });
        expect.soft(report.violations, report.path).toEqual([]);
        expect.soft(report.invalid, `${report.path} is valid HTML`).toEqual([]);
        expect.soft(report.easyReadLinks, `${report.path} links to easy-to-read Swedish in its header`).toBe(1);
        for (const href of report.links) {
          const url = new URL(href, server.url + report.path);
          if (url.origin === server.url) internalLinks.add(url.pathname + url.search);
        }
      }
      expect(cookies).toEqual([]);
      expect(requests.filter((url) => new URL(url).origin !== server.url)).toEqual([]);
      expect(errors, 'console errors and uncaught exceptions').toEqual([]);
      console.info(`${version} at ${width} px: ${reports.length} pages, ${requests.length} requests, 0 violations`);
    },
    // Twelve pages with an axe run each: ~12 s alone, several times that on a machine busy with the whole suite.
    SWEEP_TIMEOUT_MS,
  );
});

describe('the 404 page', () => {
  it.each(LOCALES)('answers unknown %s paths with a 404 page in that language, axe-clean', async (locale) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    const missing = `${LOCALE_INFO[locale].pathPrefix}no-such-page/`;
    const report = await inspect(page, missing);
    const robots = await page.getAttribute('meta[name="robots"]', 'content');
    await context.close();
    expect(report.status).toBe(404);
    expect({ lang: report.lang, dir: report.dir }).toEqual({ lang: locale, dir: LOCALE_INFO[locale].dir });
    expect(report.violations).toEqual([]);
    expect(report.invalid).toEqual([]);
    expect(robots).toBe('noindex');
    expect(report.links).toContain(pathFor('home', locale));
    expect(report.links).toContain(pathFor('help', locale));
    expect(sitemapPaths).not.toContain(notFoundPathFor(locale));
  });
});

describe('internal links', () => {
  it('a page asked for without its trailing slash is sent to its canonical URL, an easy-to-read page too', async () => {
    for (const path of [pathFor('agreement', 'fi'), easyReadPath('report')]) {
      const response = await fetch(server.url + path.slice(0, -1), { redirect: 'manual' });
      expect(response.status, path).toBe(301);
      expect(new URL(response.headers.get('location') ?? '', server.url).pathname).toBe(path);
    }
  });

  it('a route without a trailing slash asked for with one is sent to it (the staff start page); the API is not', async () => {
    const staff = await fetch(`${server.url}/personal/`, { redirect: 'manual' });
    expect(staff.status).toBe(301);
    expect(new URL(staff.headers.get('location') ?? '', server.url).pathname).toBe('/personal');
    const unknown = await fetch(`${server.url}/personal/finns-inte/`, { redirect: 'manual' });
    expect(unknown.status).toBe(404);
    const api = await fetch(`${server.url}/api/health/`, { redirect: 'manual' });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });

  it('every internal link on the visited pages resolves (200, or a 301 to a 200)', async () => {
    expect(internalLinks.size, 'run after the page sweep').toBeGreaterThan(20);
    const broken: string[] = [];
    for (const link of internalLinks) {
      let response = await fetch(server.url + link, { redirect: 'manual' });
      if (response.status === 301) {
        response = await fetch(new URL(response.headers.get('location') ?? '', server.url + link), {
          redirect: 'manual',
        });
      }
      if (response.status !== 200) broken.push(`${link} → ${response.status}`);
    }
    expect(broken).toEqual([]);
  });
});
