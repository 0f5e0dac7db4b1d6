import type { Database } from 'better-sqlite3';

/**
 * The staff side's step of the retention purge on SQLite: the audit entries
 * of the tips about to be deleted lose their reference (the entry stays:
 * who did what, when; marked `tip_purged`). The inbox row, notes, reads and
 * the search index go with the tip itself (ON DELETE CASCADE and a trigger).
 * Call it inside the purge's transaction with the ids it is about to delete
 * (a JSON array).
 */
export function sqliteForgetPurgedTips(db: Database): (tipIdsJson: string) => number {
  const blank = db.prepare<[string]>(
    `UPDATE audit_log SET tip_reference = NULL, tip_purged = 1
     WHERE tip_reference IN (SELECT reference FROM tips WHERE id IN (SELECT value FROM json_each(?)))`,
  );
  return (tipIdsJson) => {
    if (!db.inTransaction) throw new Error('forgetPurgedTips must run inside the purge transaction');
    return blank.run(tipIdsJson).changes;
  };
}
