import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathFor } from '../../src/i18n/routes.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import type { TestServer } from '../helpers/server.ts';
import { headerNames, startSmtpSink, TIP_EMAIL_HEADERS, type SmtpSink } from '../helpers/smtp-sink.ts';
import { asFenced, descriptionIn } from '../helpers/tip-email-text.ts';
import { fillTip, gotoTipPage, openPage, REFERENCE_PATTERN, startTipServer } from './tip-form-support.ts';

/**
 * The whole way, as a resident without JavaScript sends a tip: a real
 * browser posts the form (with the site's own Referrer-Policy and the
 * browser's own Origin and Sec-Fetch-Site headers), and the email reaches a
 * real SMTP server once, with exactly the expected headers and recipients.
 */

let browser: Browser;
let sink: SmtpSink;
let server: TestServer;
beforeAll(async () => {
  sink = await startSmtpSink();
  [browser, server] = await Promise.all([
    launchBrowser(),
    startTipServer({
      SMTP_URL: sink.url,
      MAIL_FROM: 'Tillsammans för trygghet <no-reply@trygghet.example>',
      WORKER_POLL_MS: '100',
    }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await sink?.close();
});

describe('a tip sent without JavaScript', () => {
  it('arrives once at trygghet@huge.se with the expected headers', async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false });
    await gotoTipPage(page, server.url + pathFor('report', 'ar'), { hydrated: false });
    await fillTip(page, tipFixture('arabic').fields);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    const reference = ((await page.textContent('.tip-reference')) ?? '').trim();
    await context.close();
    expect(response?.status()).toBe(200);
    expect(reference).toMatch(REFERENCE_PATTERN);

    const [message] = await sink.waitForMessages(1, 10_000);
    if (!message) throw new Error('no message arrived');
    expect(message.envelope.rcptTo).toEqual(['trygghet@huge.se']);
    expect(message.parsed.subject).toBe(`Vårby: Skadegörelse – tips ${reference}`);
    expect(message.parsed.messageId).toBe(`<tip-${reference}@localhost>`);
    expect(headerNames(message.raw)).toEqual(TIP_EMAIL_HEADERS);
    expect(descriptionIn(message.parsed.text ?? '', reference)).toBe(
      asFenced(tipFixture('arabic').fields.description ?? ''),
    );
    expect(message.parsed.text).toContain('Anonymt tips – kan inte besvaras');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.messages).toHaveLength(1);
  });
});
