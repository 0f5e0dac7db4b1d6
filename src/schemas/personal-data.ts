/**
 * Spots what looks like personal data about someone in free text, so the form
 * can warn before sending and the forwarded email can flag it (GDPR art. 10:
 * suspicions of crime about a named person are specially protected).
 * Browser-safe: no imports. Heuristics, tuned to miss little; a false alarm
 * only shows a warning, it never blocks a tip.
 */

export const PERSONAL_DATA_KINDS = ['personal-identity-number', 'phone-number', 'email-address'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

// YYMMDD or YYYYMMDD, optional - or +, four digits (samordningsnummer: day + 60).
const IDENTITY_NUMBER = /(?<![\d-])(?:19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?\d{4}(?![\d-])/g;
// Swedish or international phone numbers: +46 / 0046 / 0 then 6–11 more digits, with spaces, dashes or parentheses between.
const PHONE_NUMBER = /(?<![\w+])(?:\+|00)?\d[\d ()-]{6,16}\d(?!\w)/g;
const EMAIL_ADDRESS = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[\p{L}]{2,}/u;

function looksLikeIdentityNumber(text: string): boolean {
  for (const match of text.matchAll(IDENTITY_NUMBER)) {
    const month = Number(match[2]);
    const day = Number(match[3]);
    const realDay = day > 60 ? day - 60 : day;
    if (month >= 1 && month <= 12 && realDay >= 1 && realDay <= 31) return true;
  }
  return false;
}

function looksLikePhoneNumber(text: string): boolean {
  for (const match of text.matchAll(PHONE_NUMBER)) {
    const digits = match[0].replace(/\D/g, '');
    const startsLikePhone = /^(?:\+|00|0)/.test(match[0]);
    if (startsLikePhone && digits.length >= 8 && digits.length <= 15) return true;
  }
  return false;
}

/** The kinds of personal data the text seems to contain, in a fixed order. */
export function detectPersonalData(text: string): PersonalDataKind[] {
  const found: PersonalDataKind[] = [];
  const identity = looksLikeIdentityNumber(text);
  if (identity) found.push('personal-identity-number');
  // An identity number is also a long digit run; do not call it a phone number too.
  const withoutIdentity = identity ? text.replace(IDENTITY_NUMBER, ' ') : text;
  if (looksLikePhoneNumber(withoutIdentity)) found.push('phone-number');
  if (EMAIL_ADDRESS.test(text)) found.push('email-address');
  return found;
}

/**
 * The one rule for holding a send back, used by the island (before it
 * sends) and by the server (for the form without JavaScript): a description
 * that seems to hold personal data is sent only once the sender has seen the
 * warning and chosen to send it as it is. Returns what was found while the
 * send must wait; empty when it may go.
 */
export function personalDataToConfirm(description: string, confirmed: boolean): PersonalDataKind[] {
  if (confirmed) return [];
  return detectPersonalData(description);
}

/** One occurrence of personal data in a text: [start, end) in UTF-16 code units. */
export interface PersonalDataSpan {
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
}

const EMAIL_ADDRESSES = new RegExp(EMAIL_ADDRESS.source, 'gu');

/**
 * Every occurrence the detector above would flag, in text order, without
 * overlaps: identity numbers first, then phone numbers outside them, then
 * email addresses. The staff pages highlight these and redaction removes them.
 */
export function findPersonalData(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  const overlaps = (start: number, end: number) => spans.some((span) => start < span.end && span.start < end);
  const add = (kind: PersonalDataKind, start: number, match: string) => {
    const end = start + match.length;
    if (!overlaps(start, end)) spans.push({ kind, start, end, text: match });
  };
  for (const match of text.matchAll(IDENTITY_NUMBER)) {
    const month = Number(match[2]);
    const day = Number(match[3]);
    const realDay = day > 60 ? day - 60 : day;
    if (month >= 1 && month <= 12 && realDay >= 1 && realDay <= 31)
      add('personal-identity-number', match.index, match[0]);
  }
  for (const match of text.matchAll(EMAIL_ADDRESSES)) add('email-address', match.index, match[0]);
  for (const match of text.matchAll(PHONE_NUMBER)) {
    const digits = match[0].replace(/\D/g, '');
    if (/^(?:\+|00|0)/.test(match[0]) && digits.length >= 8 && digits.length <= 15) {
      add('phone-number', match.index, match[0]);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
