import { toDeadLetter, type DeadLetterRow } from '../dead-letter-row.ts';
import type { Channel } from '../accepted-tip.ts';
import { toMinute } from '../accepted-tip.ts';
import type { DeadLetter, DeadLetterRef } from '../tip-store.ts';
import type { Pool } from './connect.ts';

/** Dead letters on PostgreSQL; the same rules as SQLite's (see sqlite/dead-letters.ts). */
export function postgresDeadLetters(sql: Pool) {
  return {
    async listDeadLetters(channel?: Channel): Promise<DeadLetter[]> {
      const rows = await sql<DeadLetterRow[]>`
        SELECT t.reference, j.channel, t.accepted_at, j.attempts, j.last_error, j.finished_at
        FROM delivery_jobs j JOIN tips t ON t.id = j.tip_id
        WHERE j.state = 'dead' AND (${channel ?? null}::text IS NULL OR j.channel = ${channel ?? null}::text)
        ORDER BY j.tip_id, j.channel`;
      return rows.map(toDeadLetter);
    },

    async retryDeadLetters(references: readonly string[], now: number, channel?: Channel): Promise<DeadLetterRef[]> {
      return sql<DeadLetterRef[]>`
        UPDATE delivery_jobs j SET state = 'pending', attempts = 0, window_start = ${now}, next_attempt_at = ${now},
          finished_at = NULL, claim_id = NULL, claimed_until = NULL
        FROM tips t
        WHERE t.id = j.tip_id AND j.state = 'dead' AND t.reference = ANY(${sql.array([...references])}::text[])
          AND (${channel ?? null}::text IS NULL OR j.channel = ${channel ?? null}::text)
        RETURNING t.reference, j.channel`;
    },

    async discardDeadLetters(references: readonly string[], now: number, channel?: Channel): Promise<DeadLetterRef[]> {
      return sql<DeadLetterRef[]>`
        UPDATE delivery_jobs j SET state = 'discarded', finished_at = ${toMinute(now)}
        FROM tips t
        WHERE t.id = j.tip_id AND j.state = 'dead' AND t.reference = ANY(${sql.array([...references])}::text[])
          AND (${channel ?? null}::text IS NULL OR j.channel = ${channel ?? null}::text)
        RETURNING t.reference, j.channel`;
    },
  };
}
