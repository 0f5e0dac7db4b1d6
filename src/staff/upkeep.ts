import type { Logger } from '../platform/logger.ts';
import type { StaffStore } from '../store/staff-store.ts';
import type { TipStore } from '../store/tip-store.ts';

/**
 * The tip store, with the staff side's daily upkeep added to its retention
 * purge (which the outbox worker runs once a day, in the server or in
 * `npm run worker`): audit entries older than AUDIT_RETENTION_DAYS, expired
 * sessions and sign-in tokens. A failing upkeep is logged and never holds
 * up the tips' own purge.
 */
export function withStaffUpkeep(
  store: TipStore,
  staff: StaffStore,
  auditRetentionDays: number,
  logger: Logger,
): TipStore {
  return Object.assign(Object.create(null) as object, store, {
    async purge(now: number, retentionDays: number) {
      const result = await store.purge(now, retentionDays);
      try {
        const upkeep = await staff.purgeStaffData(now, auditRetentionDays);
        logger.info({ ...upkeep, auditRetentionDays }, 'retention: staff upkeep');
      } catch (error) {
        logger.error({ error: error instanceof Error ? error.name : 'UnknownError' }, 'retention: staff upkeep failed');
      }
      return result;
    },
  }) as TipStore;
}
