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
 * section) come first, and the description follows inside a fence the
 * tipster cannot imitate (THREATS #19): the opening and closing lines carry
 * the tip's reference, which the tipster does not know before sending, and
 * every line of the description starts with "│ ", so none of it can read as
 * a field ("Kontakt: …") or as the end of the description.
 */

/* eslint-disable no-control-regex -- neutralising control characters is the point */
const CONTROL_ANY = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/gu;
const CONTROL_EXCEPT_TAB_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;
/* eslint-enable no-control-regex */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const ISOLATE_INITIATORS = /[\u2066-\u2068]/gu;
const POP_DIRECTIONAL_ISOLATES = /\u2069/gu;
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';
const REPLACEMENT = '\uFFFD';
/** Starts every line of the description in the email. */
export const DESCRIPTION_PREFIX = '│ ';

/**
 * Text with bidi controls, isolated so it cannot reorder anything around it.
 * A PDI of its own would close a single isolate early and let the rest of the
 * line out, so it is opened once more for each PDI in the text, and closed
 * for every isolate left open inside it (extra PDIs are ignored by the
 * Unicode bidi algorithm). Embeddings and overrides end with the isolate.
 */
export function isolateBidi(text: string): string {
  if (!BIDI_CONTROL.test(text)) return text;
  const opens = 1 + (text.match(POP_DIRECTIONAL_ISOLATES)?.length ?? 0);
  const closes = opens + (text.match(ISOLATE_INITIATORS)?.length ?? 0);
  return `${FIRST_STRONG_ISOLATE.repeat(opens)}${text}${POP_DIRECTIONAL_ISOLATE.repeat(closes)}`;
}

/**
 * A value shown after a label on one line. The schema already refuses control
 * characters here; if it were ever bypassed, a CR/LF still cannot start a line
 * that looks like another field. A value with bidi controls (U+202E …) is
 * isolated so it cannot reorder the label or anything after it.
 */
export function oneLine(value: string): string {
  return isolateBidi(value.replace(CONTROL_ANY, REPLACEMENT));
}

/**
 * The description's lines as typed: line breaks (CR, CRLF, and the Unicode
 * line and paragraph separators, which mail clients may show as breaks) split
 * lines, tabs stay, any other control character (refused by the schema) is
 * neutralised.
 */
export function verbatimLines(value: string): string[] {
  return value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL_EXCEPT_TAB_NEWLINE, REPLACEMENT)
    .split('\n');
}

/**
 * The fenced description: an opening and a closing line that carry the
 * reference, and between them each line of the text prefixed with "│ " and
 * its bidi controls isolated after the prefix.
 */
export function fencedDescription(reference: string, description: string): string[] {
  return [
    `┌── Beskrivning i tips ${reference} (tipsarens egen text; varje rad börjar med │) ──`,
    ...verbatimLines(description).map((line) =>
      line === '' ? DESCRIPTION_PREFIX.trimEnd() : `${DESCRIPTION_PREFIX}${isolateBidi(line)}`,
    ),
    `└── Slut på beskrivningen i tips ${reference} ──`,
  ];
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
    if (flags.personalData.length === 0) return ['Anonymt tips – kan inte besvaras.'];
    // A tipster who wrote a number or address in the text may well want to be contacted.
    const kinds = flags.personalData.map((kind) => PERSONAL_DATA_LABELS[kind]).join(', ');
    return [
      `Inga kontaktuppgifter i formuläret, men beskrivningen innehåller möjliga personuppgifter (${kinds}).`,
      'Har tipsaren skrivit sina egna kontaktuppgifter där vill hen troligen bli kontaktad: läs beskrivningen.',
    ];
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
    ...fencedDescription(reference, tip.description),
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
