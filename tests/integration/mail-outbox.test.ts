import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { TemporaryDeliveryError } from '../../src/delivery/mail/errors.ts';
import { createMailer } from '../../src/delivery/mail/mailer.ts';
import type { AcceptedTip } from '../../src/store/accepted-tip.ts';
import { flagsOf, tipSchema } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';

/** Development mode: no SMTP_URL → one .eml file per tip under DATA_DIR/mail-outbox. */

const SITE_HOST = 'localhost';

function fromFixture(name: string, reference = 'K7MX-4RDP'): AcceptedTip {
  const fixture = tipFixture(name);
  const tip = tipSchema('2099-12-31').parse(fixture.fields);
  return {
    reference,
    acceptedAt: Date.UTC(2026, 10, 21, 13, 5),
    language: fixture.lang ?? 'sv',
    tip,
    flags: flagsOf(tip),
  };
}

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('info', destination), lines };
}

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'mail-outbox-test-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('development outbox', () => {
  it('writes each tip as a 0600 .eml file that mailparser reads, and logs its path', async () => {
    const { logger, lines } = capturingLogger();
    const mailer = createMailer(loadConfig({}).mail, { dataDir, nodeEnv: 'development', logger, siteHost: SITE_HOST });
    const tip = fromFixture('arabic');
    const result = await mailer.send(tip);
    await mailer.close();
    expect(result.messageId).toBe('<tip-K7MX-4RDP@localhost>');

    const directory = join(dataDir, 'mail-outbox');
    const path = join(directory, 'tip-K7MX-4RDP.eml');
    expect(readdirSync(directory)).toEqual(['tip-K7MX-4RDP.eml']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(directory).mode & 0o777).toBe(0o700);

    const parsed = await simpleParser(readFileSync(path));
    expect(parsed.messageId).toBe('<tip-K7MX-4RDP@localhost>');
    expect(parsed.to).toMatchObject({ value: [{ address: 'trygghet@huge.se' }] });
    expect(parsed.text).toContain(tip.tip.description);
    expect(parsed.text).toContain('formuläret på arabiska');

    const logged = lines.join('');
    expect(logged).toContain(path);
    // The log names the file, never what is in it.
    expect(logged).not.toContain(tip.tip.description);
    expect(logged).not.toContain(tip.tip.place ?? '(no place)');
  });

  it('writes the same bytes as the message that goes over SMTP', async () => {
    const sink = await startSmtpSink();
    const { logger } = capturingLogger();
    const deps = { dataDir, nodeEnv: 'development' as const, logger, siteHost: SITE_HOST };
    const smtp = createMailer(loadConfig({ SMTP_URL: sink.url }).mail, deps);
    const outbox = createMailer(loadConfig({}).mail, deps);
    try {
      const tip = fromFixture('injection');
      await smtp.send(tip);
      await outbox.send(tip);
      const file = readFileSync(join(dataDir, 'mail-outbox', 'tip-K7MX-4RDP.eml'));
      expect(sink.messages).toHaveLength(1);
      expect(file.equals(sink.messages[0]?.raw ?? Buffer.alloc(0))).toBe(true);
    } finally {
      await smtp.close();
      await outbox.close();
      await sink.close();
    }
  });

  it('replaces the file when the same tip is sent again, leaving no temporary files', async () => {
    const { logger } = capturingLogger();
    const mailer = createMailer(loadConfig({}).mail, { dataDir, nodeEnv: 'development', logger, siteHost: SITE_HOST });
    await Promise.all([mailer.send(fromFixture('minimal')), mailer.send(fromFixture('minimal'))]);
    await mailer.send(fromFixture('full-swedish', 'QRTW-XY34'));
    expect(readdirSync(join(dataDir, 'mail-outbox')).sort()).toEqual(['tip-K7MX-4RDP.eml', 'tip-QRTW-XY34.eml']);
  });

  it('reports an unwritable outbox as a temporary failure', async () => {
    writeFileSync(join(dataDir, 'mail-outbox'), 'not a directory');
    const { logger } = capturingLogger();
    const mailer = createMailer(loadConfig({}).mail, { dataDir, nodeEnv: 'development', logger, siteHost: SITE_HOST });
    await expect(mailer.send(fromFixture('minimal'))).rejects.toBeInstanceOf(TemporaryDeliveryError);
  });
});
