import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createMailer } from '../../src/delivery/mail/mailer.ts';
import { REFERENCE_ALPHABET } from '../../src/store/reference.ts';
import type { AcceptedTip } from '../../src/store/accepted-tip.ts';
import { flagsOf, tipSchema } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

/**
 * How fast the pool drains to a local relay (a figure for the benchmark, not
 * an assertion), and that the configured sending rate holds.
 */

const logger = createLogger('silent');
const base = tipSchema('2099-12-31').parse(tipFixture('full-swedish').fields);

/** The n-th distinct valid reference. */
function reference(n: number): string {
  let text = '';
  let rest = n;
  for (let i = 0; i < 8; i += 1) {
    if (i === 4) text += '-';
    text += REFERENCE_ALPHABET[rest % REFERENCE_ALPHABET.length];
    rest = Math.floor(rest / REFERENCE_ALPHABET.length);
  }
  return text;
}

function tips(count: number): AcceptedTip[] {
  return Array.from({ length: count }, (_, n) => ({
    reference: reference(n),
    acceptedAt: Date.UTC(2026, 10, 21, 13, 5),
    language: 'sv',
    tip: base,
    flags: flagsOf(base),
  }));
}

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink.close();
});

describe('pool throughput', () => {
  it.each([1, 5, 10])('sends 300 messages concurrently through %i pooled connection(s)', async (connections) => {
    sink.reset();
    const mailer = createMailer(
      loadConfig({ SMTP_URL: sink.url, SMTP_POOL_CONNECTIONS: String(connections), MAIL_RATE_PER_MINUTE: '0' }).mail,
      { dataDir: '/nonexistent', nodeEnv: 'test', logger, siteHost: 'trygghet.example' },
    );
    const batch = tips(300);
    const started = performance.now();
    try {
      await Promise.all(batch.map((tip) => mailer.send(tip)));
    } finally {
      await mailer.close();
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `mail pool: 300 messages, ${connections} connection(s): ${seconds.toFixed(2)} s, ${(300 / seconds).toFixed(0)} emails/s`,
    );
    expect(sink.messages).toHaveLength(300);
    expect(new Set(sink.messages.map((message) => message.parsed.messageId)).size).toBe(300);
  });
});

describe('sending rate', () => {
  it('spaces messages by 60 000 / MAIL_RATE_PER_MINUTE ms', async () => {
    sink.reset();
    const mailer = createMailer(
      loadConfig({ SMTP_URL: sink.url, SMTP_POOL_CONNECTIONS: '5', MAIL_RATE_PER_MINUTE: '1200' }).mail,
      { dataDir: '/nonexistent', nodeEnv: 'test', logger, siteHost: 'trygghet.example' },
    );
    const batch = tips(6);
    const started = performance.now();
    try {
      await Promise.all(batch.map((tip) => mailer.send(tip)));
    } finally {
      await mailer.close();
    }
    const elapsed = performance.now() - started;
    console.log(`mail pool: 6 messages at 1200/min took ${elapsed.toFixed(0)} ms (at least 250 ms expected)`);
    // Five gaps of 50 ms each; a lower bound that timers can only exceed.
    expect(elapsed).toBeGreaterThanOrEqual(245);
    expect(sink.messages).toHaveLength(6);
  });
});
