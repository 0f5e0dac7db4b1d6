import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitTip } from '../../src/components/tip-form/submit.ts';
import {
  browserToday,
  emptyValues,
  fieldErrors,
  refreshErrors,
  visibleFields,
} from '../../src/components/tip-form/validation.ts';
import { validateSubmission } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';

/**
 * The island's use of the shared schema (which fields it validates and
 * sends, which errors it shows when) and how it reads the API's answers.
 */

const TODAY = '2026-12-02';
const valid = () => emptyValues(tipFixture('minimal').fields);

describe('browserToday', () => {
  it('is tomorrow in local time, so a date the server allows is never refused in the browser', () => {
    expect(browserToday(new Date(2026, 11, 31, 23, 59))).toBe('2027-01-01');
    expect(browserToday(new Date(2026, 1, 28, 0, 0))).toBe('2026-03-01');
    expect(browserToday(new Date(2028, 1, 28, 12, 0))).toBe('2028-02-29');
  });
});

describe('visibleFields', () => {
  it('drops the date and time unless "on a date" is chosen, and contact details unless the box is ticked', () => {
    const values = {
      ...valid(),
      when: 'now',
      whenDate: '2026-11-20',
      whenTime: 'night',
      contactWanted: '',
      contactEmail: 'x@example.se',
    };
    const sent = visibleFields(values);
    expect(sent).not.toHaveProperty('whenDate');
    expect(sent).not.toHaveProperty('whenTime');
    expect(sent).not.toHaveProperty('contactEmail');
    expect(sent).not.toHaveProperty('contactWanted');
    expect(fieldErrors(values, TODAY)).toEqual({});
    const shown = visibleFields({ ...values, when: 'date', contactWanted: 'on' });
    expect(shown).toMatchObject({ whenDate: '2026-11-20', whenTime: 'night', contactEmail: 'x@example.se' });
  });

  it('would otherwise make the hidden contact details fail as "not wanted" (why they are dropped)', () => {
    const values = { ...valid(), contactEmail: 'x@example.se' };
    expect(validateSubmission(values, TODAY)).toEqual({
      success: false,
      errors: { contactWanted: 'contact.notWanted' },
    });
    expect(fieldErrors(values, TODAY)).toEqual({});
  });
});

describe('refreshErrors', () => {
  const invalid = emptyValues(tipFixture('invalid-many').fields);

  it('on leaving a field: shows that field’s error only, not errors of fields not reached yet', () => {
    expect(refreshErrors({}, invalid, 'description', TODAY)).toEqual({ description: 'description.tooShort' });
  });

  it('while typing: keeps an error that still applies, drops one that was fixed, adds none', () => {
    const shown = { description: 'description.tooShort', area: 'area.required' } as const;
    expect(refreshErrors(shown, invalid, undefined, TODAY)).toEqual(shown);
    const fixed = { ...invalid, description: 'Nu är beskrivningen lång nog.' };
    expect(refreshErrors(shown, fixed, undefined, TODAY)).toEqual({ area: 'area.required' });
  });

  it('keeps a whole-form problem from the server until the next send', () => {
    expect(refreshErrors({ form: 'form.tooFast' }, valid(), 'description', TODAY)).toEqual({ form: 'form.tooFast' });
  });

  it('agrees with the schema on what is wrong once everything is checked (on send)', () => {
    expect(fieldErrors(invalid, TODAY)).toEqual(tipFixture('invalid-many').errors);
  });
});

describe('submitTip reads the API’s answers (a real HTTP server on 127.0.0.1)', () => {
  let server: Server;
  let base = '';
  /** The next answer the server gives: status, headers, body. */
  let answer: { status: number; headers?: Record<string, string>; body: string } = { status: 500, body: '' };
  let received: { method?: string; type?: string; body: string } | undefined;

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        received = { method: request.method, type: request.headers['content-type'], body };
        if (answer.status === 0) {
          request.socket.destroy();
          return;
        }
        response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
        response.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (status: number, body: unknown, headers?: Record<string, string>) => {
    answer = { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
    return submitTip({ category: 'other' }, (url, init) => fetch(`${base}${String(url)}`, init));
  };

  it('posts JSON to /api/tips', async () => {
    await send(201, { reference: 'K7MX-4RDP' });
    expect(received).toEqual({ method: 'POST', type: 'application/json', body: '{"category":"other"}' });
  });

  it('201 with a reference → accepted; without one → failed', async () => {
    expect(await send(201, { reference: 'K7MX-4RDP' })).toEqual({ kind: 'accepted', reference: 'K7MX-4RDP' });
    expect(await send(201, {})).toEqual({ kind: 'failed' });
  });

  it('422 → the known fields’ codes only; 422 without usable fields → failed', async () => {
    const fields = {
      area: { code: 'area.required', message: '…' },
      form: { code: 'form.expired', message: '…' },
      name: { code: 'area.required' },
      description: { code: 'made.up' },
    };
    expect(await send(422, { error: { code: 'validation_failed', fields } })).toEqual({
      kind: 'invalid',
      errors: { area: 'area.required', form: 'form.expired' },
    });
    expect(await send(422, { error: { code: 'validation_failed' } })).toEqual({ kind: 'failed' });
  });

  it('429 → how long to wait, from the body, else Retry-After, else a minute', async () => {
    expect(await send(429, { error: { code: 'rate_limited', retryAfterSeconds: 290 } })).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: 290,
      overloaded: false,
    });
    expect(await send(429, { error: { code: 'rate_limited' } }, { 'Retry-After': '120' })).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: 120,
      overloaded: false,
    });
    expect(await send(429, 'not json')).toEqual({ kind: 'rate-limited', retryAfterSeconds: 60, overloaded: false });
  });

  it('429 overloaded → the service-wide cap, told apart from "too many from here"', async () => {
    expect(await send(429, { error: { code: 'overloaded', retryAfterSeconds: 600 } })).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: 600,
      overloaded: true,
    });
  });

  it('anything else, a body that is not JSON, or a dropped connection → failed', async () => {
    for (const status of [400, 403, 413, 415, 500, 503]) {
      expect(await send(status, { error: { code: 'x' } }), String(status)).toEqual({ kind: 'failed' });
    }
    expect(await send(201, '<html>proxy error</html>')).toEqual({ kind: 'failed' });
    expect(await send(0, '')).toEqual({ kind: 'failed' });
  });
});
