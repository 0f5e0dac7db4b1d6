import type { Context } from 'hono';
import { MalformedBodyError, UnsupportedContentTypeError } from './errors.ts';
import { readBodyText } from './request-body.ts';

export type SubmissionKind = 'json' | 'form';

/** Which of the two accepted content types a request has; undefined for any other. */
export function submissionKind(c: Context): SubmissionKind | undefined {
  return submissionKindOf(c.req.header('Content-Type'));
}

/** `submissionKind` from the Content-Type header's value. */
export function submissionKindOf(contentType: string | undefined): SubmissionKind | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  return undefined;
}

/**
 * Reads a submission body as a flat record: JSON must be an object; a form
 * must not repeat a field (a browser never does for this form). A body over
 * `limit` bytes is refused before it is parsed.
 */
export async function readSubmissionBody(
  c: Context,
  limit: number,
): Promise<{ kind: SubmissionKind; fields: Record<string, unknown> }> {
  const kind = submissionKind(c);
  if (!kind) throw new UnsupportedContentTypeError(`content type ${c.req.header('Content-Type') ?? '(none)'}`);
  const text = await readBodyText(c, limit);
  if (kind === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new MalformedBodyError('invalid JSON');
    }
    // Arrays, strings and numbers are readable JSON but not a submission: the schema refuses them (422).
    return {
      kind,
      fields:
        typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
          ? (parsed as Record<string, unknown>)
          : { value: parsed },
    };
  }
  // No prototype: a field named "__proto__" must stay a field (and be refused by the schema).
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, name)) throw new MalformedBodyError(`repeated form field`);
    fields[name] = value;
  }
  return { kind, fields };
}
