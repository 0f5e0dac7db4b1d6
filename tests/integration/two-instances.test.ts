import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tipFixture } from '../helpers/fixtures.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { redisSkipReason, startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { postTipJson, rawRequest, servedForm } from '../helpers/tip-client.ts';

/**
 * Issue 4 §3: two server processes sharing one PostgreSQL and one Redis.
 * A per-client limit holds across both; tips accepted by either are
 * delivered exactly once per channel; SIGKILL of one instance mid-delivery
 * loses nothing and duplicates nothing beyond at-least-once (same Message-ID);
 * SIGTERM drains in-flight requests and exits cleanly.
 */

const skip = redisSkipReason();
const TOKEN = 'two-instances-token-0123456789abcdef0123';

let pg: TestPostgres;
let redis: RedisServer;
let sink: SmtpSink;
let databaseUrl: string;
const secret = randomBytes(32).toString('base64url');

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    SMTP_URL: sink.url,
    APP_SECRET: secret,
    INTAKE_TOKENS: TOKEN,
    WORKER_POLL_MS: '50',
    WORKER_CLAIM_SECONDS: '2',
    ...extra,
  };
}

async function claimAll(server: TestServer): Promise<string[]> {
  const seen: string[] = [];
  for (;;) {
    const response = await fetch(`${server.url}/api/intake/claim`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: '{"limit":100}',
    });
    const lease = (await response.json()) as { leaseId: string; tips: { reference: string }[] };
    if (lease.tips.length === 0) return seen;
    const references = lease.tips.map((tip) => tip.reference);
    seen.push(...references);
    await fetch(`${server.url}/api/intake/ack`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ leaseId: lease.leaseId, references }),
    });
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

const messageIds = () => sink.messages.map((m) => m.parsed.messageId ?? '');

describe.skipIf(skip)('two instances on one PostgreSQL and one Redis', () => {
  beforeAll(async () => {
    [pg, redis, sink] = await Promise.all([startPostgres(), startRedisServer(), startSmtpSink()]);
    databaseUrl = await pg.createDatabase();
  });
  afterAll(async () => {
    await sink?.close();
    await redis?.stop();
    await pg?.stop();
  });

  it('holds a per-client limit across both, and delivers every tip once per channel', async () => {
    const a = await startServer({ env: env({ RATE_LIMIT_CLIENT_TIPS: '4/10m' }) });
    const b = await startServer({ env: env({ RATE_LIMIT_CLIENT_TIPS: '4/10m' }) });
    try {
      const fields = tipFixture('minimal').fields;
      const statuses: number[] = [];
      const references: string[] = [];
      for (let i = 0; i < 8; i += 1) {
        const response = await postTipJson(i % 2 === 0 ? a.url : b.url, fields, { localAddress: '127.0.0.91' });
        statuses.push(response.status);
        if (response.status === 201) references.push(JSON.parse(response.body).reference as string);
      }
      expect(statuses).toEqual([201, 201, 201, 201, 429, 429, 429, 429]);
      // Other clients, through either instance.
      for (let i = 0; i < 6; i += 1) {
        const response = await postTipJson(i % 2 === 0 ? a.url : b.url, fields, { localAddress: `127.0.0.${100 + i}` });
        expect(response.status).toBe(201);
        references.push(JSON.parse(response.body).reference as string);
      }
      await waitFor(() => references.every((ref) => messageIds().includes(`<tip-${ref}@localhost>`)), 15_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const ref of references)
        expect(messageIds().filter((id) => id === `<tip-${ref}@localhost>`)).toHaveLength(1);
      const claimed = [...(await claimAll(a)), ...(await claimAll(b))];
      expect(claimed.sort()).toEqual([...references].sort());
    } finally {
      await a.stop();
      await b.stop();
    }
  }, 60_000);

  it('loses nothing when one instance is killed in the middle of delivery', async () => {
    sink.reset();
    const a = await startServer({ env: env() });
    const b = await startServer({ env: env() });
    const survivors: TestServer[] = [b];
    try {
      const fields = tipFixture('full-swedish').fields;
      const { formToken } = await servedForm(a.url);
      const references: string[] = [];
      // Enough tips that the kill lands while sends are in flight; both instances accept.
      await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const form = { formToken, idempotencyKey: randomBytes(16).toString('base64url') };
          const response = await postTipJson(i % 2 === 0 ? a.url : b.url, fields, {
            form,
            localAddress: `127.0.1.${i}`,
          });
          expect(response.status).toBe(201);
          references.push(JSON.parse(response.body).reference as string);
        }),
      );
      await waitFor(() => sink.messages.length >= 5, 5_000);
      await a.kill();
      await waitFor(() => references.every((ref) => messageIds().includes(`<tip-${ref}@localhost>`)), 30_000);
      const missing = references.filter((ref) => !messageIds().includes(`<tip-${ref}@localhost>`));
      expect(missing).toEqual([]);
      const duplicates = sink.messages.length - new Set(messageIds()).size;
      expect(new Set(messageIds()).size).toBe(references.length);
      const claimed = await claimAll(b);
      expect(claimed.sort()).toEqual([...references].sort());
      console.info(
        `two instances: 60 tips, one instance SIGKILLed mid-delivery, 0 lost, ${duplicates} duplicate email(s) with the same Message-ID`,
      );
    } finally {
      for (const server of survivors) await server.stop();
    }
  }, 90_000);

  it('drains an in-flight request on SIGTERM, then exits cleanly', async () => {
    const a = await startServer({ env: env() });
    const { formToken } = await servedForm(a.url);
    const body = JSON.stringify({ ...tipFixture('minimal').fields, formToken });
    // A slow client: the body arrives in two halves around the SIGTERM.
    const pending = new Promise<{ status: number }>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request(`${a.url}/api/tips`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        });
        req.on('error', reject);
        req.write(body.slice(0, 20));
        setTimeout(() => {
          a.process.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(20)), 200);
        }, 100);
      }, reject);
    });
    expect((await pending).status).toBe(201);
    const code = await new Promise<number | null>((resolve) => {
      if (a.process.exitCode !== null) resolve(a.process.exitCode);
      else a.process.once('exit', (exitCode) => resolve(exitCode));
    });
    expect(code).toBe(0);
    await expect(rawRequest(`${a.url}/api/health`)).rejects.toThrow();
    await a.stop();
  }, 30_000);

  it('keeps limiting when Redis stops, says degraded, and recovers by itself', async () => {
    const a = await startServer({ env: env({ RATE_LIMIT_CLIENT_TIPS: '3/10m', RATE_LIMIT_CLIENT_POSTS: '6/10m' }) });
    try {
      const health = async () => ((await (await fetch(`${a.url}/api/health`)).json()) as { status: string }).status;
      expect(await health()).toBe('ok');
      await redis.kill();
      const fields = tipFixture('minimal').fields;
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1)
        statuses.push((await postTipJson(a.url, fields, { localAddress: '127.0.0.95' })).status);
      // The embedded fallback decides: 3 tips, then refused; the post (flood) limit stops the rest.
      expect(statuses.filter((status) => status === 201)).toHaveLength(3);
      expect(statuses.every((status) => status === 201 || status === 429)).toBe(true);
      expect(await health()).toBe('degraded');
      await redis.restart();
      // Recovery probes run about once a second; no request is needed to notice.
      let status = await health();
      for (let i = 0; i < 50 && status !== 'ok'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = await health();
      }
      expect(status).toBe('ok');
    } finally {
      await a.stop();
    }
  }, 30_000);
});
