import type { SendMailOptions } from 'nodemailer';
import type { Config } from '../../config/config.ts';
import { parseReference } from '../../store/reference.ts';
import type { AcceptedTip } from '../../store/accepted-tip.ts';
import { CATEGORY_SHORT_LABELS, DISTRICT_NAMES } from './labels.ts';
import { tipEmailBody } from './tip-email-body.ts';
import { tipSummaryBody } from './tip-email-summary-body.ts';

/** What the message builder needs besides the tip. */
export interface TipEmailOptions {
  /** config.mail.from: the fixed sender. */
  from: string;
  /** config.mail.to: the fixed recipients of every tip. */
  to: readonly string[];
  /** config.mail.areaRecipients: area id → extra recipients. */
  areaRecipients: Config['mail']['areaRecipients'];
  /** The site's host name: the right-hand side of the Message-ID, named in the footer. */
  siteHost: string;
  /** Where tipsters are told to send additions (the confirmation page says the same). */
  publicContact?: string;
  /** TIP_EMAIL_CONTENT: `summary` leaves the tipster's text out and links to the staff inbox at `siteOrigin`. */
  content?: { mode: 'full' } | { mode: 'summary'; siteOrigin: string };
}

/** The address the public pages give for adding to a tip. */
export const PUBLIC_CONTACT = 'trygghet@huge.se';

const HOST_NAME = /^(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+$|^\[[0-9A-Fa-f:.]+\]$/;

/** True for a DNS name, an IPv4 address or a bracketed IPv6 literal: safe in a Message-ID. */
export function isHostName(value: string): boolean {
  return HOST_NAME.test(value);
}

/** The fixed recipients plus the tip's area's extra ones, each once (case-insensitive). */
export function recipientsFor(
  area: string,
  to: readonly string[],
  areaRecipients: Config['mail']['areaRecipients'],
): string[] {
  const seen = new Set<string>();
  const recipients: string[] = [];
  for (const address of [...to, ...(areaRecipients[area] ?? [])]) {
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    recipients.push(address);
  }
  return recipients;
}

/** `<tip-ABCD-EFGH@host>`: the same on every attempt, so a duplicate delivery is recognisable. */
export function tipMessageId(reference: string, siteHost: string): string {
  return `<tip-${reference}@${siteHost}>`;
}

/** Marks a tip the tipster said is happening now; first in the subject, so it stands out in a list. */
export const HAPPENING_NOW_MARKER = '[Pågår nu]';

/**
 * `[Pågår nu] Skogås: Ordningsstörning – tips 7K2M-Q9XD`: the marker when the
 * tipster said it is happening now, the district when one is known, a short
 * event name and the reference. Built only from allow-listed words and the
 * reference, never from anything the tipster typed (THREATS #3); at most 70
 * characters, with what sorts first in about the first 50.
 */
export function tipSubject(accepted: Pick<AcceptedTip, 'reference' | 'tip' | 'flags'>): string {
  const district = DISTRICT_NAMES[accepted.tip.area];
  const head = [
    accepted.flags.happeningNow ? `${HAPPENING_NOW_MARKER} ` : '',
    district ? `${district}: ` : '',
    CATEGORY_SHORT_LABELS[accepted.tip.category],
  ].join('');
  return `${head} – tips ${accepted.reference}`;
}

/**
 * The nodemailer message for one accepted tip. Pure: the same tip and options
 * always give the same message (Date is the minute it was accepted, not the
 * time of sending). Address headers come only from configuration and the
 * subject only from allow-listed labels; the tipster's text, place and
 * contact details go into the plain-text body and nowhere else (THREATS #3, #4).
 */
export function buildTipEmail(accepted: AcceptedTip, options: TipEmailOptions): SendMailOptions {
  const { reference, tip } = accepted;
  // The reference reaches headers and a file name: insist on its exact form.
  if (parseReference(reference) !== reference) throw new Error('buildTipEmail: malformed reference');
  if (!isHostName(options.siteHost)) throw new Error('buildTipEmail: siteHost is not a host name');
  const to = recipientsFor(tip.area, options.to, options.areaRecipients);
  if (to.length === 0) throw new Error('buildTipEmail: no recipients configured');

  return {
    from: options.from,
    to,
    subject: tipSubject(accepted),
    messageId: tipMessageId(reference, options.siteHost),
    date: new Date(accepted.acceptedAt),
    // RFC 3834: no out-of-office replies to a sender that reads nothing.
    headers: { 'Auto-Submitted': 'auto-generated' },
    text:
      options.content?.mode === 'summary'
        ? tipSummaryBody(accepted, options.content.siteOrigin)
        : tipEmailBody(accepted, options.siteHost, options.publicContact ?? PUBLIC_CONTACT),
    // No HTML part, no attachments, nothing fetched from disk or the network.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
