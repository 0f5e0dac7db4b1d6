import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { classifySendError, partialRejection } from '../../src/delivery/mail/classify.ts';
import { PermanentDeliveryError, TemporaryDeliveryError } from '../../src/delivery/mail/errors.ts';
import { createPacer } from '../../src/delivery/mail/pacer.ts';
import { smtpPoolOptions } from '../../src/delivery/mail/transport-options.ts';

const EXTRAS = { clientName: 'trygghet.example' };

function mailConfig(env: Record<string, string>) {
  return loadConfig(env).mail;
}

describe('smtpPoolOptions', () => {
  it('requires STARTTLS for smtp:// to a relay on another host', () => {
    const options = smtpPoolOptions(mailConfig({ SMTP_URL: 'smtp://relay.huge.example' }), EXTRAS);
    expect(options).toMatchObject({ host: 'relay.huge.example', port: 587, secure: false, requireTLS: true });
    expect(options.tls).toBeUndefined(); // certificates verified: nodemailer's default
    const byAddress = smtpPoolOptions(mailConfig({ SMTP_URL: 'smtp://192.0.2.10:25' }), EXTRAS);
    expect(byAddress).toMatchObject({ host: '192.0.2.10', port: 25, requireTLS: true });
  });

  it('lets a loopback relay skip STARTTLS', () => {
    for (const url of ['smtp://127.0.0.1:2525', 'smtp://localhost', 'smtp://[::1]:25', 'smtp://127.1.2.3']) {
      expect(smtpPoolOptions(mailConfig({ SMTP_URL: url }), EXTRAS).requireTLS).toBe(false);
    }
    expect(smtpPoolOptions(mailConfig({ SMTP_URL: 'smtp://[::1]:25' }), EXTRAS).host).toBe('::1');
  });

  it('uses implicit TLS for smtps://', () => {
    const options = smtpPoolOptions(mailConfig({ SMTP_URL: 'smtps://mail.example' }), EXTRAS);
    expect(options).toMatchObject({ secure: true, port: 465, requireTLS: false });
  });

  it('decodes credentials and passes pool size, DKIM, the EHLO name and extra TLS options', () => {
    const key = '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----';
    const options = smtpPoolOptions(
      mailConfig({
        SMTP_URL: 'smtp://tips%40huge.example:p%3Ass%2Fw@relay.example:2587',
        SMTP_POOL_CONNECTIONS: '8',
        DKIM_DOMAIN: 'huge.example',
        DKIM_SELECTOR: 'tips2026',
        DKIM_PRIVATE_KEY: key,
      }),
      { clientName: 'trygghet.example', tls: { ca: 'CA' } },
    );
    expect(options).toMatchObject({
      pool: true,
      auth: { user: 'tips@huge.example', pass: 'p:ss/w' },
      port: 2587,
      maxConnections: 8,
      name: 'trygghet.example',
      tls: { ca: 'CA' },
      dkim: {
        domainName: 'huge.example',
        keySelector: 'tips2026',
        privateKey: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
      },
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    expect(options.connectionTimeout).toBeLessThanOrEqual(30_000);
    expect(smtpPoolOptions(mailConfig({ SMTP_URL: 'smtp://relay.example' }), EXTRAS).auth).toBeUndefined();
  });
});

describe('createPacer (MAIL_RATE_PER_MINUTE)', () => {
  /** A clock whose sleeps are recorded and move time at once. */
  function fakeClock() {
    let now = 1_000;
    const sleeps: number[] = [];
    return {
      sleeps,
      advance: (ms: number) => (now += ms),
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
      },
    };
  }

  it('spaces concurrent sends evenly at 60 000 / rate ms', async () => {
    const clock = fakeClock();
    const pace = createPacer(1200, clock);
    await Promise.all([pace(), pace(), pace(), pace(), pace()]);
    expect(clock.sleeps).toEqual([50, 100, 150, 200]);
  });

  it('lets a send through at once after a quiet spell, and keeps the spacing after it', async () => {
    const clock = fakeClock();
    const pace = createPacer(6, clock); // one per 10 s
    await pace();
    clock.advance(25_000);
    await pace();
    clock.advance(4_000);
    await pace();
    expect(clock.sleeps).toEqual([6_000]);
  });

  it('never waits when the rate is 0 (off)', async () => {
    const clock = fakeClock();
    const pace = createPacer(0, clock);
    await Promise.all(Array.from({ length: 100 }, () => pace()));
    expect(clock.sleeps).toEqual([]);
  });
});

/** An error shaped as nodemailer reports it (see NodemailerError). */
function smtpError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error('server said no'), fields);
}

