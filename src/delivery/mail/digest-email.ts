import type { SendMailOptions } from 'nodemailer';
import { formatMinute } from '../../platform/stockholm-time.ts';
import type { DigestClaim } from '../../store/tip-store.ts';
import { formatAcceptedAt } from './tip-email-body.ts';
import { isHostName, tipSubject, type TipEmailOptions } from './tip-email.ts';

/** What a digest email is built from: its id, when it was gathered, the held tips, and how often digests go. */
export type EmailDigest = Pick<DigestClaim, 'digestId' | 'createdAt' | 'tips'> & { intervalMinutes?: number };

/** "högst ett i timmen", "högst ett var 30:e minut" … */
function howOften(minutes: number): string {
  if (minutes === 60) return 'högst ett i timmen';
  if (minutes % 60 === 0) return `högst ett var ${minutes / 60}:e timme`;
  return minutes === 1 ? 'högst ett i minuten' : `högst ett var ${minutes}:e minut`;
}

/** `<digest-12-202611261300@host>`: the same on every attempt, like a tip's. */
export function digestMessageId(digest: Pick<EmailDigest, 'digestId' | 'createdAt'>, siteHost: string): string {
  const minute = new Date(digest.createdAt).toISOString().slice(0, 16).replace(/\D/g, '');
  return `<digest-${digest.digestId}-${minute}@${siteHost}>`;
}

/**
 * One email for the tips that came in during a surge (a flood of tips from
 * many addresses, each under its own limit): how many, each one's reference
 * with the subject line its own email would have had (district, event, the
 * now-marker: allow-listed words only), and where the whole tips are. Never
 * a description, place or contact detail (THREATS #3, #5): a flood may be
 * someone's attempt to bury or to leak through the mailbox.
 */
export function buildDigestEmail(digest: EmailDigest, options: TipEmailOptions): SendMailOptions {
  if (!isHostName(options.siteHost)) throw new Error('buildDigestEmail: siteHost is not a host name');
  if (options.to.length === 0) throw new Error('buildDigestEmail: no recipients configured');
  const count = digest.tips.length;
  const lines = [
    `Sammandrag av ${count} tips från Tillsammans för trygghet`,
    '',
    'Tipsformuläret tar just nu emot ovanligt många tips, från många olika uppkopplingar. Alla tips tas',
    'emot och sparas, men för att inte dränka brevlådan skickas de inte ett och ett medan det pågår:',
    `de samlas i sammandrag som det här, ${howOften(digest.intervalMinutes ?? 60)}.`,
    '',
    'Hela tipsen, med beskrivning, finns i intagskön: personalens system hämtar dem via /api/intake,',
    'och på servern visar `npm run intake -- list` kön och `npm run intake -- claim` hämtar tips ur den.',
    'En våg av tips kan vara ett försök att dränka äkta tips: titta särskilt efter [Pågår nu].',
    '',
    `Tips i sammandraget (${count}), äldst först:`,
    ...digest.tips.map((accepted) => {
      const received = formatMinute(accepted.acceptedAt);
      return `- ${received}  ${tipSubject(accepted)}`;
    }),
    '',
    '-- ',
    `Det här mejlet skickades automatiskt från tipsformuläret på ${options.siteHost} (Tillsammans för trygghet, Huge Bostäder).`,
    `Sammandraget gjordes ${formatAcceptedAt(digest.createdAt)}.`,
    'Svara inte på det här mejlet: avsändaradressen tar inte emot svar.',
    '',
  ];
  return {
    from: options.from,
    to: [...options.to],
    subject: `[Sammandrag] ${count} tips under hög belastning`,
    messageId: digestMessageId(digest, options.siteHost),
    date: new Date(digest.createdAt),
    headers: { 'Auto-Submitted': 'auto-generated' },
    text: lines.join('\n'),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
