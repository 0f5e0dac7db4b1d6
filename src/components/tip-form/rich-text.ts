import { HELP_LINES, type HelpLineId } from './contact-points.ts';

/**
 * The inline syntax of the tip form's strings (see src/i18n/tip/sv.ts):
 * `**strong**` (may contain the rest), `[text](privacy|home|easy-read)` page links
 * (easy-read: the easy-to-read Swedish explanation of how to send a tip),
 * `[text](lang:sv)` a fragment in another language, `{tel:<help line>}`, `{email}`, and
 * `{<param>}` parameters filled in by the caller.
 */
export type RichPart =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; parts: RichPart[] }
  | { kind: 'page'; text: string; page: RichPage }
  | { kind: 'lang'; text: string; lang: string }
  | { kind: 'tel'; line: HelpLineId }
  | { kind: 'email' }
  | { kind: 'param'; name: string };

export const RICH_PAGES = ['privacy', 'home', 'easy-read'] as const;
export type RichPage = (typeof RICH_PAGES)[number];

const SYNTAX = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|\{([\w:]+)\}/g;

/** Splits a string into parts; anything unknown stays as text (richTextProblems finds it). */
export function parseRichText(source: string): RichPart[] {
  const parts: RichPart[] = [];
  let last = 0;
  for (const match of source.matchAll(SYNTAX)) {
    if (match.index > last) parts.push({ kind: 'text', text: source.slice(last, match.index) });
    last = match.index + match[0].length;
    const [whole, strong, linkText, target, token] = match;
    if (strong !== undefined) parts.push({ kind: 'strong', parts: parseRichText(strong) });
    else if (linkText !== undefined) parts.push(linkPart(linkText, target ?? '') ?? { kind: 'text', text: whole });
    else parts.push(tokenPart(token ?? '') ?? { kind: 'text', text: whole });
  }
  if (last < source.length) parts.push({ kind: 'text', text: source.slice(last) });
  return parts;
}

function linkPart(text: string, target: string): RichPart | undefined {
  if ((RICH_PAGES as readonly string[]).includes(target)) return { kind: 'page', text, page: target as RichPage };
  if (/^lang:[a-z]{2}$/.test(target)) return { kind: 'lang', text, lang: target.slice(5) };
  return undefined;
}

function tokenPart(token: string): RichPart | undefined {
  if (token === 'email') return { kind: 'email' };
  if (token.startsWith('tel:')) {
    const line = token.slice(4);
    return line in HELP_LINES ? { kind: 'tel', line: line as HelpLineId } : undefined;
  }
  return /^\w+$/.test(token) ? { kind: 'param', name: token } : undefined;
}

/** What would render literally or wrongly in a string: unknown links, tokens, parameters, stray markup. */
export function richTextProblems(source: string, params: readonly string[] = []): string[] {
  const problems: string[] = [];
  const visit = (parts: RichPart[]) => {
    for (const part of parts) {
      if (part.kind === 'strong') visit(part.parts);
      else if (part.kind === 'param' && !params.includes(part.name)) problems.push(`unknown parameter {${part.name}}`);
      else if (part.kind === 'text' && /[[\]{}]|\*\*/.test(part.text)) problems.push(`stray markup in "${part.text}"`);
    }
  };
  visit(parseRichText(source));
  return problems;
}
