import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessServer, type InProcessServer } from '../helpers/in-process-server.ts';
import { tipFixture } from '../helpers/fixtures.ts';

/** THREATS #9: form token missing, forged, older than 24 hours or younger than MIN_FILL_SECONDS → refused clearly. */

let server: InProcessServer;
beforeAll(async () => {
  server = await startInProcessServer({ MIN_FILL_SECONDS: '3' });
});
afterAll(() => server.stop());

async function servedForm(): Promise<{ formToken: string; idempotencyKey: string }> {
  const html = await (await fetch(`${server.url}/en/report/`)).text();
  const formToken = /name="formToken"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="formToken"/.exec(html);
  const key = /name="idempotencyKey"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="idempotencyKey"/.exec(html);
  const token = formToken?.[1] ?? formToken?.[2];
  const idempotencyKey = key?.[1] ?? key?.[2];
  if (!token || !idempotencyKey) throw new Error('the tip page has no form token or idempotency key');
  return { formToken: token, idempotencyKey };
}

function post(body: Record<string, unknown>) {
  return fetch(`${server.url}/api/tips`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' },
    body: JSON.stringify({ ...tipFixture('minimal').fields, ...body }),
  });
}

async function formError(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as { error: { fields?: Record<string, { code: string; message: string }> } };
  return body.error.fields?.form?.code;
}

describe('the signed form token', () => {
  it('is refused when missing or forged', async () => {
    const { idempotencyKey, formToken } = await servedForm();
    server.clock.advance(10_000);
    const missing = await post({ idempotencyKey });
    expect(missing.status).toBe(422);
    expect(await formError(missing)).toBe('form.invalid');
    const forged = await post({ idempotencyKey, formToken: formToken.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) });
    expect(forged.status).toBe(422);
    expect(await formError(forged)).toBe('form.invalid');
  });

  it('is refused when younger than MIN_FILL_SECONDS, with a message that says so', async () => {
    const form = await servedForm();
    server.clock.advance(2_000);
    const response = await post(form);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { fields: { form: { code: string; message: string } } } };
    expect(body.error.fields.form.code).toBe('form.tooFast');
    expect(body.error.fields.form.message.length).toBeGreaterThan(10);
  });

  it('measures the fill time exactly: served at x.999 s, 2.5 s later is too fast, 3 s later is not', async () => {
    // Tokens once carried whole seconds rounded down, which let a form sent 2–3 s after it was served through.
    server.clock.advance(999 - (server.clock() % 1000));
    const form = await servedForm();
    server.clock.advance(2_500);
    const early = await post(form);
    expect(early.status).toBe(422);
    expect(await formError(early)).toBe('form.tooFast');
    server.clock.advance(499);
    expect(await formError(await post(form))).toBe('form.tooFast');
    server.clock.advance(1);
    expect((await post(form)).status).toBe(201);
  });

  it('is accepted between MIN_FILL_SECONDS and 24 hours, and refused after', async () => {
    const form = await servedForm();
    server.clock.advance(3_000);
    expect((await post(form)).status).toBe(201);
    const old = await servedForm();
    server.clock.advance(24 * 3600_000 + 1000);
    const late = await post(old);
    expect(late.status).toBe(422);
    expect(await formError(late)).toBe('form.expired');
  });
});
