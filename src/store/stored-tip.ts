import { createHash } from 'node:crypto';
import type { Locale } from '../i18n/locales.ts';
import type { Tip, TipFlags } from '../schemas/tip.ts';
import type { AcceptedTip } from './accepted-tip.ts';

/**
 * How a tip's content is kept in one column: a versioned JSON document with
 * what the tipster typed and the flags derived from it, nothing else.
 */
interface PayloadV1 {
  v: 1;
  tip: Tip;
  flags: TipFlags;
}

export function encodePayload(tip: Tip, flags: TipFlags): string {
  const payload: PayloadV1 = { v: 1, tip, flags };
  return JSON.stringify(payload);
}

/** A tip's row as both stores select it. */
export interface StoredTipRow {
  reference: string;
  accepted_at: number;
  language: string;
  payload: string;
}

/** A tip's row with its email job's attempts so far, as claimed for sending. */
export interface ClaimedEmailRow extends StoredTipRow {
  attempts: number;
}

function decodePayload(text: string): PayloadV1 {
  const payload = JSON.parse(text) as PayloadV1;
  if (payload.v !== 1) throw new Error(`unknown tip payload version ${String(payload.v)}`);
  return payload;
}

/** Only the tip's fields from a stored payload (to compare a repeated submission with). */
export function decodePayloadTip(text: string): Tip {
  return decodePayload(text).tip;
}

/** Rebuilds the tip from a stored row. */
export function decodeTip(row: StoredTipRow): AcceptedTip {
  const payload = decodePayload(row.payload);
  return {
    reference: row.reference,
    acceptedAt: Number(row.accepted_at),
    language: row.language as Locale,
    tip: payload.tip,
    flags: payload.flags,
  };
}

/**
 * The idempotency key is stored only as a SHA-256 hash: it is random and
 * per form fill, but there is no reason to keep what the browser sent.
 */
export function hashIdempotencyKey(key: string): string {
  return createHash('sha256').update(`idempotency:${key}`).digest('base64url');
}

/** "ErrorClass: reason", cut short: the last error of a job, never tip content. */
export function formatDeliveryError(errorClass: string, reason: string): string {
  return `${errorClass}: ${reason}`.slice(0, 200);
}
