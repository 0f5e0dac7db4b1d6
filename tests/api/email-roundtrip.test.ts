import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tipFixture } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { headerNames, startSmtpSink, TIP_EMAIL_HEADERS, type SmtpSink } from '../helpers/smtp-sink.ts';
import { postTipJson } from '../helpers/tip-client.ts';

/** A tip sent through the API reaches a real SMTP server once, with exactly the expected headers and recipients. */

let sink: SmtpSink;
let server: TestServer;
beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startServer({
    env: {
      SMTP_URL: sink.url,
      MAIL_FROM: 'Tillsammans för trygghet <no-reply@trygghet.example>',
      AREA_RECIPIENTS: 'varby=varby-team@huge.example',
      WORKER_POLL_MS: '100',
    },
  });
});
afterAll(async () => {
  await server.stop();
  await sink.close();
});

describe('forwarding by email', () => {
  it('delivers one message with fixed headers, allow-listed subject and only the configured recipients', async () => {
    const response = await postTipJson(server.url, { ...tipFixture('full-swedish').fields, lang: 'sv' });
    expect(response.status).toBe(201);
    const { reference } = JSON.parse(response.body) as { reference: string };
    const [message] = await sink.waitForMessages(1, 10_000);
    if (!message) throw new Error('no message arrived');
    expect(message.envelope.rcptTo).toEqual(['trygghet@huge.se']);
    expect(message.parsed.from?.text).toBe('"Tillsammans för trygghet" <no-reply@trygghet.example>');
    expect(message.parsed.to && 'text' in message.parsed.to ? message.parsed.to.text : '').toBe('trygghet@huge.se');
    expect(message.parsed.subject).toBe(`Tips ${reference}: Narkotika: försäljning eller användning – Skogås`);
    expect(message.parsed.messageId).toBe(`<tip-${reference}@localhost>`);
    expect(message.parsed.html).toBe(false);
    expect(message.parsed.text).toContain('källaringången');
    expect(message.parsed.text).toContain('Anonymt tips – kan inte besvaras');
    expect(headerNames(message.raw)).toEqual(TIP_EMAIL_HEADERS);
    // Exactly once, also after the worker has polled a few more times.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.messages.filter((m) => m.parsed.messageId === message.parsed.messageId)).toHaveLength(1);
  });

  it("adds the area's extra recipient from configuration, and nobody from the tip", async () => {
    sink.reset();
    const injection = tipFixture('injection').fields;
    const response = await postTipJson(server.url, { ...injection, area: 'varby' });
    expect(response.status).toBe(201);
    const [message] = await sink.waitForMessages(1, 10_000);
    expect(message?.envelope.rcptTo.sort()).toEqual(['trygghet@huge.se', 'varby-team@huge.example']);
    expect(message?.parsed.text).toContain(injection.description ?? 'missing');
    expect(message?.parsed.bcc).toBeUndefined();
    expect(message?.parsed.cc).toBeUndefined();
  });
});
