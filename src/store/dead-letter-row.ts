import type { Channel } from './accepted-tip.ts';
import type { DeadLetter } from './tip-store.ts';

/** A dead letter as both backends select it (same columns, same names). */
export interface DeadLetterRow {
  reference: string;
  channel: Channel;
  accepted_at: number;
  attempts: number;
  last_error: string | null;
  finished_at: number;
}

export function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    reference: row.reference,
    channel: row.channel,
    acceptedAt: row.accepted_at,
    attempts: row.attempts,
    lastError: row.last_error,
    deadAt: row.finished_at,
  };
}
