import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { PermanentDeliveryError, TemporaryDeliveryError } from '../../src/delivery/mail/errors.ts';
import { CATEGORY_LABELS } from '../../src/delivery/mail/labels.ts';
import { createMailer, type TipMailer } from '../../src/delivery/mail/mailer.ts';
import { buildTipEmail, tipSubject } from '../../src/delivery/mail/tip-email.ts';
import { smtpPoolOptions } from '../../src/delivery/mail/transport-options.ts';
import type { AcceptedTip } from '../../src/store/accepted-tip.ts';
import { flagsOf, tipSchema, type Tip } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { asFenced, descriptionIn as descriptionOf } from '../helpers/tip-email-text.ts';
import {
  headerNames,
  makeTestCertificate,
  startSmtpSink,
  TIP_EMAIL_HEADERS,
  type CapturedMessage,
  type SmtpSink,
} from '../helpers/smtp-sink.ts';

/**
 * The mailer against a real smtp-server on 127.0.0.1, read back with
 * mailparser: headers, envelope, body, injection (THREATS #3, #4) and the
 * classification of relay faults (THREATS #12). No mocks.
 */

const FROM = 'Tillsammans för trygghet <no-reply@trygghet.example>';
const SITE_HOST = 'trygghet.example';
const ACCEPTED_AT = Date.UTC(2026, 10, 21, 13, 5);
const logger = createLogger('silent');

function accepted(tip: Tip, reference = 'K7MX-4RDP', language: AcceptedTip['language'] = 'sv'): AcceptedTip {
  return { reference, acceptedAt: ACCEPTED_AT, language, tip, flags: flagsOf(tip) };
}

function fromFixture(name: string, reference?: string): AcceptedTip {
  const fixture = tipFixture(name);
  return accepted(tipSchema('2099-12-31').parse(fixture.fields), reference, fixture.lang);
}

/** A tip that skipped the schema: the mailer must be safe on its own. */
function unchecked(fields: Record<string, unknown>): Tip {
  return { category: 'other', area: 'segeltorp', description: 'En beskrivning av händelsen.', ...fields } as Tip;
}

function mailConfig(sink: SmtpSink, env: Record<string, string> = {}) {
  return loadConfig({ SMTP_URL: sink.url, MAIL_FROM: FROM, ...env }).mail;
}

function mailerFor(sink: SmtpSink, env: Record<string, string> = {}, tls?: { ca: string }): TipMailer {
  return createMailer(mailConfig(sink, env), {
    dataDir: '/nonexistent',
    nodeEnv: 'test',
    logger,
    siteHost: SITE_HOST,
    ...(tls ? { tls } : {}),
  });
}

const descriptionIn = (text: string) => descriptionOf(text, 'K7MX-4RDP');

function only(sink: SmtpSink): CapturedMessage {
  expect(sink.messages).toHaveLength(1);
  return sink.messages[0] as CapturedMessage;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the send to fail');
    },
    (error: unknown) => error,
  );
}

let sink: SmtpSink;
let mailer: TipMailer;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = mailerFor(sink);
});

afterEach(() => sink.reset());

afterAll(async () => {
  await mailer.close();
  await sink.close();
});

describe('round trip', () => {
  it('delivers a tip once with exactly the expected headers, recipients and body', async () => {
    const tip = fromFixture('full-swedish');
    const result = await mailer.send(tip);
    expect(result.messageId).toBe('<tip-K7MX-4RDP@trygghet.example>');

    const message = only(sink);
    expect(message.envelope).toEqual({ mailFrom: 'no-reply@trygghet.example', rcptTo: ['trygghet@huge.se'] });
    expect(headerNames(message.raw)).toEqual(TIP_EMAIL_HEADERS);

    const { parsed } = message;
    expect(parsed.from?.value).toEqual([{ address: 'no-reply@trygghet.example', name: 'Tillsammans för trygghet' }]);
    expect(parsed.to).toMatchObject({ value: [{ address: 'trygghet@huge.se', name: '' }] });
    expect(parsed.subject).toBe('Skogås: Narkotika – tips K7MX-4RDP');
    expect(parsed.messageId).toBe('<tip-K7MX-4RDP@trygghet.example>');
    expect(parsed.date?.getTime()).toBe(ACCEPTED_AT);
    expect(parsed.headers.get('mime-version')).toBe('1.0');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'text/plain', params: { charset: 'utf-8' } });
    expect(['quoted-printable', 'base64']).toContain(parsed.headers.get('content-transfer-encoding'));
    expect(parsed.replyTo).toBeUndefined();
    expect(parsed.html).toBe(false);
    expect(parsed.attachments).toHaveLength(0);

    const text = parsed.text ?? '';
    for (const line of [
      'Referens: K7MX-4RDP',
      'Mottaget: lördag 2026-11-21 kl. 14:05 (svensk tid)',
      'Språk: Tipset skickades från formuläret på svenska; texten är troligen skriven på svenska.',
      `Händelse: ${CATEGORY_LABELS.drugs}`,
      'Fokusområde: Alkohol, narkotika, dopning, tobak och spel (ANDTS)',
      'Område: Skogås',
      'Plats: Trapphus 4B, källaringången',
      'När: fredag 2026-11-20, kväll',
      'Anonymt tips – kan inte besvaras.',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    expect(descriptionIn(text)).toBe(asFenced(tip.tip.description));
  });

  it('adds the configured area recipient to the envelope and To, and no one else', async () => {
    const areaMailer = mailerFor(sink, { AREA_RECIPIENTS: 'skogas=skogas@huge.se;varby=varby@huge.se' });
    try {
      await areaMailer.send(fromFixture('full-swedish'));
      await areaMailer.send(fromFixture('arabic', 'QRTW-XY34'));
    } finally {
      await areaMailer.close();
    }
    expect(sink.messages).toHaveLength(2);
    const [skogas, varby] = sink.messages as [CapturedMessage, CapturedMessage];
    expect(skogas.envelope.rcptTo).toEqual(['trygghet@huge.se', 'skogas@huge.se']);
    expect(skogas.parsed.to).toMatchObject({ value: [{ address: 'trygghet@huge.se' }, { address: 'skogas@huge.se' }] });
    expect(varby.envelope.rcptTo).toEqual(['trygghet@huge.se', 'varby@huge.se']);
    expect(varby.parsed.text).toContain('formuläret på arabiska');
  });

  it('adds nothing about the sender or the sending machine', async () => {
    await mailer.send(fromFixture('contact-wanted'));
    const raw = only(sink).raw.toString('utf8');
    expect(headerNames(only(sink).raw)).toEqual(TIP_EMAIL_HEADERS);
    for (const needle of ['Received:', 'X-Originating-IP', 'User-Agent', 'X-Mailer', '127.0.0.1', 'localhost']) {
      expect(raw).not.toContain(needle);
    }
    expect(raw).not.toMatch(/\b\d{2}:\d{2}:(?!00)\d{2}\b/); // no time finer than the minute
  });
});

