import type { Sql } from '../postgres/connect.ts';

/**
 * The staff side's step of the retention purge on PostgreSQL (see
 * sqlite-forget-purged.ts): the audit entries of the tips about to be
 * deleted lose their reference and are marked `tip_purged`. Call it with
 * the purge's transaction and the ids it is about to delete.
 */
export async function postgresForgetPurgedTips(tx: Sql, tipIds: readonly number[]): Promise<number> {
  if (tipIds.length === 0) return 0;
  const blanked = await tx`
    UPDATE audit_log SET tip_reference = NULL, tip_purged = true
    WHERE tip_reference IN (SELECT reference FROM tips WHERE id = ANY(${tx.array([...tipIds])}::bigint[]))`;
  return blanked.count;
}
