import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe('GET /api/health', () => {
  it('answers ok as JSON and says nothing more', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /api/health/details without INTAKE_TOKENS', () => {
  it('says the intake queue and the figures are switched off (404 disabled), not that the key is wrong', async () => {
    const attempts: Record<string, string>[] = [{}, { Authorization: `Bearer ${'x'.repeat(40)}` }];
    for (const headers of attempts) {
      const response = await fetch(`${server.url}/api/health/details`, {
        headers: { ...headers, 'Accept-Language': 'en' },
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('www-authenticate')).toBeNull();
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('disabled');
      expect(body.error.message).toMatch(/switched off.*INTAKE_TOKENS/);
      expect(body.error.message).not.toMatch(/wrong/i);
    }
    const intake = await fetch(`${server.url}/api/intake/claim`, { method: 'POST' });
    expect(intake.status).toBe(404);
    expect(((await intake.json()) as { error: { code: string } }).error.code).toBe('disabled');
  });
});

describe('SIGTERM', () => {
  it('logs that the server is stopping and that it stopped, as the worker does', async () => {
    const own = await startServer();
    await own.stop();
    const lines = own.logs.map((line) => JSON.parse(line) as { msg?: string; signal?: string });
    expect(lines.find((line) => line.msg === 'server: stopping')).toMatchObject({ signal: 'SIGTERM' });
    expect(lines.find((line) => line.msg === 'server: stopped')).toMatchObject({ signal: 'SIGTERM' });
    expect(own.process.exitCode).toBe(0);
  });
});
