// Lighthouse 13 (mobile, the default config) on the home page, a focus-area
// page, the Arabic and Finnish home pages and the easy-to-read home page of
// the built site, served by the real server.
// Prints the four category scores plus LCP, TBT and CLS, and writes the
// figures to bench/results/lighthouse-<date>.json. Not part of `npm test`.
//
// Run: npm run build && node bench/lighthouse.ts   (the "bench:pages" script)
import { mkdirSync, writeFileSync } from 'node:fs';
import chromium from '@sparticuz/chromium';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from '../tests/helpers/server.ts';
import { easyReadPath } from '../src/i18n/easy-read.ts';
import { pathFor } from '../src/i18n/routes.ts';

const PAGES = [
  { name: 'home (sv)', path: pathFor('home', 'sv') },
  { name: 'focus area: close relationships (sv)', path: pathFor('focus/close-relationships', 'sv') },
  { name: 'home (ar)', path: pathFor('home', 'ar') },
  { name: 'home (fi)', path: pathFor('home', 'fi') },
  { name: 'easy-to-read home (lättläst)', path: easyReadPath('home') },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface PageResult {
  name: string;
  url: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  lcpMs: number | undefined;
  tbtMs: number | undefined;
  cls: number | undefined;
  /** Audits that cost points (score < 1), to see what to fix. */
  failing: string[];
}

const server = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath: await chromium.executablePath(),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});

const results: PageResult[] = [];
try {
  for (const { name, path } of PAGES) {
    const url = server.url + path;
    const run = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = run;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id]?.numericValue;
    results.push({
      name,
      url: path,
      scores: Object.fromEntries(
        CATEGORIES.map((category) => {
          const score = lhr.categories[category]?.score;
          return [category, score == null ? null : Math.round(score * 100)];
        }),
      ) as PageResult['scores'],
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      failing: CATEGORIES.flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((result) => result && result.score !== null && result.score < 1)
          .map((result) => `${category}: ${result?.id} (${result?.score})`),
      ),
    });
  }
} finally {
  chrome.kill();
  await server.stop();
}

console.table(
  results.map((result) => ({
    page: result.name,
    ...result.scores,
    'LCP (ms)': Math.round(result.lcpMs ?? NaN),
    'TBT (ms)': Math.round(result.tbtMs ?? NaN),
    CLS: Number((result.cls ?? NaN).toFixed(3)),
  })),
);
for (const result of results) {
  if (result.failing.length > 0) console.log(`${result.name} loses points on: ${result.failing.join(', ')}`);
}

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const file = new URL(`./results/lighthouse-${new Date().toISOString().slice(0, 10)}.json`, import.meta.url);
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), lighthouse: '13', formFactor: 'mobile', results }, null, 2)}\n`,
);
console.log(`wrote ${file.pathname}`);