describe('classifySendError', () => {
  it.each([
    [{ code: 'EMESSAGE', responseCode: 451, response: '451 4.3.0 try later', command: 'DATA' }, '451 4.3.0 at DATA'],
    [{ code: 'EENVELOPE', responseCode: 421, response: '421 closing', command: 'MAIL FROM' }, '421 at MAIL FROM'],
    [{ code: 'EMESSAGE', responseCode: 452, command: 'DATA' }, '452 at DATA'],
    [{ code: 'EPROTOCOL', responseCode: 503, command: 'RCPT TO' }, '503 at RCPT TO'],
    [{ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 bad credentials', command: 'AUTH PLAIN' }, null],
    [{ code: 'EPROTOCOL', responseCode: 554, response: '554 no service', command: 'CONN' }, '554 at CONN'],
    [{ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, 'ESOCKET (ECONNREFUSED)'],
    [{ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' }, 'ETIMEDOUT (GREETING_TIMEOUT)'],
    [{ code: 'ETLS' }, 'ETLS'],
    [{}, 'unknown error'],
  ])('treats %o as temporary', (fields, reason) => {
    const error = classifySendError(smtpError(fields));
    expect(error).toBeInstanceOf(TemporaryDeliveryError);
    if (reason) expect(error.reason).toBe(reason);
  });

  it('treats a thrown non-error as temporary', () => {
    expect(classifySendError('boom')).toBeInstanceOf(TemporaryDeliveryError);
  });

  it.each([550, 551, 552, 553, 554])('treats %i as permanent', (code) => {
    const error = classifySendError(smtpError({ code: 'EMESSAGE', responseCode: code, command: 'DATA' }));
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(error.responseCode).toBe(code);
    expect(error.reason).toBe(`${code} at DATA`);
  });

  it('decides an all-rejected envelope by its worst refusal', () => {
    const deferred = smtpError({
      code: 'EENVELOPE',
      responseCode: 450,
      rejectedErrors: [smtpError({ responseCode: 450 }), smtpError({ responseCode: 451 })],
    });
    expect(classifySendError(deferred)).toBeInstanceOf(TemporaryDeliveryError);
    const mixed = smtpError({
      code: 'EENVELOPE',
      responseCode: 450,
      rejectedErrors: [smtpError({ responseCode: 450 }), smtpError({ responseCode: 550, response: '550 5.1.1 no' })],
    });
    const error = classifySendError(mixed);
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(error.reason).toBe('550 5.1.1 at RCPT TO (all 2 recipients rejected)');
  });

  it('never copies the server text (which could echo anything) into the reason', () => {
    const error = classifySendError(
      smtpError({
        code: 'EMESSAGE',
        responseCode: 554,
        response: '554 5.7.1 Message contains "secret tip"',
        command: 'DATA',
      }),
    );
    expect(error.reason).toBe('554 5.7.1 at DATA');
    expect(error.message).not.toContain('secret');
  });
});

describe('partialRejection', () => {
  it('is undefined only when every recipient accepted', () => {
    expect(partialRejection({ accepted: ['a@x.se', 'b@x.se'], rejected: [] })).toBeUndefined();
  });

  it('fails a partly rejected message: permanent for a 5xx, temporary for 4xx', () => {
    const permanent = partialRejection({
      accepted: ['a@x.se'],
      rejected: ['b@x.se'],
      rejectedErrors: [smtpError({ responseCode: 550 })],
    });
    expect(permanent).toBeInstanceOf(PermanentDeliveryError);
    expect(permanent?.reason).toBe('550 at RCPT TO (1 of 2 recipients rejected; the others accepted)');
    const temporary = partialRejection({
      accepted: ['a@x.se'],
      rejected: ['b@x.se'],
      rejectedErrors: [smtpError({ responseCode: 452 })],
    });
    expect(temporary).toBeInstanceOf(TemporaryDeliveryError);
    expect(partialRejection({ accepted: ['a@x.se'], rejected: ['b@x.se'] })).toBeInstanceOf(TemporaryDeliveryError);
  });
});

describe('delivery errors', () => {
  it('have permanent names for logs and a short reason', () => {
    expect(new TemporaryDeliveryError('451 at DATA').name).toBe('TemporaryDeliveryError');
    expect(new PermanentDeliveryError('550 at DATA', 550)).toMatchObject({
      name: 'PermanentDeliveryError',
      reason: '550 at DATA',
      responseCode: 550,
      message: 'Permanent delivery failure: 550 at DATA',
    });
  });
});
