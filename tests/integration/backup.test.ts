import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { backupFileName } from '../../src/store/sqlite/backup.ts';
import { createSqliteTipStore, type SqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import type { AcceptTipInput, TipStore } from '../../src/store/tip-store.ts';
import type { AcceptedTip } from '../../src/store/accepted-tip.ts';
import { toMinute } from '../../src/store/accepted-tip.ts';
import { runBackup } from '../../src/cli/backup-command.ts';
import { flagsOf, isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { allTipFixtures } from '../helpers/fixtures.ts';
import { TEST_POLICY } from '../helpers/store-policy.ts';

/**
 * `npm run backup`: an online backup while the store is open and being
 * written to; the copy is restored (opened as a store) and must hold every tip.
 */

const run = promisify(execFile);
const DAY = 24 * 60 * 60_000;
const NOW = toMinute(Date.now());
const VALID = allTipFixtures().filter((fixture) => !fixture.errors);

function sampleTip(n: number): AcceptTipInput {
  const fixture = VALID[n % VALID.length];
  if (!fixture) throw new Error('no valid fixtures');
  const parsed = validateSubmission(fixture.fields, isoDate(NOW + DAY));
  if (!parsed.success) throw new Error(`${fixture.name} does not validate`);
  const { lang: _lang, formToken: _token, idempotencyKey: _key, website: _honeypot, ...tip } = parsed.data;
  return {
    idempotencyKey: undefined,
    acceptedAt: NOW - n * 60_000,
    language: fixture.lang ?? 'sv',
    tip,
    flags: flagsOf(tip),
  };
}

/** Every tip in a store, read back through the intake queue (a restored store has them all undelivered). */
async function allTips(store: TipStore): Promise<Map<string, AcceptedTip>> {
  const tips = new Map<string, AcceptedTip>();
  for (;;) {
    const lease = await store.claimIntake(NOW, 100);
    if (lease.tips.length === 0) return tips;
    for (const tip of lease.tips) tips.set(tip.reference, tip);
  }
}

/** Opens a backup the way an operator restores one: copied into an empty DATA_DIR as tips.sqlite. */
function restore(backup: string): SqliteTipStore {
  const restored = mkdtempSync(join(tmpdir(), 'tips-restored-'));
  cleanups.push(restored);
  copyFileSync(backup, join(restored, 'tips.sqlite'));
  return createSqliteTipStore({ file: join(restored, 'tips.sqlite'), policy: TEST_POLICY, now: NOW });
}

let dataDir: string;
let store: SqliteTipStore;
let cleanups: string[];
let accepted: Map<string, AcceptTipInput>;

beforeEach(async () => {
  cleanups = [];
  dataDir = mkdtempSync(join(tmpdir(), 'tips-backup-'));
  store = createSqliteTipStore({ file: join(dataDir, 'tips.sqlite'), policy: TEST_POLICY, now: NOW });
  accepted = new Map();
  for (let n = 0; n < 300; n += 1) {
    const input = sampleTip(n);
    accepted.set((await store.acceptTip(input)).reference, input);
  }
});

afterEach(async () => {
  await store.close();
  for (const dir of [dataDir, ...cleanups]) rmSync(dir, { recursive: true, force: true });
});

function expectEveryTip(found: Map<string, AcceptedTip>) {
  expect(found.size).toBe(accepted.size);
  for (const [reference, input] of accepted) {
    expect(found.get(reference)).toEqual({
      reference,
      acceptedAt: input.acceptedAt,
      language: input.language,
      tip: input.tip,
      flags: input.flags,
    });
  }
}

describe('online backup', () => {
  it('copies an open store that keeps accepting tips, and the restored copy holds every tip', async () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    let finished = false;
    const backup = runBackup(config, manualClock(NOW)).finally(() => (finished = true));
    // Writers carry on while the backup runs: one tip per event-loop turn until it is done.
    const during: string[] = [];
    while (!finished) {
      during.push((await store.acceptTip(sampleTip(1000 + during.length))).reference);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const outcome = await backup;
    expect(during.length).toBeGreaterThan(0);

    expect(outcome.path).toBe(join(dataDir, 'backups', backupFileName(NOW)));
    expect(statSync(outcome.path).mode & 0o777).toBe(0o600);
    expect(existsSync(`${outcome.path}-wal`)).toBe(false);
    expect(outcome.tips).toBeGreaterThanOrEqual(accepted.size);

    const restored = restore(outcome.path);
    const found = await allTips(restored);
    await restored.close();
    expect(found.size).toBe(outcome.tips);
    for (const reference of during) found.delete(reference);
    expectEveryTip(found);
  });

  it('runs as `npm run backup` (src/cli/backup.ts) next to the open store', async () => {
    const destination = join(dataDir, 'elsewhere', 'copy.sqlite');
    const { stdout } = await run(process.execPath, ['src/cli/backup.ts', destination], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, NODE_ENV: 'test' },
    });
    expect(stdout).toContain(`backup: ${destination}`);
    expect(stdout).toContain(`${accepted.size} tips, integrity ok`);
    const restored = restore(destination);
    expectEveryTip(await allTips(restored));
    await restored.close();
  });

  it('deletes backups in DATA_DIR/backups older than the retention period', async () => {
    const backups = join(dataDir, 'backups');
    mkdirSync(backups, { recursive: true });
    const old = backupFileName(NOW - 31 * DAY);
    const recent = backupFileName(NOW - 29 * DAY);
    for (const name of [old, recent, 'notes.txt']) writeFileSync(join(backups, name), 'x');
    const outcome = await runBackup(loadConfig({ DATA_DIR: dataDir, RETENTION_DAYS: '30' }), manualClock(NOW));
    expect(outcome.pruned).toEqual([old]);
    expect(readdirSync(backups).sort()).toEqual([backupFileName(NOW), recent, 'notes.txt'].sort());
  });

  it('refuses when there is no store or the store is PostgreSQL', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tips-nostore-'));
    cleanups.push(empty);
    await expect(runBackup(loadConfig({ DATA_DIR: empty }), manualClock(NOW))).rejects.toThrow(/no store/);
    const pg = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db' });
    await expect(runBackup(pg, manualClock(NOW))).rejects.toThrow(/pg_dump/);
  });
});
