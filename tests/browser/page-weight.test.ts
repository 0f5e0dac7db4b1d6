import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { EASY_READ_PAGE_IDS, easyReadPath } from '../../src/i18n/easy-read.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { DYNAMIC_PAGE_IDS, PAGE_IDS, notFoundPathFor, pathFor } from '../../src/i18n/routes.ts';

// Budgets for every info page's first load, measured as the bytes the real
// server sends with `Accept-Encoding: gzip` (precompressed at build time, so
// the figures are deterministic): all script ≤ 1 KB (the quick exit only),
// everything together (HTML, CSS, JS, icon, images) ≤ 50 KB.
const SCRIPT_BUDGET = 1024;
const TOTAL_BUDGET = 50 * 1024;

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

interface Transfer {
  status: number;
  bytes: number;
  encoding: string | undefined;
  body: Buffer;
}

/** GETs a path and counts the bytes on the wire (Node's fetch would decompress them). */
function get(path: string): Promise<Transfer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        resolve({ status: res.statusCode ?? 0, bytes: body.length, encoding, body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The subresources a page loads on first view: stylesheets, scripts, icons, images. */
function subresources(html: string): { scripts: string[]; others: string[] } {
  const attr = (pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1] ?? '');
  return {
    scripts: attr(/<script\b[^>]*\bsrc="([^"]+)"/g),
    others: [
      ...attr(/<link\b[^>]*\brel="(?:stylesheet|icon|preload|modulepreload)"[^>]*\bhref="([^"]+)"/g),
      ...attr(/<img\b[^>]*\bsrc="([^"]+)"/g),
    ],
  };
}

async function weigh(path: string) {
  const page = await get(path);
  expect(page.status, path).toBeLessThan(500);
  const html = (page.encoding === 'gzip' ? gunzipSync(page.body) : page.body).toString('utf8');
  expect(html, `${path} has no inline script`).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html, `${path} has no style attribute or element`).not.toMatch(/\sstyle=|<style[\s>]/);
  const { scripts, others } = subresources(html);
  let scriptBytes = 0;
  let otherBytes = 0;
  for (const src of scripts) scriptBytes += (await get(src)).bytes;
  for (const href of others) otherBytes += (await get(href)).bytes;
  return {
    path,
    html: page.bytes,
    scripts: scriptBytes,
    others: otherBytes,
    total: page.bytes + scriptBytes + otherBytes,
  };
}

describe('page weight', () => {
  it('every info page, in every language and in easy-to-read Swedish, stays within the script and total budgets (gzip)', async () => {
    const paths = [
      ...LOCALES.flatMap((locale) =>
        PAGE_IDS.filter((page) => !DYNAMIC_PAGE_IDS.includes(page)).map((page) => pathFor(page, locale)),
      ),
      ...LOCALES.map(notFoundPathFor),
      ...EASY_READ_PAGE_IDS.map(easyReadPath),
    ];
    const rows = [];
    for (const path of paths) rows.push(await weigh(path));
    console.table(rows.map((row) => ({ ...row, total: `${(row.total / 1024).toFixed(1)} KB` })));
    for (const row of rows) {
      expect.soft(row.scripts, `${row.path} script bytes`).toBeLessThanOrEqual(SCRIPT_BUDGET);
      expect.soft(row.total, `${row.path} total bytes`).toBeLessThanOrEqual(TOTAL_BUDGET);
    }
    // The quick exit is the only script, so every page carries some script, and the same one.
    expect(new Set(rows.map((row) => row.scripts)).size).toBe(1);
    expect(rows[0]?.scripts).toBeGreaterThan(100);
  });
});