describe('hostile text arrives verbatim and inert (THREATS #3, #4)', () => {
  const cases: [string, AcceptedTip][] = [
    ['the injection fixture', fromFixture('injection')],
    [
      'raw CR/LF and a quoted @ in place and contact (schema bypassed)',
      accepted(
        unchecked({
          place: 'Gården\r\nBcc: victim@evil.example\r\n\r\n<script>alert(1)</script>',
          contactWanted: true,
          contactEmail: '"a@b"@evil.example\r\nTo: x@evil.example',
          contactPhone: '070\r\nCc: y@evil.example',
          description: 'Rad ett\nBcc: victim@evil.example\n\tIndraget <img src=x onerror=alert(1)>\n\u202Eevil\u202C',
        }),
      ),
    ],
    ['a 4,000-character line of Latin text', accepted(unchecked({ description: 'a'.repeat(4000) }))],
    ['a 4,000-character line of Arabic', accepted(unchecked({ description: 'ع'.repeat(4000) }))],
    ['4,000 astral characters', accepted(unchecked({ description: '🔥'.repeat(4000) }))],
    [
      'SMTP and MIME lookalikes',
      accepted(
        unchecked({
          description:
            '.\n..\nFrom nobody\n--boundary\nContent-Type: text/html\n\n<b>bold</b>\n=?UTF-8?B?SGk=?=\n=3D=\n',
        }),
      ),
    ],
  ];

  it.each(cases)('%s', async (_name, tip) => {
    await mailer.send(tip);
    const message = only(sink);
    expect(headerNames(message.raw)).toEqual(TIP_EMAIL_HEADERS);
    expect(message.envelope.rcptTo).toEqual(['trygghet@huge.se']);

    const expected = buildTipEmail(tip, {
      from: FROM,
      to: ['trygghet@huge.se'],
      areaRecipients: {},
      siteHost: SITE_HOST,
    });
    const { parsed } = message;
    expect(parsed.subject).toBe(expected.subject);
    expect(parsed.subject).toBe(tipSubject(tip));
    expect(parsed.to).toMatchObject({ value: [{ address: 'trygghet@huge.se' }] });
    expect(parsed.cc).toBeUndefined();
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.replyTo).toBeUndefined();
    expect(parsed.html).toBe(false);
    expect(parsed.attachments).toHaveLength(0);

    // Byte for byte after decoding: the body as built, and the description inside it.
    const text = parsed.text ?? '';
    expect(Buffer.from(text)).toEqual(Buffer.from(expected.text as string));
    expect(Buffer.from(descriptionIn(text))).toEqual(Buffer.from(asFenced(tip.tip.description)));
  });
});

