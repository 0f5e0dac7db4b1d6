import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createClientIdentifier, createTipRateLimiter } from '../../src/limits/index.ts';
import { clientNaming } from '../../src/web/edge/client-naming.ts';

/**
 * THREATS #7 end to end: a real Node server on 127.0.0.1 naming clients as
 * the edge does (src/web/edge/client-naming.ts) with the embedded limiter in
 * front of a stand-in tip route. Distinct loopback source addresses (Linux
 * routes 127/8) play distinct sockets.
 */

const SECRET = 'client-address-test-secret-client-address';
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function startApp(trustProxy: string): Promise<number> {
  const config = loadConfig({ TRUST_PROXY: trustProxy });
  const limiter = await createTipRateLimiter({
    limits: config.rateLimits,
    clock: Date.now,
    logger: createLogger('silent'),
  });
  const nameClient = clientNaming({
    trustProxy: config.trustProxy,
    identify: createClientIdentifier(SECRET),
    clock: Date.now,
  });
  const server = createServer((incoming, outgoing) => {
    incoming.resume();
    void limiter.checkTip(nameClient(incoming)).then((decision) => {
      outgoing.writeHead(
        decision.success ? 201 : 429,
        decision.success ? {} : { 'Retry-After': String(decision.retryAfterSeconds) },
      );
      outgoing.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

function post(port: number, { from = '127.0.0.1', forwardedFor }: { from?: string; forwardedFor?: string } = {}) {
  return new Promise<{ status: number; retryAfter?: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/tips',
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: forwardedFor === undefined ? {} : { 'X-Forwarded-For': forwardedFor },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function statuses(count: number, send: (i: number) => Promise<{ status: number }>): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i += 1) result.push((await send(i)).status);
  return result;
}

describe('client address and the tip limit on a real server', () => {
  it('does not let rotating X-Forwarded-For from one socket past the limit without TRUST_PROXY', async () => {
    const port = await startApp('');
    const codes = await statuses(12, (i) => post(port, { forwardedFor: `198.51.100.${i + 1}, 203.0.113.${i + 1}` }));
    expect(codes.filter((code) => code === 201)).toHaveLength(5);
    expect(codes.slice(5).every((code) => code === 429)).toBe(true);
    const refused = await post(port, { forwardedFor: '192.0.2.200' });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // Another socket address is another client.
    expect((await post(port, { from: '127.0.0.2' })).status).toBe(201);
  });

  it('with TRUST_PROXY=1, uses the hop the proxy appended: different entries are different clients', async () => {
    const port = await startApp('1');
    const distinct = await statuses(12, (i) => post(port, { forwardedFor: `198.51.100.${i + 1}` }));
    expect(distinct.every((code) => code === 201)).toBe(true);

    // One client behind the proxy, with junk it added on the left itself: limited as one.
    const same = await statuses(7, (i) => post(port, { forwardedFor: `10.6.6.${i}, 203.0.113.50` }));
    expect(same).toEqual([201, 201, 201, 201, 201, 429, 429]);

    // The same client address arriving through another proxy socket is still the same client.
    expect((await post(port, { from: '127.0.0.3', forwardedFor: '203.0.113.50' })).status).toBe(429);
  });

  it('with a CIDR list, believes only trusted proxies and ignores the header from anyone else', async () => {
    const port = await startApp('127.0.0.1/32');
    const viaProxy = await statuses(6, (i) => post(port, { forwardedFor: `198.51.100.${i + 1}` }));
    expect(viaProxy.every((code) => code === 201)).toBe(true);

    // 127.0.0.9 is not a trusted proxy: its rotating header is ignored and the socket is the client.
    const direct = await statuses(7, (i) => post(port, { from: '127.0.0.9', forwardedFor: `198.51.100.${100 + i}` }));
    expect(direct).toEqual([201, 201, 201, 201, 201, 429, 429]);
  });
});
