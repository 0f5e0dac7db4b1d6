import type { AcceptedTip } from '../../store/accepted-tip.ts';
import {
  LANGUAGE_NAMES,
  PERSONAL_DATA_LABELS,
  TIME_OF_DAY_LABELS,
  areaLabel,
  categoryLabel,
  focusAreaLabel,
} from './labels.ts';

/**
 * The plain-text body of a forwarded tip, in Swedish. Every field is
 * labelled; the fields that come from the service (labels, flags, contact
 * section) come first, so nothing the tipster wrote can pass for one of them,
 * and the description follows verbatim between two rules.
 */

/* eslint-disable no-control-regex -- neutralising control characters is the point */
const CONTROL_ANY = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/gu;
const CONTROL_EXCEPT_TAB_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;
/* eslint-enable no-control-regex */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';
const REPLACEMENT = '\uFFFD';
const RULE = '-'.repeat(60);

/**
 * A value shown after a label on one line. The schema already refuses control
 * characters here; if it were ever bypassed, a CR/LF still cannot start a line
 * that looks like another field. A value with bidi controls (U+202E …) is
 * isolated so it cannot reorder the label or anything after it.
 */
export function oneLine(value: string): string {
  const flat = value.replace(CONTROL_ANY, REPLACEMENT);
  return BIDI_CONTROL.test(flat) ? `${FIRST_STRONG_ISOLATE}${flat}${POP_DIRECTIONAL_ISOLATE}` : flat;
}

/** The description as typed: lines and tabs kept, any other control character (refused by the schema) neutralised. */
export function verbatimText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL_EXCEPT_TAB_NEWLINE, REPLACEMENT);
}

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  weekday: 'long',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** "lördag 2026-11-21 kl. 14:05 (svensk tid)": minute precision, never finer. */
export function formatAcceptedAt(ms: number): string {
  const parts = Object.fromEntries(STOCKHOLM.formatToParts(ms).map((part) => [part.type, part.value]));
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} kl. ${parts.hour}:${parts.minute} (svensk tid)`;
}

const CALENDAR_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', weekday: 'long' });

function formatWhen({ when, whenDate, whenTime }: AcceptedTip['tip']): string {
  switch (when) {
    case 'now':
      return 'Pågår just nu (enligt tipsaren när tipset skickades)';
    case 'recurring':
      return 'Återkommande – har hänt flera gånger';
    case 'date': {
      const parts: string[] = [];
      if (whenDate !== undefined) {
        const day = /^\d{4}-\d{2}-\d{2}$/.test(whenDate) ? new Date(`${whenDate}T00:00:00Z`) : undefined;
        parts.push(day && !Number.isNaN(day.getTime()) ? `${CALENDAR_DAY.format(day)} ${whenDate}` : oneLine(whenDate));
      }
      if (whenTime !== undefined) parts.push(TIME_OF_DAY_LABELS[whenTime]);
      return parts.length > 0 ? parts.join(', ') : 'Ett visst datum (inte angivet)';
    }
    default:
      return 'Inte angivet';
  }
}

function formLanguage(language: AcceptedTip['language']): string {
  const name = LANGUAGE_NAMES[language];
  return `Tipset skickades från formuläret på ${name}; texten är troligen skriven på ${name}.`;
}

function flagLines({ flags }: AcceptedTip): string[] {
  const lines: string[] = [];
  if (flags.personalData.length > 0) {
    const kinds = flags.personalData.map((kind) => PERSONAL_DATA_LABELS[kind]).join(', ');
    lines.push(`- Möjliga personuppgifter i texten: ${kinds}. Hantera uppgifterna varsamt.`);
  }
  if (flags.happeningNow) lines.push('- Pågår just nu enligt tipsaren.');
  if (flags.contactWanted) lines.push('- Vill bli kontaktad (se Kontakt nedan).');
  return lines.length > 0 ? lines : ['- Inget särskilt.'];
}

function contactLines({ tip, flags }: AcceptedTip): string[] {
  const email = tip.contactEmail;
  const phone = tip.contactPhone;
  if (!flags.contactWanted || (email === undefined && phone === undefined)) {
    return ['Anonymt tips – kan inte besvaras.'];
  }
  const lines = ['Vill bli kontaktad. Tipset är alltså inte anonymt för Huge.'];
  if (email !== undefined) lines.push(`E-post: ${oneLine(email)}`);
  if (phone !== undefined) lines.push(`Telefon: ${oneLine(phone)}`);
  return lines;
}

/** The whole body. `siteHost` names where the form lives; `publicContact` is the address tipsters are told to write to. */
export function tipEmailBody(accepted: AcceptedTip, siteHost: string, publicContact: string): string {
  const { reference, tip } = accepted;
  const lines = [
    `Tips ${reference} från Tillsammans för trygghet`,
    '',
    `Referens: ${reference}`,
    `Mottaget: ${formatAcceptedAt(accepted.acceptedAt)}`,
    `Språk: ${formLanguage(accepted.language)}`,
    `Händelse: ${categoryLabel(tip.category)}`,
    `Fokusområde: ${focusAreaLabel(tip.category)}`,
    `Område: ${areaLabel(tip.area)}`,
    `Plats: ${tip.place === undefined ? 'Inte angiven' : oneLine(tip.place)}`,
    `När: ${formatWhen(tip)}`,
    '',
    'Att observera:',
    ...flagLines(accepted),
    '',
    'Kontakt:',
    ...contactLines(accepted),
    '',
    'Beskrivning (tipsarens egen text, ordagrant mellan strecken):',
    RULE,
    verbatimText(tip.description),
    RULE,
    '',
    '-- ',
    `Det här mejlet skickades automatiskt från tipsformuläret på ${siteHost} (Tillsammans för trygghet, Huge Bostäder).`,
    'Ett tips är ingen polisanmälan och tipsaren har fått veta att tipsen inte läses dygnet runt.',
    `Tipsaren kan lägga till information genom att skriva till ${publicContact} och ange referensen ${reference}.`,
    'Svara inte på det här mejlet: avsändaradressen tar inte emot svar.',
    '',
  ];
  return lines.join('\n');
}
