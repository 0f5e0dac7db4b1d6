import { toMinute, type Channel } from '../accepted-tip.ts';
import { newReference } from '../reference.ts';
import { IDEMPOTENCY_WINDOW_MS } from '../store-policy.ts';
import { decodePayloadTip, encodePayload, hashIdempotencyKey } from '../stored-tip.ts';
import type { AcceptTipInput, AcceptTipResult, KeyedTip } from '../tip-store.ts';
import type { Pool } from './connect.ts';

/** Candidate references per call; with 24^8 possible values, more than the first is almost never needed. */
const REFERENCE_CANDIDATES = 5;
const MAX_TRIES = 3;

/** `findByIdempotencyKey` for PostgreSQL. */
export function postgresFindByIdempotencyKey(sql: Pool): (key: string, now: number) => Promise<KeyedTip | undefined> {
  return async (key, now) => {
    const [row] = await sql<{ reference: string; payload: string }[]>`
      SELECT t.reference, t.payload FROM idempotency_keys k JOIN tips t ON t.id = k.tip_id
      WHERE k.key_hash = ${hashIdempotencyKey(key)} AND k.created_at > ${now - IDEMPOTENCY_WINDOW_MS}`;
    return row && { reference: row.reference, tip: decodePayloadTip(row.payload) };
  };
}

/**
 * `acceptTip` for PostgreSQL: one call of the `accept_tip()` function
 * (migrations 2 and 10), a single autocommitted statement that stores the tip, its
 * idempotency key and its jobs (the email held for the surge digest when asked), so it resolves only after the commit, which
 * the default synchronous_commit=on makes durable. The key's primary key
 * decides concurrent duplicates: the later one waits for the earlier
 * transaction, finds the key taken, drops its own copy and answers with the
 * earlier reference.
 */
export function postgresAccept(
  sql: Pool,
  jobChannels: readonly Channel[],
  digestDuringSurge = false,
): (input: AcceptTipInput) => Promise<AcceptTipResult> {
  const channels = sql.array([...jobChannels]);
  const holdEmail = (input: AcceptTipInput) => digestDuringSurge && input.duringSurge === true;
  return async (input) => {
    // The caller truncates already; truncating again keeps a finer time out of the store whatever it passes.
    const acceptedAt = toMinute(input.acceptedAt);
    const keyHash = input.idempotencyKey === undefined ? null : hashIdempotencyKey(input.idempotencyKey);
    const payload = encodePayload(input.tip, input.flags);
    for (let attempt = 1; ; attempt += 1) {
      const candidates = sql.array(Array.from({ length: REFERENCE_CANDIDATES }, newReference));
      const [row] = await sql<{ tip_reference: string | null; created: boolean }[]>`
        SELECT tip_reference, created FROM accept_tip(
          ${keyHash}, ${acceptedAt - IDEMPOTENCY_WINDOW_MS}, ${acceptedAt}, ${input.language},
          ${payload}, ${candidates}::text[], ${channels}::text[], ${holdEmail(input)})`;
      if (row?.tip_reference) return { reference: row.tip_reference, created: row.created };
      // The winning duplicate vanished meanwhile (its key went stale): try again.
      if (attempt >= MAX_TRIES) throw new Error('acceptTip: could not settle a concurrent duplicate');
    }
  };
}
