import { toDeadLetter, type DeadLetterRow } from '../dead-letter-row.ts';
import type { Database } from 'better-sqlite3';
import type { Channel } from '../accepted-tip.ts';
import { toMinute } from '../accepted-tip.ts';
import type { DeadLetter, DeadLetterRef } from '../tip-store.ts';

interface Params {
  now: number;
  reference: string;
  channel: Channel | null;
}

/**
 * Dead letters on SQLite: jobs in state 'dead', kept until an operator
 * retries them (back to 'pending' with a fresh delivery window and attempt
 * count) or discards them ('discarded', which retention then treats as finished).
 */
export function sqliteDeadLetters(db: Database) {
  const list = db.prepare<[{ channel: Channel | null }], DeadLetterRow>(
    `SELECT t.reference, j.channel, t.accepted_at, j.attempts, j.last_error, j.finished_at
     FROM delivery_jobs j JOIN tips t ON t.id = j.tip_id
     WHERE j.state = 'dead' AND (@channel IS NULL OR j.channel = @channel)
     ORDER BY j.tip_id, j.channel`,
  );
  const retry = db.prepare<[Params], { channel: Channel }>(
    `UPDATE delivery_jobs SET state = 'pending', attempts = 0, window_start = @now, next_attempt_at = @now,
       finished_at = NULL, claim_id = NULL, claimed_until = NULL
     WHERE state = 'dead' AND tip_id = (SELECT id FROM tips WHERE reference = @reference)
       AND (@channel IS NULL OR channel = @channel)
     RETURNING channel`,
  );
  const discard = db.prepare<[Params], { channel: Channel }>(
    `UPDATE delivery_jobs SET state = 'discarded', finished_at = @now
     WHERE state = 'dead' AND tip_id = (SELECT id FROM tips WHERE reference = @reference)
       AND (@channel IS NULL OR channel = @channel)
     RETURNING channel`,
  );

  const each = (run: (reference: string) => { channel: Channel }[]) =>
    db.transaction((references: readonly string[]): DeadLetterRef[] =>
      [...new Set(references)].flatMap((reference) => run(reference).map(({ channel }) => ({ reference, channel }))),
    );

  return {
    listDeadLetters: (channel?: Channel): DeadLetter[] => list.all({ channel: channel ?? null }).map(toDeadLetter),
    retryDeadLetters: (references: readonly string[], now: number, channel?: Channel) =>
      each((reference) => retry.all({ now, reference, channel: channel ?? null })).immediate(references),
    discardDeadLetters: (references: readonly string[], now: number, channel?: Channel) =>
      each((reference) => discard.all({ now: toMinute(now), reference, channel: channel ?? null })).immediate(
        references,
      ),
  };
}
