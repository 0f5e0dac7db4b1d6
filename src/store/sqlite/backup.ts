import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';

export interface BackupResult {
  path: string;
  bytes: number;
  /** Tips in the copy, counted by opening it after an integrity check. */
  tips: number;
}

/** `tips-2026-11-30T12-00-00Z.sqlite`: sortable, no colons, UTC. */
export function backupFileName(now: number): string {
  return `tips-${new Date(now).toISOString().slice(0, 19).replace(/:/g, '-')}Z.sqlite`;
}

const BACKUP_NAME = /^tips-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.sqlite$/;

/**
 * An online backup of the open store with SQLite's backup API
 * (better-sqlite3 `db.backup()`): readers and writers carry on meanwhile,
 * and the copy is a consistent snapshot. It is written under a temporary
 * name and renamed when complete, mode 0600, then switched to a single
 * file (journal_mode=DELETE), integrity-checked and counted.
 */
export async function backupSqliteStore(db: Database, destination: string): Promise<BackupResult> {
  mkdirSync(dirname(destination), { recursive: true, mode: 0o700 });
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    chmodSync(partial, 0o600);
    renameSync(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const copy = new BetterSqlite3(destination);
  try {
    // One self-contained file: no -wal or -shm beside the copy.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup ${destination} failed its integrity check: ${String(check)}`);
    const tips = copy.prepare<[], { n: number }>('SELECT count(*) AS n FROM tips').get()?.n ?? 0;
    return { path: destination, bytes: statSync(destination).size, tips };
  } finally {
    copy.close();
  }
}

/**
 * Deletes backups in `dir` taken more than `retentionDays` ago: a backup
 * must not keep tips that retention has purged from the store.
 */
export function pruneBackups(dir: string, now: number, retentionDays: number): string[] {
  const cutoff = now - retentionDays * 24 * 60 * 60_000;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = BACKUP_NAME.exec(name);
    if (!match) continue;
    const takenAt = Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`);
    if (takenAt < cutoff) {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}
