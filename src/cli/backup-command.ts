import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import type { Clock } from '../platform/clock.ts';
import { backupFileName, backupSqliteStore, pruneBackups, type BackupResult } from '../store/sqlite/backup.ts';
import { openSqliteDatabase } from '../store/sqlite/open-database.ts';
import { sqliteStoreFile } from '../store/sqlite/sqlite-tip-store.ts';

export interface BackupOutcome extends BackupResult {
  /** Older backups deleted from DATA_DIR/backups because they outlived RETENTION_DAYS. */
  pruned: string[];
}

/**
 * `npm run backup [-- <path>]`: an online backup of the SQLite store while
 * the server and worker keep running. Without a path it goes to
 * DATA_DIR/backups/<timestamp>.sqlite, and backups there older than
 * RETENTION_DAYS are deleted (they would keep purged tips). PostgreSQL is
 * backed up with its own tools (pg_dump, or the provider's snapshots).
 */
export async function runBackup(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'retentionDays'>,
  clock: Clock,
  destination?: string,
): Promise<BackupOutcome> {
  if (config.databaseUrl) {
    throw new Error('DATABASE_URL is set: back up PostgreSQL with pg_dump or your provider, not with npm run backup');
  }
  const file = sqliteStoreFile(config.dataDir);
  if (!existsSync(file)) throw new Error(`no store at ${file} (check DATA_DIR)`);
  const now = clock();
  const backupDir = join(config.dataDir, 'backups');
  const db = openSqliteDatabase(file, { mustExist: true });
  try {
    const result = await backupSqliteStore(db, destination ?? join(backupDir, backupFileName(now)));
    const pruned = destination ? [] : pruneBackups(backupDir, now, config.retentionDays);
    return { ...result, pruned };
  } finally {
    db.close();
  }
}
