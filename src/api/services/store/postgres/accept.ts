import { CHANNELS } from '../../tips/types.ts';
import { newReference } from '../../tips/reference.ts';
import { IDEMPOTENCY_WINDOW_MS } from '../store-policy.ts';
import { encodePayload, hashIdempotencyKey } from '../stored-tip.ts';
import type { AcceptTipInput, AcceptTipResult } from '../tip-store.ts';
import type { Pool, Sql } from './connect.ts';

const MAX_REFERENCE_TRIES = 10;
const MAX_RACE_TRIES = 5;

/** Thrown inside the transaction to roll it back when a concurrent duplicate committed the key first. */
class KeyTaken extends Error {
  override readonly name = 'KeyTaken';
}

/** `findByIdempotencyKey` for PostgreSQL. */
export function postgresFindByIdempotencyKey(sql: Pool): (key: string, now: number) => Promise<string | undefined> {
  return async (key, now) => {
    const [row] = await sql<{ reference: string }[]>`
      SELECT t.reference FROM idempotency_keys k JOIN tips t ON t.id = k.tip_id
      WHERE k.key_hash = ${hashIdempotencyKey(key)} AND k.created_at > ${now - IDEMPOTENCY_WINDOW_MS}`;
    return row?.reference;
  };
}

/**
 * `acceptTip` for PostgreSQL. The tip, its jobs and its idempotency key are
 * inserted in one transaction; the key's primary key decides concurrent
 * duplicates: the second insert waits for the first transaction, finds the
 * key taken, rolls back, and answers with the first tip's reference.
 * `sql.begin` resolves after COMMIT, which with the default
 * synchronous_commit=on is durable on disk.
 */
export function postgresAccept(sql: Pool): (input: AcceptTipInput) => Promise<AcceptTipResult> {
  const existingReference = async (db: Sql, keyHash: string, since: number) => {
    const [row] = await db<{ reference: string }[]>`
      SELECT t.reference FROM idempotency_keys k JOIN tips t ON t.id = k.tip_id
      WHERE k.key_hash = ${keyHash} AND k.created_at > ${since}`;
    return row?.reference;
  };

  const insert = (input: AcceptTipInput, keyHash: string | undefined, since: number) =>
    sql.begin(async (tx): Promise<AcceptTipResult> => {
      if (keyHash !== undefined) {
        const existing = await existingReference(tx, keyHash, since);
        if (existing) return { reference: existing, created: false };
        await tx`DELETE FROM idempotency_keys WHERE key_hash = ${keyHash} AND created_at <= ${since}`;
      }
      const payload = encodePayload(input.tip, input.flags);
      for (let attempt = 0; attempt < MAX_REFERENCE_TRIES; attempt += 1) {
        const reference = newReference();
        const [tip] = await tx<{ id: number }[]>`
          INSERT INTO tips (reference, accepted_at, language, payload)
          VALUES (${reference}, ${input.acceptedAt}, ${input.language}, ${payload})
          ON CONFLICT (reference) DO NOTHING RETURNING id`;
        if (!tip) continue; // reference taken: draw another
        const jobs = CHANNELS.map((channel) => ({
          tip_id: tip.id,
          channel,
          window_start: input.acceptedAt,
          next_attempt_at: input.acceptedAt,
        }));
        await tx`INSERT INTO delivery_jobs ${tx(jobs)}`;
        if (keyHash !== undefined) {
          const inserted = await tx`
            INSERT INTO idempotency_keys (key_hash, tip_id, created_at)
            VALUES (${keyHash}, ${tip.id}, ${input.acceptedAt})
            ON CONFLICT (key_hash) DO NOTHING RETURNING key_hash`;
          if (inserted.length === 0) throw new KeyTaken();
        }
        return { reference, created: true };
      }
      throw new Error('could not draw an unused reference');
    });

  return async (input) => {
    const keyHash = input.idempotencyKey === undefined ? undefined : hashIdempotencyKey(input.idempotencyKey);
    const since = input.acceptedAt - IDEMPOTENCY_WINDOW_MS;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await insert(input, keyHash, since);
      } catch (error) {
        if (!(error instanceof KeyTaken) || keyHash === undefined || attempt >= MAX_RACE_TRIES) throw error;
        const existing = await existingReference(sql, keyHash, since);
        if (existing) return { reference: existing, created: false };
        // The winner's key was stale or already gone: try again.
      }
    }
  };
}
