import type { Config } from '../config/config.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { createSqliteTipStore, sqliteStoreFile } from './sqlite/sqlite-tip-store.ts';
import { policyFromConfig, type StorePolicy } from './store-policy.ts';
import type { TipStore } from './tip-store.ts';

/**
 * Opens the configured store and brings its schema up to date: PostgreSQL
 * when DATABASE_URL is set, otherwise SQLite in DATA_DIR/tips.sqlite. The
 * clock only dates the migration records.
 */
export async function createTipStore(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'databasePoolSize' | 'worker' | 'intake'>,
  clock: Clock = systemClock,
  overrides: Partial<StorePolicy> = {},
): Promise<TipStore> {
  const policy = { ...policyFromConfig(config), ...overrides };
  if (config.databaseUrl) {
    // The PostgreSQL client is loaded only when it is configured.
    const { createPostgresTipStore } = await import('./postgres/postgres-tip-store.ts');
    return createPostgresTipStore({
      url: config.databaseUrl,
      poolSize: config.databasePoolSize,
      policy,
      now: clock(),
    });
  }
  return createSqliteTipStore({ file: sqliteStoreFile(config.dataDir), policy, now: clock() });
}
