import {
  chmodSync,
  closeSync,
  copyFileSync,
  constants,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Config } from '../config/config.ts';
import { sqliteStoreFile } from '../store/sqlite/sqlite-tip-store.ts';

export interface RestoreOutcome {
  /** The store file the backup became (DATA_DIR/tips.sqlite). */
  path: string;
  bytes: number;
  /** Tips in the restored store. */
  tips: number;
}

/**
 * `npm run restore -- <backup file>`: makes a backup taken by `npm run backup`
 * the store of an empty DATA_DIR, for a server and worker to start on (they
 * bring its schema up to date, as after any upgrade). It never overwrites
 * tips: it refuses when DATA_DIR already holds a store, and the file goes in
 * with a hard link that fails if one appears meanwhile. It refuses a file
 * that is not an intact tip store, and PostgreSQL (use pg_restore).
 */
export function runRestore(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  backup: string | undefined,
): RestoreOutcome {
  if (!backup) throw new Error('name the backup file: npm run restore -- <backup file>');
  if (config.databaseUrl) {
    throw new Error(
      'DATABASE_URL is set: restore PostgreSQL with pg_restore (see the README), not with npm run restore',
    );
  }
  const target = sqliteStoreFile(config.dataDir);
  const existing = [target, `${target}-wal`, `${target}-shm`].find((file) => existsSync(file));
  if (existing) {
    throw new Error(
      `DATA_DIR already holds a store (${existing}); restore only into an empty data folder, never over tips`,
    );
  }
  const tips = checkBackup(backup);
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const partial = `${target}.restoring`;
  rmSync(partial, { force: true });
  try {
    copyFileSync(backup, partial, constants.COPYFILE_EXCL);
    chmodSync(partial, 0o600);
    syncFile(partial);
    linkSync(partial, target); // fails with EEXIST rather than replace a store that appeared meanwhile
  } finally {
    rmSync(partial, { force: true });
  }
  syncFile(dirname(target));
  return { path: target, bytes: statSync(target).size, tips };
}

/** Opens the backup read-only: it must pass SQLite's integrity check and be a tip store. Returns its tip count. */
function checkBackup(file: string): number {
  if (!existsSync(file)) throw new Error(`no backup at ${file}`);
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${file} is not a SQLite file: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} failed its integrity check: ${String(check)}`);
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'tips'").get();
    if (!table) throw new Error(`${file} is not a backup of the tip store (it has no tips table)`);
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM tips').get()?.n ?? 0;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(file)) throw error;
    throw new Error(
      `${file} could not be read as a tip store: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  } finally {
    db.close();
  }
}

/** Flushes a file (or folder entry) to disk, so a restore acknowledged is a restore kept. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
