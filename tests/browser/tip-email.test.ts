import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATEGORY_SHORT_LABELS, DISTRICT_NAMES, LANGUAGE_NAMES } from '../../src/delivery/mail/labels.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { pathFor } from '../../src/i18n/routes.ts';
import type { AreaId, CategoryId } from '../../src/schemas/tip-options.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import type { TestServer } from '../helpers/server.ts';
import { headerNames, startSmtpSink, TIP_EMAIL_HEADERS, type SmtpSink } from '../helpers/smtp-sink.ts';
import { asFenced, descriptionIn } from '../helpers/tip-email-text.ts';
import {
  fillTip,
  gotoTipPage,
  openPage,
  REFERENCE_PATTERN,
  startTipServer,
  waitForHydration,
} from './tip-form-support.ts';

/**
 * The whole way, as a resident sends a tip: a real browser posts the form
 * (with the site's own Referrer-Policy and the browser's own Origin and
 * Sec-Fetch-Site headers; without JavaScript as a form post, with it through
 * the island), and the email reaches a real SMTP server once, with exactly
 * the expected headers and recipients, in Swedish whatever the form's
 * language, and with the tipster's text verbatim.
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
beforeEach(() => sink.reset());

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

/** Sends a fixture from its language's tip page; returns the reference the confirmation shows. */
async function sendFromPage(fixtureName: string, locale: Locale, javaScriptEnabled: boolean): Promise<string> {
  const { context, page, watch } = await openPage(browser, { javaScriptEnabled });
  await gotoTipPage(page, server.url + pathFor('report', locale), { hydrated: false });
  if (javaScriptEnabled) await waitForHydration(page);
  const lang = await page.getAttribute('html', 'lang');
  await fillTip(page, tipFixture(fixtureName).fields);
  if (javaScriptEnabled) {
    await page.click('#tip-submit');
    await page.waitForSelector('#tip-confirmation-heading:focus');
  } else {
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#tip-submit')]);
    expect(response?.status()).toBe(200);
  }
  const reference = ((await page.textContent('.tip-reference')) ?? '').trim();
  await context.close();
  expect(lang).toBe(locale);
  expect(watch.problems).toEqual([]);
  expect(reference).toMatch(REFERENCE_PATTERN);
  return reference;
}

describe.each([
  { fixture: 'finnish', locale: 'fi' as const },
  { fixture: 'somali', locale: 'so' as const },
])('a $fixture tip from /$locale/', ({ fixture, locale }) => {
  it.each([
    { js: false, how: 'without JavaScript' },
    { js: true, how: 'with JavaScript' },
  ])('$how: arrives once, in Swedish, with the text verbatim', async ({ js }) => {
    const reference = await sendFromPage(fixture, locale, js);
    const [message] = await sink.waitForMessages(1, 10_000);
    if (!message) throw new Error('no message arrived');
    const { fields } = tipFixture(fixture);
    expect(message.envelope.rcptTo).toEqual(['trygghet@huge.se']);
    expect(message.parsed.subject).toContain(reference);
    expect(message.parsed.subject).toContain(CATEGORY_SHORT_LABELS[fields.category as CategoryId]);
    expect(message.parsed.subject).toContain(DISTRICT_NAMES[fields.area as AreaId] ?? '');
    expect(headerNames(message.raw)).toEqual(TIP_EMAIL_HEADERS);
    expect(descriptionIn(message.parsed.text ?? '', reference)).toBe(asFenced(fields.description ?? ''));
    expect(message.parsed.text).toContain(`Plats: ${fields.place}`);
    expect(message.parsed.text).toContain(`formuläret på ${LANGUAGE_NAMES[locale]}`);
    expect(message.parsed.text).toContain('Anonymt tips – kan inte besvaras');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.messages).toHaveLength(1);
  });
});
