import { EASY_READ_PAGE_IDS, type EasyReadPageId } from '../i18n/easy-read.ts';
import { isLocale, type Locale } from '../i18n/locales.ts';
import { PAGE_IDS, type PageId } from '../i18n/routes.ts';
import { HELP_LINE_IDS, TEXT_TOKENS, type HelpLineId, type TextToken } from './constants.ts';

/**
 * The small inline syntax of the site's text. Content stays plain text that
 * translators can edit, yet every link is checked at build time and every
 * internal link goes through `pathFor`:
 *
 * - `[text](page:<page id>)`  link to a page of the site, in the same language
 * - `[text](lattlast:<id>)`   link to an easy-to-read Swedish page (src/i18n/easy-read.ts)
 * - `[text](https://…)`       link to another site
 * - `[text](lang:<locale>)`   a fragment in another language (gets lang/dir)
 * - `**text**`                strong emphasis
 * - `{tel:<help line id>}`    the help line's number as a tel: link
 * - `{email}`, `{siteName}`, `{retentionDays}`, `{period}` (the agreement's), `{statementDate}`
 */
export type RichPart =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'page'; text: string; page: PageId }
  | { kind: 'easy-read'; text: string; page: EasyReadPageId }
  | { kind: 'external'; text: string; href: string }
  | { kind: 'lang'; text: string; locale: Locale }
  | { kind: 'tel'; line: HelpLineId }
  | { kind: 'token'; token: TextToken };

export interface ParsedRichText {
  parts: RichPart[];
  /** What is wrong with the text, one message per problem; empty when it is valid. */
  errors: string[];
}

const SYNTAX = /\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*|\{([^{}]*)\}/g;

/** Splits a text into plain runs and the inline elements above, reporting anything it cannot resolve. */
export function parseRichText(source: string): ParsedRichText {
  const parts: RichPart[] = [];
  const errors: string[] = [];
  let last = 0;
  for (const match of source.matchAll(SYNTAX)) {
    if (match.index > last) parts.push({ kind: 'text', text: source.slice(last, match.index) });
    last = match.index + match[0].length;
    const [whole, linkText, target, strong, token] = match;
    if (strong !== undefined) parts.push({ kind: 'strong', text: strong });
    else if (linkText !== undefined && target !== undefined) {
      const part = linkPart(linkText, target);
      if (typeof part === 'string') errors.push(`${part} in "${whole}"`);
      else parts.push(part);
    } else {
      const part = tokenPart(token ?? '');
      if (typeof part === 'string') errors.push(`${part} in "${whole}"`);
      else parts.push(part);
    }
  }
  if (last < source.length) parts.push({ kind: 'text', text: source.slice(last) });
  for (const part of parts) {
    if (part.kind === 'text' && /[[\]{}]|\*\*/.test(part.text)) {
      errors.push(`unbalanced [ ] { } or ** in "${part.text.trim().slice(0, 60)}"`);
    }
  }
  return { parts, errors };
}

function linkPart(text: string, target: string): RichPart | string {
  const colon = target.indexOf(':');
  const scheme = target.slice(0, colon);
  const value = target.slice(colon + 1);
  if (scheme === 'page') {
    return (PAGE_IDS as readonly string[]).includes(value)
      ? { kind: 'page', text, page: value as PageId }
      : `unknown page id "${value}" (known: ${PAGE_IDS.join(', ')})`;
  }
  if (scheme === 'lattlast') {
    return (EASY_READ_PAGE_IDS as readonly string[]).includes(value)
      ? { kind: 'easy-read', text, page: value as EasyReadPageId }
      : `unknown easy-to-read page "${value}" (known: ${EASY_READ_PAGE_IDS.join(', ')})`;
  }
  if (scheme === 'lang') {
    return isLocale(value) ? { kind: 'lang', text, locale: value } : `unknown language "${value}"`;
  }
  if (scheme === 'https') {
    return URL.canParse(target) ? { kind: 'external', text, href: target } : `invalid URL "${target}"`;
  }
  return `unsupported link target "${target}" (use page:, lattlast:, lang: or https:)`;
}

function tokenPart(token: string): RichPart | string {
  if (token.startsWith('tel:')) {
    const line = token.slice(4);
    return (HELP_LINE_IDS as readonly string[]).includes(line)
      ? { kind: 'tel', line: line as HelpLineId }
      : `unknown help line "${line}" (known: ${HELP_LINE_IDS.join(', ')})`;
  }
  return (TEXT_TOKENS as readonly string[]).includes(token)
    ? { kind: 'token', token: token as TextToken }
    : `unknown token "{${token}}" (known: ${TEXT_TOKENS.map((name) => `{${name}}`).join(', ')}, {tel:<id>})`;
}
