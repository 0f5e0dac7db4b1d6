import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';

/** Waits this long for another connection's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed, mode 0600 in a 0700 folder, unless `mustExist`)
 * a SQLite file with the settings the store's promises rest on: WAL so
 * readers never block the writer, synchronous=FULL so a commit survives
 * power loss before the tip is acknowledged (THREATS #11), secure_delete so
 * purged tips are overwritten, foreign keys on, and a busy timeout for other
 * processes (worker, CLIs).
 */
export function openSqliteDatabase(file: string, options: { mustExist?: boolean } = {}): Database {
  const isNew = !existsSync(file);
  if (isNew && !options.mustExist) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new BetterSqlite3(file, { fileMustExist: options.mustExist ?? false, timeout: BUSY_TIMEOUT_MS });
  if (isNew) chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  return db;
}
