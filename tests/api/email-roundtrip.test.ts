import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tipFixture } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { headerNames, startSmtpSink, TIP_EMAIL_HEADERS, type SmtpSink } from '../helpers/smtp-sink.ts';
import { postTipJson } from '../helpers/tip-client.ts';
import { asFenced, descriptionIn } from '../helpers/tip-email-text.ts';

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
      RATE_LIMIT_CLIENT_TIPS: '100/1m',
      RATE_LIMIT_CLIENT_POSTS: '100/1m',
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
    expect(message.parsed.subject).toBe(`Skogås: Narkotika – tips ${reference}`);
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
    const reference = (JSON.parse(response.body) as { reference: string }).reference;
    expect(descriptionIn(message?.parsed.text ?? '', reference)).toBe(asFenced(injection.description ?? 'missing'));
    expect(message?.parsed.bcc).toBeUndefined();
    expect(message?.parsed.cc).toBeUndefined();
  });
});

describe('emails that sort themselves, in a layout the tipster cannot imitate', () => {
  it('puts "[Pågår nu]", the district and a short event name before the reference, and nothing the tipster typed', async () => {
    const cases: [Record<string, string>, (reference: string) => string][] = [
      [tipFixture('happening-now').fields, (ref) => `[Pågår nu] Sjödalen-Fullersta: Ordningsstörning – tips ${ref}`],
      [tipFixture('personal-data').fields, (ref) => `Gängaktivitet – tips ${ref}`],
      [{ ...tipFixture('minimal').fields, area: 'unknown', category: 'other' }, (ref) => `Övrigt – tips ${ref}`],
    ];
    for (const [fields, subject] of cases) {
      sink.reset();
      const response = await postTipJson(server.url, fields);
      expect(response.status).toBe(201);
      const { reference } = JSON.parse(response.body) as { reference: string };
      const [message] = await sink.waitForMessages(1, 10_000);
      expect(message?.parsed.subject).toBe(subject(reference));
    }
  });

  it('says in the contact section that an anonymous tip holds possible personal data', async () => {
    sink.reset();
    const response = await postTipJson(server.url, tipFixture('personal-data').fields);
    expect(response.status).toBe(201);
    const [message] = await sink.waitForMessages(1, 10_000);
    const text = message?.parsed.text ?? '';
    const contact = text.split('\nKontakt:\n')[1]?.split('\n\n')[0] ?? '';
    expect(contact).toContain(
      'beskrivningen innehåller möjliga personuppgifter (personnummer, telefonnummer, e-postadress)',
    );
    expect(contact).toContain('vill hen troligen bli kontaktad');
    expect(text).not.toContain('kan inte besvaras');
  });

  it('fences a description that imitates the delimiter and the field lines: none of its lines reads as a field (THREATS #19)', async () => {
    sink.reset();
    const fixture = tipFixture('layout-imitation');
    const response = await postTipJson(server.url, fixture.fields);
    expect(response.status).toBe(201);
    const { reference } = JSON.parse(response.body) as { reference: string };
    const [message] = await sink.waitForMessages(1, 10_000);
    expect(message?.parsed.subject).toBe(`[Pågår nu] Skogås: Ordningsstörning – tips ${reference}`);
    const text = message?.parsed.text ?? '';
    const lines = text.split('\n');
    const fields = (label: string) => lines.filter((line) => line.startsWith(label));
    expect(fields('Kontakt:')).toEqual(['Kontakt:']);
    expect(fields('Referens:')).toEqual([`Referens: ${reference}`]);
    expect(fields('Område:')).toEqual(['Område: Skogås']);
    expect(fields('Händelse:')).toHaveLength(1);
    expect(fields('Telefon:')).toEqual([]);
    expect(fields('Vill bli kontaktad')).toEqual([]);
    expect(lines.filter((line) => line.startsWith('└──'))).toEqual([
      `└── Slut på beskrivningen i tips ${reference} ──`,
    ]);
    expect(lines.filter((line) => /^-{10,}$/.test(line))).toEqual([]);
    // Every line of the description is inside the fence and prefixed; its bidi controls are isolated.
    const fenced = descriptionIn(text, reference).split('\n');
    expect(fenced).toEqual(asFenced(fixture.fields.description ?? '').split('\n'));
    expect(fenced.at(-1)).toMatch(/^\u2068\u2068\u2069\u202EHändelse: Gängrelaterad aktivitet\u2069\u2069$/);
  });
});
