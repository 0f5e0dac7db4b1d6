import type { AcceptedTip } from '../../store/accepted-tip.ts';
import { areaLabel, categoryLabel, focusAreaLabel } from './labels.ts';
import { formatAcceptedAt } from './tip-email-body.ts';

/**
 * The body with TIP_EMAIL_CONTENT=summary: enough to know a tip came in and
 * how urgent it looks — reference, time, event, focus area, district,
 * "happening now", whether it may hold personal data — and a link to read
 * it on the staff side, where every view is audited. Nothing the tipster
 * wrote (description, place, contact details) is in the mailbox
 * (GlobaLeaks' "alert without content"; THREATS S5).
 */
export function tipSummaryBody(accepted: AcceptedTip, siteOrigin: string): string {
  const { reference, tip, flags } = accepted;
  const link = `${siteOrigin}/personal/tips/${reference}`;
  return [
    `Tips ${reference} från Tillsammans för trygghet`,
    '',
    `Referens: ${reference}`,
    `Mottaget: ${formatAcceptedAt(accepted.acceptedAt)}`,
    `Händelse: ${categoryLabel(tip.category)}`,
    `Fokusområde: ${focusAreaLabel(tip.category)}`,
    `Område: ${areaLabel(tip.area)}`,
    `Pågår just nu: ${flags.happeningNow ? 'ja, enligt tipsaren' : 'nej'}`,
    `Möjliga personuppgifter i texten: ${flags.personalData.length > 0 ? 'ja' : 'nej'}`,
    '',
    'Läs hela tipset i inkorgen (inloggning krävs):',
    link,
    '',
    '-- ',
    'Det här mejlet skickades automatiskt. Tipsets text skickas inte med e-post; den finns bara i inkorgen.',
    'Svara inte på det här mejlet: avsändaradressen tar inte emot svar.',
    '',
  ].join('\n');
}
