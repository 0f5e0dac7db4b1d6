import type { Context } from 'hono';
import { MalformedBodyError, UnsupportedContentTypeError } from './errors.ts';
import { readBodyText } from './request-body.ts';

export type SubmissionKind = 'json' | 'form';

/** Which of the two submission content types a Content-Type header names; undefined for any other. */
export function submissionKindOf(contentType: string | undefined): SubmissionKind | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  return undefined;
}

/** A submission's fields, as a flat record. */
export type SubmissionFields = Record<string, unknown>;

/**
 * Reads a JSON submission (the API's): `application/json` only (415 for any
 * other type, a form post included), at most `limit` bytes (413), parsed
 * (400). Arrays, strings and numbers are readable JSON but not a
 * submission: they come back as `{ value }`, which the schema refuses (422).
 */
export async function readJsonSubmission(c: Context, limit: number): Promise<SubmissionFields> {
  assertKind(c, 'json');
  const text = await readBodyText(c, limit);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MalformedBodyError('invalid JSON');
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as SubmissionFields)
    : { value: parsed };
}

/**
 * Reads a form post (the web's form without JavaScript):
 * `application/x-www-form-urlencoded` only (415), at most `limit` bytes
 * (413); a repeated field is refused (400: a browser never repeats one of
 * this form's fields).
 */
export async function readFormSubmission(c: Context, limit: number): Promise<Record<string, string>> {
  assertKind(c, 'form');
  const text = await readBodyText(c, limit);
  // No prototype: a field named "__proto__" must stay a field (and be refused by the schema).
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, name)) throw new MalformedBodyError('repeated form field');
    fields[name] = value;
  }
  return fields;
}

function assertKind(c: Context, kind: SubmissionKind): void {
  const contentType = c.req.header('Content-Type');
  if (submissionKindOf(contentType) !== kind) {
    throw new UnsupportedContentTypeError(`content type ${contentType ?? '(none)'}`);
  }
}
