/**
 * Text rules shared by the form (counter, live validation) and the server.
 * Browser-safe: no imports.
 */

/** Line breaks as one "\n" (forms post CRLF), Unicode NFC, trimmed: the text as stored. */
export function prepareText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

/** The one way lengths are counted: code points of the prepared text. */
export function countCharacters(raw: string): number {
  let count = 0;
  for (const _ of prepareText(raw)) count += 1;
  return count;
}

// C0 and C1 control characters and DEL; tab and newline are allowed where text may have lines.
/* eslint-disable no-control-regex -- matching control characters is the point */
const CONTROL_EXCEPT_TAB_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const CONTROL_ANY = /[\u0000-\u001F\u007F-\u009F]/u;
/* eslint-enable no-control-regex */

/** True when multi-line text holds a control character other than tab and newline. */
export function hasForbiddenControl(prepared: string): boolean {
  return CONTROL_EXCEPT_TAB_NEWLINE.test(prepared);
}

/** True when a single-line value holds any control character (tab and newline included). */
export function hasAnyControl(prepared: string): boolean {
  return CONTROL_ANY.test(prepared);
}
