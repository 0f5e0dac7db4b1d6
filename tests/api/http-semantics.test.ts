import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTION_TIMEOUTS } from '../../src/web/edge/http-server.ts';
import { startInProcessServer, type InProcessServer } from '../helpers/in-process-server.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { rawRequest } from '../helpers/tip-client.ts';

/** What the edge's answers say in HTTP terms: challenges, content codings, timeouts against slow clients. */

const TOKEN = 'http-semantics-intake-token-0123456789abc';
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { INTAKE_TOKENS: TOKEN } });
});
afterAll(() => server.stop());

describe('every 401 says how to authenticate (WWW-Authenticate), through the real error responder', () => {
  it('the health details and the intake API', async () => {
    const answers = [
      await rawRequest(`${server.url}/api/health/details`),
      await rawRequest(`${server.url}/api/health/details`, { headers: { Authorization: 'Bearer wrong' } }),
      await rawRequest(`${server.url}/api/intake/claim`, { method: 'POST' }),
      await rawRequest(`${server.url}/api/intake/dead-letters`),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer realm="intake"');
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'unauthorized' } });
    }
    const ok = await rawRequest(`${server.url}/api/health/details`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers['www-authenticate']).toBeUndefined();
  });
});

describe('Accept-Encoding is read per RFC 9110 (weights, q=0, any case)', () => {
  const codingOf = async (path: string, acceptEncoding: string) =>
    (await rawRequest(`${server.url}${path}`, { headers: { 'Accept-Encoding': acceptEncoding } })).headers[
      'content-encoding'
    ];

  it('an info page (Brotli and gzip files)', async () => {
    expect(await codingOf('/en/agreement/', 'br;q=0, gzip')).toBe('gzip');
    expect(await codingOf('/en/agreement/', 'BR')).toBe('br');
    expect(await codingOf('/en/agreement/', 'gzip;q=0.5, br;q=0.4')).toBe('gzip');
    expect(await codingOf('/en/agreement/', 'br;q=0, gzip;q=0')).toBeUndefined();
    expect(await codingOf('/en/agreement/', 'identity')).toBeUndefined();
  });

  it('the tip page and a refusal page (gzip only)', async () => {
    expect(await codingOf('/tipsa/', 'GZIP')).toBe('gzip');
    expect(await codingOf('/tipsa/', 'gzip;q=0, br')).toBeUndefined();
    const refused = await rawRequest(`${server.url}/en/report/`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'Accept-Encoding': 'Gzip;q=1' },
      body: 'x',
    });
    expect(refused.status).toBe(415);
    expect(refused.headers['content-encoding']).toBe('gzip');
  });
});

describe('slow clients are cut off within a second or so of the limits (Node checks every second, not 30 s)', () => {
  let slow: InProcessServer;
  const timeouts = { ...PRODUCTION_TIMEOUTS, headersMs: 2_000, requestMs: 3_000 };
  beforeAll(async () => {
    slow = await startInProcessServer({}, undefined, timeouts);
  });
  afterAll(() => slow.stop());

  /** Sends `head` then one byte of `trickle` every 300 ms; resolves with how long until the server closed. */
  function trickle(head: string, rest: string): Promise<number> {
    const { port } = new URL(slow.url);
    return new Promise((resolve) => {
      const started = performance.now();
      const socket: Socket = connect(Number(port), '127.0.0.1', () => socket.write(head));
      let at = 0;
      const timer = setInterval(() => {
        if (at < rest.length && socket.writable) socket.write(rest[at] ?? '');
        at += 1;
      }, 300);
      socket.on('data', () => {});
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve(performance.now() - started);
      });
    });
  }

  it('headers arriving a byte at a time, and a body arriving a byte at a time', async () => {
    const [headers, body] = await Promise.all([
      trickle('GET / HTTP/1.1\r\n', `Host: 127.0.0.1\r\nX-Slow: ${'x'.repeat(200)}\r\n\r\n`),
      trickle(
        'POST /api/tips HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n',
        'x'.repeat(400),
      ),
    ]);
    expect(headers).toBeGreaterThanOrEqual(timeouts.headersMs - 50);
    expect(headers).toBeLessThan(timeouts.headersMs + timeouts.checkEveryMs + 1_000);
    expect(body).toBeGreaterThanOrEqual(timeouts.requestMs - 50);
    expect(body).toBeLessThan(timeouts.requestMs + timeouts.checkEveryMs + 1_000);
  }, 15_000);
});
