import type { LagesbildStore } from './lagesbild-store.ts';
import type { PostgresTipStore } from './postgres/postgres-tip-store.ts';
import type { SqliteTipStore } from './sqlite/sqlite-tip-store.ts';
import type { TipStore } from './tip-store.ts';

/**
 * The lägesbild's store on the same database as a TipStore from
 * `createTipStore` (its connection or pool; its migrations made the tables).
 * Closing the TipStore closes this one too.
 */
export async function createLagesbildStore(tips: TipStore): Promise<LagesbildStore> {
  if ('db' in tips) {
    const { createSqliteLagesbildStore } = await import('./sqlite/lagesbild/sqlite-lagesbild-store.ts');
    return createSqliteLagesbildStore((tips as SqliteTipStore).db);
  }
  if ('sql' in tips) {
    const { createPostgresLagesbildStore } = await import('./postgres/lagesbild/postgres-lagesbild-store.ts');
    return createPostgresLagesbildStore((tips as PostgresTipStore).sql);
  }
  throw new Error('createLagesbildStore: a TipStore from createTipStore is needed');
}
