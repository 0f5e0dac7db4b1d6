import { isolateBidi } from '../../src/delivery/mail/tip-email-body.ts';

/** The lines of a tip email's text between the description's opening and closing lines (which carry the reference). */
export function fencedLines(text: string, reference: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`┌── Beskrivning i tips ${reference} (tipsarens egen text; varje rad börjar med │) ──`);
  const end = lines.indexOf(`└── Slut på beskrivningen i tips ${reference} ──`);
  if (start < 0 || end < start) throw new Error(`no fenced description for ${reference}`);
  return lines.slice(start + 1, end);
}

/** The description inside its fence without the "│ " that starts each line; throws if a line lacks it. */
export function descriptionIn(text: string, reference: string): string {
  return fencedLines(text, reference)
    .map((line) => {
      if (line !== '│' && !line.startsWith('│ ')) throw new Error(`an unprefixed line in the description: ${line}`);
      return line.slice(2);
    })
    .join('\n');
}

/**
 * What `descriptionIn` gives for a description typed as `description`: the
 * same lines (U+2028 and U+2029 break lines too), those with bidi controls isolated.
 */
export function asFenced(description: string): string {
  return description
    .split(/\n|\u2028|\u2029/)
    .map(isolateBidi)
    .join('\n');
}
