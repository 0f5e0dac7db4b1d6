import { createHash, generateKeyPairSync, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createMailer } from '../../src/delivery/mail/mailer.ts';
import { flagsOf, tipSchema } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

/**
 * DKIM signing from configuration (DKIM_DOMAIN, DKIM_SELECTOR,
 * DKIM_PRIVATE_KEY): the message the relay receives carries a signature that
 * verifies against the public key (RFC 6376, relaxed/relaxed, rsa-sha256),
 * checked here by hand so no DNS is needed.
 */

/** Header lines of a raw message, unfolded, in order. */
function headerLines(raw: string): string[] {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  return head.split(/\r\n(?![ \t])/);
}

function relaxedHeader(line: string): string {
  const colon = line.indexOf(':');
  const name = line.slice(0, colon).trim().toLowerCase();
  const value = line
    .slice(colon + 1)
    .replace(/\r\n/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${name}:${value}`;
}

function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((line) => line.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length > 0 ? `${lines.join('\r\n')}\r\n` : '';
}

function tags(value: string): Map<string, string> {
  return new Map(
    value.split(';').flatMap((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [] : [[part.slice(0, at).trim(), part.slice(at + 1).replace(/\s+/g, '')] as [string, string]];
    }),
  );
}

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink.close();
});

describe('DKIM', () => {
  it('signs the message with the configured key, and the signature verifies', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const mail = loadConfig({
      SMTP_URL: sink.url,
      MAIL_FROM: 'Tillsammans för trygghet <no-reply@huge.example>',
      DKIM_DOMAIN: 'huge.example',
      DKIM_SELECTOR: 'tips2026',
      // As it would come from an environment variable: one line with \n escapes.
      DKIM_PRIVATE_KEY: pem.replace(/\n/g, '\\n'),
    }).mail;
    const mailer = createMailer(mail, {
      dataDir: '/nonexistent',
      nodeEnv: 'test',
      logger: createLogger('silent'),
      siteHost: 'trygghet.huge.example',
    });
    const tip = tipSchema('2099-12-31').parse(tipFixture('injection').fields);
    try {
      await mailer.send({
        reference: 'K7MX-4RDP',
        acceptedAt: Date.UTC(2026, 10, 21, 13, 5),
        language: 'sv',
        tip,
        flags: flagsOf(tip),
      });
    } finally {
      await mailer.close();
    }

    expect(sink.messages).toHaveLength(1);
    const raw = sink.messages[0]?.raw.toString('latin1') ?? '';
    const lines = headerLines(raw);
    const signatureLine = lines.find((line) => /^dkim-signature:/i.test(line)) ?? '';
    const signature = tags(signatureLine.slice(signatureLine.indexOf(':') + 1));
    expect(signature.get('d')).toBe('huge.example');
    expect(signature.get('s')).toBe('tips2026');
    expect(signature.get('a')).toBe('rsa-sha256');
    expect(signature.get('c')).toBe('relaxed/relaxed');

    const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
    const bodyHash = createHash('sha256').update(relaxedBody(body), 'latin1').digest('base64');
    expect(signature.get('bh')).toBe(bodyHash);

    const signed = (signature.get('h') ?? '').split(':').map((name) => name.toLowerCase());
    for (const name of ['from', 'to', 'subject', 'message-id', 'date']) expect(signed).toContain(name);
    const data =
      signed
        .map((name) => lines.find((line) => line.toLowerCase().startsWith(`${name}:`)))
        .filter((line): line is string => line !== undefined)
        .map((line) => `${relaxedHeader(line)}\r\n`)
        .join('') + relaxedHeader(signatureLine.replace(/\bb=[^;]*$/, 'b='));
    const valid = verify(
      'sha256',
      Buffer.from(data, 'latin1'),
      publicKey,
      Buffer.from(signature.get('b') ?? '', 'base64'),
    );
    expect(valid).toBe(true);
  });
});
