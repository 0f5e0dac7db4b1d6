import { request } from 'node:http';
import type { Locale } from '../../src/i18n/locales.ts';
import { pathFor } from '../../src/i18n/routes.ts';

/** The hidden fields of a freshly served tip page. */
export interface ServedForm {
  formToken: string;
  idempotencyKey: string;
}

function hiddenValue(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  return input ? /value="([^"]*)"/.exec(input)?.[1] : undefined;
}

/** GETs the tip page and reads its form token and idempotency key, like a browser would. */
export async function servedForm(baseUrl: string, locale: Locale = 'sv'): Promise<ServedForm> {
  const html = await (await fetch(new URL(pathFor('report', locale), baseUrl))).text();
  const formToken = hiddenValue(html, 'formToken');
  const idempotencyKey = hiddenValue(html, 'idempotencyKey');
  if (!formToken || !idempotencyKey) throw new Error('the tip page has no form token or idempotency key');
  return { formToken, idempotencyKey };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A raw HTTP request over a fresh socket, optionally from a chosen loopback
 * source address (Linux routes all of 127/8), so a test can be "another
 * client" or a canary address without any proxy header.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress: options.localAddress, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POSTs a JSON submission (with a fresh form's hidden fields unless given). */
export async function postTipJson(
  baseUrl: string,
  fields: Record<string, unknown>,
  options: { localAddress?: string; headers?: Record<string, string>; form?: ServedForm } = {},
): Promise<RawResponse> {
  const form = options.form ?? (await servedForm(baseUrl));
  return rawRequest(new URL('/api/tips', baseUrl).href, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...options.headers },
    body: JSON.stringify({ ...form, ...fields }),
    localAddress: options.localAddress,
  });
}

/** POSTs an urlencoded submission to the tip page in its language, as the form without JavaScript does. */
export async function postTipForm(
  baseUrl: string,
  fields: Record<string, string>,
  options: { localAddress?: string; headers?: Record<string, string>; form?: ServedForm; lang?: Locale } = {},
): Promise<RawResponse> {
  const lang = options.lang ?? 'sv';
  const form = options.form ?? (await servedForm(baseUrl, lang));
  return rawRequest(new URL(pathFor('report', lang), baseUrl).href, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...options.headers },
    body: new URLSearchParams({ lang, ...form, ...fields }).toString(),
    localAddress: options.localAddress,
  });
}

/** The reference on a confirmation page or in a 201 body. */
export function referenceIn(text: string): string | undefined {
  return /\b([A-Z0-9]{4}-[A-Z0-9]{4})\b/.exec(text)?.[1];
}
