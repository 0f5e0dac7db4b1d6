import type { ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createClientIdentifier, createTipRateLimiter, type TipRateLimiter } from '../../src/limits/index.ts';
import { floodGate } from '../../src/web/flood-gate.ts';
import { closeHttp, listen } from '../../src/web/http-server.ts';
import { SECURITY_HEADERS } from '../../src/web/security-headers.ts';
import { rawRequest } from '../helpers/tip-client.ts';

/**
 * The flood gate in front of Hono, on a real HTTP server: it answers only the
 * JSON tip posts of a client whose refusal is remembered, and passes
 * everything else on (here to an app that answers 418, so it shows).
 */

const SECRET = 'flood-gate-test-secret-flood-gate-test-01';
const FLOODER = '127.0.0.51';
const lines: string[] = [];
let server: ServerType;
let limiter: TipRateLimiter;
let url: string;

beforeAll(async () => {
  const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', RATE_LIMIT_CLIENT_POSTS: '2/10m' });
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  limiter = await createTipRateLimiter({ limits: config.rateLimits, clock: Date.now, logger });
  const identify = createClientIdentifier(SECRET);
  const hono = new Hono();
  hono.all('*', (c) => c.text('Hono answered', 418));
  server = await listen(
    hono.fetch,
    config,
    floodGate({
      trustProxy: config.trustProxy,
      identify,
      rememberedRefusal: (clientId) => limiter.rememberedPostRefusal(clientId),
      clock: Date.now,
      logger,
    }),
  );
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // Two posts allowed, the third refused: from now on the refusal is remembered.
  const flooder = identify(FLOODER, Date.now());
  for (let i = 0; i < 3; i += 1) await limiter.checkPost(flooder);
});

afterAll(async () => {
  await closeHttp(server, 1000);
  await limiter.close();
});

const post = (headers: Record<string, string>, from = FLOODER, path = '/api/tips') =>
  rawRequest(`${url}${path}`, { method: 'POST', headers, body: '{}', localAddress: from });
const json = { 'Content-Type': 'application/json' };

describe('flood gate', () => {
  it('refuses a remembered flooder at the door, with the route’s answer, headers and request line', async () => {
    const answer = await post({ ...json, 'Accept-Language': 'ar' });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(answer.body)));
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(answer.headers[name.toLowerCase()], name).toBe(value);
    }
    const { error } = JSON.parse(answer.body) as { error: { code: string; message: string } };
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/[\u0600-\u06ff]/); // in Arabic, as asked
    await expect.poll(() => lines.some((line) => line.includes('"status":429'))).toBe(true);
    const line = lines.find((l) => l.includes('"status":429')) ?? '';
    expect(JSON.parse(line)).toMatchObject({ method: 'POST', route: '/api/tips', refusedAs: 'RateLimitedError' });
    expect(line).not.toContain(FLOODER);
  });

  it('counts nothing: the refusal stays as it was', async () => {
    const before = limiter.rememberedPostRefusal(createClientIdentifier(SECRET)(FLOODER, Date.now()));
    for (let i = 0; i < 5; i += 1) expect((await post(json)).status).toBe(429);
    const after = limiter.rememberedPostRefusal(createClientIdentifier(SECRET)(FLOODER, Date.now()));
    expect(after?.reset).toBe(before?.reset);
  });

  it('passes on what the route would answer otherwise', async () => {
    const passed = [
      await post(json, '127.0.0.52'), // another client
      await post({ 'Content-Type': 'application/x-www-form-urlencoded' }), // a form post gets a page
      await post({ ...json, Origin: 'https://elsewhere.example' }), // the cross-site check comes first
      await post({ ...json, 'Sec-Fetch-Site': 'same-origin' }),
      await post(json, FLOODER, '/api/tips/other'),
      await rawRequest(`${url}/api/tips`, { localAddress: FLOODER }), // GET
    ];
    expect(passed.map((answer) => answer.status)).toEqual([418, 418, 418, 418, 418, 418]);
    expect((await post(json, FLOODER, '/api/tips?from=campaign')).status).toBe(429);
  });
});
