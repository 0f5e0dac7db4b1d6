import type { Database } from 'better-sqlite3';
import { toMinute, type Channel } from '../accepted-tip.ts';
import { newReference } from '../reference.ts';
import { IDEMPOTENCY_WINDOW_MS } from '../store-policy.ts';
import { decodePayloadTip, encodePayload, hashIdempotencyKey } from '../stored-tip.ts';
import type { AcceptTipInput, AcceptTipResult, KeyedTip } from '../tip-store.ts';

const MAX_REFERENCE_TRIES = 10;

/** `findByIdempotencyKey` for SQLite. */
export function sqliteFindByIdempotencyKey(db: Database): (key: string, now: number) => KeyedTip | undefined {
  const findKey = db.prepare<[string, number], { reference: string; payload: string }>(
    `SELECT t.reference, t.payload FROM idempotency_keys k JOIN tips t ON t.id = k.tip_id
     WHERE k.key_hash = ? AND k.created_at > ?`,
  );
  return (key, now) => {
    const row = findKey.get(hashIdempotencyKey(key), now - IDEMPOTENCY_WINDOW_MS);
    return row && { reference: row.reference, tip: decodePayloadTip(row.payload) };
  };
}

/**
 * `acceptTip` for SQLite, to be run inside a transaction (see
 * `groupCommit`): the whole check-and-insert happens under the database's
 * write lock (an IMMEDIATE transaction), so concurrent duplicates from other
 * connections or processes wait and then find the key. The caller answers
 * only after the commit, which synchronous=FULL makes durable.
 */
export function sqliteAccept(
  db: Database,
  channels: readonly Channel[],
  digestDuringSurge = false,
): (input: AcceptTipInput) => AcceptTipResult {
  const findKey = db.prepare<[string, number], { reference: string }>(
    `SELECT t.reference FROM idempotency_keys k JOIN tips t ON t.id = k.tip_id
     WHERE k.key_hash = ? AND k.created_at > ?`,
  );
  const deleteStaleKey = db.prepare<[string, number]>(
    'DELETE FROM idempotency_keys WHERE key_hash = ? AND created_at <= ?',
  );
  const insertTip = db.prepare<[string, number, string, string], { id: number }>(
    `INSERT INTO tips (reference, accepted_at, language, payload) VALUES (?, ?, ?, ?)
     ON CONFLICT (reference) DO NOTHING RETURNING id`,
  );
  const insertJob = db.prepare<[number, string, number, number, number]>(
    'INSERT INTO delivery_jobs (tip_id, channel, window_start, next_attempt_at, held) VALUES (?, ?, ?, ?, ?)',
  );
  const insertKey = db.prepare<[string, number, number]>(
    'INSERT INTO idempotency_keys (key_hash, tip_id, created_at) VALUES (?, ?, ?)',
  );

  return (input: AcceptTipInput): AcceptTipResult => {
    // The caller truncates already; truncating again keeps a finer time out of the store whatever it passes.
    const acceptedAt = toMinute(input.acceptedAt);
    const keyHash = input.idempotencyKey === undefined ? undefined : hashIdempotencyKey(input.idempotencyKey);
    if (keyHash !== undefined) {
      const since = acceptedAt - IDEMPOTENCY_WINDOW_MS;
      const existing = findKey.get(keyHash, since);
      if (existing) return { reference: existing.reference, created: false };
      deleteStaleKey.run(keyHash, since);
    }
    const payload = encodePayload(input.tip, input.flags);
    for (let attempt = 0; attempt < MAX_REFERENCE_TRIES; attempt += 1) {
      const reference = newReference();
      const row = insertTip.get(reference, acceptedAt, input.language, payload);
      if (!row) continue; // reference taken: draw another
      const holdEmail = digestDuringSurge && input.duringSurge === true;
      for (const channel of channels) {
        insertJob.run(row.id, channel, acceptedAt, acceptedAt, holdEmail && channel === 'email' ? 1 : 0);
      }
      if (keyHash !== undefined) insertKey.run(keyHash, row.id, acceptedAt);
      return { reference, created: true };
    }
    throw new Error('could not draw an unused reference');
  };
}
