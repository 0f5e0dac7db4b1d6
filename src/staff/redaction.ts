import { findPersonalData } from '../schemas/personal-data.ts';
import { flagsOf } from '../schemas/tip.ts';
import type { RedactionEdit } from '../store/staff-store.ts';

/** What stands where text was removed. */
export const REDACTED_MARK = '[borttaget]';

/** What a handler asked to remove, in one action. */
export interface RedactionRequest {
  /** Every detected phone number, email address and personnummer. */
  allDetected: boolean;
  /** Detected occurrences picked one by one, as "start-end" of the description shown. */
  spans: readonly string[];
  /** Other text to remove, every occurrence of it, exactly as written. */
  text: string;
}

type Range = [start: number, end: number];

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Sorted, merged ranges. */
function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The ranges of `description` the request names. Picked spans count only if they are still a detected occurrence. */
export function rangesToRemove(description: string, request: RedactionRequest): Range[] {
  const detected = findPersonalData(description);
  const ranges: Range[] = [];
  if (request.allDetected) ranges.push(...detected.map((span): Range => [span.start, span.end]));
  for (const picked of request.spans) {
    const span = detected.find((candidate) => `${candidate.start}-${candidate.end}` === picked);
    if (span) ranges.push([span.start, span.end]);
  }
  const text = request.text;
  if (text !== '') {
    for (let at = description.indexOf(text); at !== -1; at = description.indexOf(text, at + text.length)) {
      ranges.push([at, at + text.length]);
    }
  }
  return merge(ranges);
}

/** The description with the ranges replaced by the mark, and how many characters (code points) went. */
export function applyRedaction(description: string, ranges: readonly Range[]): { text: string; removed: number } {
  let text = '';
  let removed = 0;
  let from = 0;
  for (const [start, end] of ranges) {
    text += description.slice(from, start) + REDACTED_MARK;
    removed += codePoints(description.slice(start, end));
    from = end;
  }
  return { text: text + description.slice(from), removed };
}

/**
 * The store's edit for a request: applied to the description as stored at
 * that moment (inside the store's transaction), with the personal-data flags
 * worked out again from what is left.
 */
export function redactionEdit(request: RedactionRequest): RedactionEdit {
  return (accepted) => {
    const ranges = rangesToRemove(accepted.tip.description, request);
    if (ranges.length === 0) return undefined;
    const { text, removed } = applyRedaction(accepted.tip.description, ranges);
    return {
      description: text,
      flags: { ...flagsOf({ ...accepted.tip, description: text }), contactWanted: accepted.flags.contactWanted },
      removed,
      detail: { spans: ranges.length, mode: request.allDetected ? 'all-detected' : 'selected' },
    };
  };
}
