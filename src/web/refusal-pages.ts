import { gzipSync } from 'node:zlib';
import { chooseCoding } from '../http/accept-encoding.ts';
import { minutesToWait, waitText } from '../components/tip-form/messages.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { tipStrings } from '../i18n/tip/index.ts';
import { REFUSAL_REASONS, refusalPath, TEMPLATE_WAIT, type RefusalReason } from '../schemas/tip-template.ts';
import { compressTemplate, type CompressedTemplate } from './gzip-template.ts';
import { withSecurityHeaders } from './edge/secured-response.ts';
import type { StaticSite } from './static-files.ts';

/** A whole answer, ready to write to a Node response or to wrap in a Web Response. */
export interface PageAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The prerendered pages for a form post refused before the form's logic
 * (src/pages/tip-form/refused/), held in memory with their gzip forms: a
 * refusal costs a lookup, never a rendering. "Too many" carries the wait in
 * the language ("try again in about 7 minutes", with its plural form),
 * filled into the prerendered page and remembered per minute count.
 */
export interface RefusalPages {
  /** 429 with Retry-After: the flood limit refused a form post. */
  tooMany(locale: Locale, retryAfterSeconds: number, acceptEncoding: string | undefined): PageAnswer;
  /** 403, 400, 413 or 415: a form post from another site, unreadable, too large, or not a form. */
  refused(reason: Exclude<RefusalReason, 'too-many'>, locale: Locale, acceptEncoding: string | undefined): PageAnswer;
}

export const REFUSAL_STATUS: Readonly<Record<RefusalReason, number>> = {
  'too-many': 429,
  'cross-site': 403,
  malformed: 400,
  'too-large': 413,
  unsupported: 415,
};

interface Encoded {
  identity: Buffer;
  gzip: Buffer;
  /** The head of each, built once (the security headers included). */
  identityHeaders: Record<string, string>;
  gzipHeaders: Record<string, string>;
}

function encoded(identity: Buffer, gzip: Buffer): Encoded {
  const head = (body: Buffer, coding?: string): Record<string, string> =>
    withSecurityHeaders({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      Vary: 'Accept-Encoding',
      ...(coding ? { 'Content-Encoding': coding } : {}),
      'Content-Length': String(body.byteLength),
    });
  return { identity, gzip, identityHeaders: head(identity), gzipHeaders: head(gzip, 'gzip') };
}

/** Filled "too many" pages kept, per language and minute count; more are rebuilt (a cheap fill, not a rendering). */
const MAX_WAITS = 256;

export function loadRefusalPages(site: StaticSite): RefusalPages {
  const fixed = new Map<string, Encoded>();
  const tooManyTemplates = new Map<Locale, CompressedTemplate>();
  for (const locale of LOCALES) {
    for (const reason of REFUSAL_REASONS) {
      const html = site.text(refusalPath(locale, reason));
      if (!html) throw new Error(`the refusal page ${refusalPath(locale, reason)} is missing; rebuild`);
      if (reason === 'too-many') {
        if (!html.includes(TEMPLATE_WAIT)) throw new Error(`${refusalPath(locale, reason)} has no wait placeholder`);
        tooManyTemplates.set(locale, compressTemplate(html, [TEMPLATE_WAIT]));
      } else {
        const identity = Buffer.from(html);
        fixed.set(`${locale}/${reason}`, encoded(identity, gzipSync(identity, { level: 9 })));
      }
    }
  }

  const waits = new Map<string, Encoded>();
  const waitHeads = new Map<string, Record<string, string>>();
  const tooManyPage = (locale: Locale, minutes: number): Encoded => {
    const key = `${locale}/${minutes}`;
    const known = waits.get(key);
    if (known) return known;
    const template = tooManyTemplates.get(locale);
    if (!template) throw new Error(`no "too many" page for ${locale}`);
    const values = { [TEMPLATE_WAIT]: escapeHtml(waitText(tipStrings(locale), minutes * 60)) };
    const page = encoded(Buffer.from(template.text(values)), template.gzip(values));
    if (waits.size >= MAX_WAITS) waits.clear();
    waits.set(key, page);
    return page;
  };

  return {
    tooMany(locale, retryAfterSeconds, acceptEncoding) {
      const answer = pageAnswer(429, tooManyPage(locale, minutesToWait(retryAfterSeconds)), acceptEncoding);
      // A flood gets the same few answers (per second to wait): each head is built once.
      const key = `${retryAfterSeconds}/${answer.headers['Content-Encoding'] ?? 'identity'}/${locale}`;
      let headers = waitHeads.get(key);
      if (!headers) {
        headers = withSecurityHeaders({ ...answer.headers, 'Retry-After': String(retryAfterSeconds) });
        if (waitHeads.size >= MAX_WAITS) waitHeads.clear();
        waitHeads.set(key, headers);
      }
      return { ...answer, headers };
    },
    refused(reason, locale, acceptEncoding) {
      const page = fixed.get(`${locale}/${reason}`);
      if (!page) throw new Error(`no refusal page ${reason} for ${locale}`);
      return pageAnswer(REFUSAL_STATUS[reason], page, acceptEncoding);
    },
  };
}

const GZIP_ONLY = ['gzip'] as const;

function pageAnswer(status: number, page: Encoded, acceptEncoding: string | undefined): PageAnswer {
  return chooseCoding(acceptEncoding, GZIP_ONLY) === 'gzip'
    ? { status, headers: page.gzipHeaders, body: page.gzip }
    : { status, headers: page.identityHeaders, body: page.identity };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A Buffer as the plain bytes a Web Response takes, without copying them. */
export function asBytes(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
}