describe('relay faults are classified (THREATS #12)', () => {
  it('451 → temporary; after three, the fourth attempt delivers exactly one message', async () => {
    sink.failNext(3, 451);
    const tip = fromFixture('minimal');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const error = await failure(mailer.send(tip));
      expect(error).toBeInstanceOf(TemporaryDeliveryError);
      expect(error).toMatchObject({ responseCode: 451, reason: '451 at DATA' });
    }
    await mailer.send(tip);
    expect(sink.attempts.map((attempt) => attempt.code)).toEqual([451, 451, 451, 250]);
    expect(sink.messages).toHaveLength(1);
  });

  it('4xx at MAIL FROM or for every recipient → temporary', async () => {
    sink.failNext(1, 450, 'mail');
    expect(await failure(mailer.send(fromFixture('minimal')))).toBeInstanceOf(TemporaryDeliveryError);
    sink.failNext(1, 452, 'rcpt');
    const error = await failure(mailer.send(fromFixture('minimal')));
    expect(error).toBeInstanceOf(TemporaryDeliveryError);
    expect(error).toMatchObject({ reason: '452 at RCPT TO (all 1 recipients rejected)' });
    expect(sink.messages).toHaveLength(0);
  });

  it.each([550, 551, 552, 553, 554])('%i → permanent', async (code) => {
    sink.failAlways(code);
    const error = await failure(mailer.send(fromFixture('minimal')));
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(error).toMatchObject({ responseCode: code, reason: `${code} at DATA` });
    expect(sink.messages).toHaveLength(0);
  });

  it('one recipient refused with 550 while the other accepts → permanent failure, never success', async () => {
    const two = mailerFor(sink, { TIP_EMAIL_TO: 'trygghet@huge.se, backup@huge.se' });
    sink.rejectRecipient('backup@huge.se', 550);
    try {
      const error = await failure(two.send(fromFixture('minimal')));
      expect(error).toBeInstanceOf(PermanentDeliveryError);
      expect(error).toMatchObject({
        responseCode: 550,
        reason: '550 at RCPT TO (1 of 2 recipients rejected; the others accepted)',
      });
      // The relay did take it for the other recipient: a retry would be a recognisable duplicate.
      expect(only(sink).envelope.rcptTo).toEqual(['trygghet@huge.se']);

      sink.reset();
      sink.rejectRecipient('backup@huge.se', 452);
      expect(await failure(two.send(fromFixture('minimal')))).toBeInstanceOf(TemporaryDeliveryError);
    } finally {
      await two.close();
    }
  });

  it('the relay down → temporary (connection refused); back on the same port → delivered', async () => {
    await mailer.send(fromFixture('minimal')); // leaves a pooled connection open
    const port = sink.port;
    await sink.stop();
    try {
      const error = await failure(mailer.send(fromFixture('minimal', 'QRTW-XY34')));
      expect(error).toBeInstanceOf(TemporaryDeliveryError);
      expect((error as TemporaryDeliveryError).reason).toMatch(/ECONNREFUSED/);
    } finally {
      await sink.start();
    }
    expect(sink.port).toBe(port);
    await mailer.send(fromFixture('minimal', 'QRTW-XY34'));
    expect(sink.messages.map((message) => message.parsed.messageId)).toEqual([
      '<tip-K7MX-4RDP@trygghet.example>',
      '<tip-QRTW-XY34@trygghet.example>',
    ]);
  });

  it('a message the builder refuses (malformed reference) → permanent, nothing sent', async () => {
    const error = await failure(mailer.send({ ...fromFixture('minimal'), reference: 'bad\r\nBcc: x@evil.example' }));
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(sink.attempts).toHaveLength(0);
  });
});

describe('TLS', () => {
  const certificate = makeTestCertificate();
  if (!certificate)
    console.warn('openssl not found: skipping the STARTTLS tests (they need a self-signed certificate)');

  it.skipIf(!certificate)('upgrades with STARTTLS and verifies the relay against the given CA', async () => {
    if (!certificate) return;
    const tlsSink = await startSmtpSink({ tls: certificate });
    const trusting = mailerFor(tlsSink, {}, { ca: certificate.cert });
    const untrusting = mailerFor(tlsSink);
    try {
      await trusting.send(fromFixture('minimal'));
      expect(only(tlsSink).secure).toBe(true);

      // Without the CA the self-signed certificate is refused, not ignored.
      const error = await failure(untrusting.send(fromFixture('minimal', 'QRTW-XY34')));
      expect(error).toBeInstanceOf(TemporaryDeliveryError);
      expect(tlsSink.messages).toHaveLength(1);
    } finally {
      await trusting.close();
      await untrusting.close();
      await tlsSink.close();
    }
  });

  it('refuses to send in clear text to a non-loopback smtp:// relay that offers no STARTTLS', async () => {
    // The options as built for a remote relay, pointed at the plain-text sink on loopback.
    const options = smtpPoolOptions(loadConfig({ SMTP_URL: `smtp://relay.huge.example:${sink.port}` }).mail, {
      clientName: SITE_HOST,
    });
    expect(options.requireTLS).toBe(true);
    const transport = nodemailer.createTransport({ ...options, host: '127.0.0.1' });
    try {
      const error = await failure(
        transport.sendMail(
          buildTipEmail(fromFixture('minimal'), {
            from: FROM,
            to: ['trygghet@huge.se'],
            areaRecipients: {},
            siteHost: SITE_HOST,
          }),
        ),
      );
      expect(error).toMatchObject({ code: 'ETLS' });
    } finally {
      transport.close();
    }
    expect(sink.attempts).toHaveLength(0);
    expect(sink.messages).toHaveLength(0);
  });
});
