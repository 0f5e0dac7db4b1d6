import type { Config } from '../config/config.ts';
import { sqliteStoreFile } from './sqlite/sqlite-tip-store.ts';
import type { StaffStore } from './staff-store.ts';

/** PostgreSQL connections the staff store keeps: a handful of people use the staff pages. */
const STAFF_POOL_SIZE = 3;

/**
 * Opens the staff store on the same database as the tip store. Call it after
 * `createTipStore`, which brings the schema (the staff tables included) up to date.
 */
export async function createStaffStore(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<StaffStore> {
  if (config.databaseUrl) {
    const { createPostgresStaffStore } = await import('./staff/postgres-staff-store.ts');
    return createPostgresStaffStore(config.databaseUrl, STAFF_POOL_SIZE);
  }
  const { createSqliteStaffStore } = await import('./staff/sqlite-staff-store.ts');
  return createSqliteStaffStore(sqliteStoreFile(config.dataDir));
}
