import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStaffStore } from '../../src/store/staff/sqlite-staff-store.ts';
import { createSqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import type { StaffStore } from '../../src/store/staff-store.ts';
import type { TipStore } from '../../src/store/tip-store.ts';
import { TEST_POLICY } from '../helpers/store-policy.ts';

/**
 * `npm run staff -- …` as an operator runs it: the real entry point
 * (src/cli/staff.ts) in a child process on a SQLite store this test also
 * holds open.
 */

const execFileAsync = promisify(execFile);
let dataDir: string;
let tips: TipStore;
let staff: StaffStore;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'staff-cli-'));
  const file = join(dataDir, 'tips.sqlite');
  tips = createSqliteTipStore({ file, policy: TEST_POLICY, now: Date.now() });
  staff = createSqliteStaffStore(file);
});
afterEach(async () => {
  await staff.close();
  await tips.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['src/cli/staff.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run staff', () => {
  // Ten commands, each a fresh Node process: generous on a loaded machine.
  it(
    'adds the first admin, lists, changes a role, links OIDC and deactivates, all in the audit trail',
    { timeout: 120_000 },
    async () => {
      expect((await run('list')).stdout).toContain('nobody is on the staff list yet');
      const added = await run('add', 'Anna@Huge.se', '--role', 'admin', '--name', 'Anna Andersson');
      expect(added).toMatchObject({ code: 0 });
      expect(added.stdout).toMatch(/added: anna@huge\.se\s+admin\s+active/);
      expect((await run('add', 'anna@huge.se', '--role', 'reader')).code).toBe(1);
      expect((await run('add', 'bo@huge.se', '--role', 'handler', '--oidc-id', 'oid-1')).code).toBe(0);
      expect((await run('role', 'bo@huge.se', 'reader')).stdout).toMatch(/bo@huge\.se\s+reader/);
      expect((await run('link', 'anna@huge.se', 'oid-2')).stdout).toContain('oidc oid-2');
      expect((await run('deactivate', 'bo@huge.se')).stdout).toMatch(/bo@huge\.se\s+reader\s+deactivated/);
      expect((await run('role', 'nobody@huge.se', 'admin')).code).toBe(1);
      const list = (await run('list')).stdout.trim().split('\n');
      expect(list).toHaveLength(2);
      expect(list[1]).toMatch(/bo@huge\.se.*deactivated.*oidc oid-1/);

      const audit = await staff.listAudit({}, { offset: 0, limit: 10 });
      expect(audit.entries.map((e) => e.action)).toEqual([
        'staff-deactivate',
        'staff-oidc',
        'staff-role',
        'staff-add',
        'staff-add',
      ]);
      expect(audit.entries.every((e) => e.actor === 'kommandorad' && e.actorId === null)).toBe(true);
    },
  );

  it('refuses a bad command line with the usage (exit 64)', { timeout: 60_000 }, async () => {
    for (const args of [
      ['add', 'not-an-email', '--role', 'admin'],
      ['add', 'a@huge.se', '--role', 'boss'],
      ['frobnicate'],
      [],
    ]) {
      const result = await run(...args);
      expect(result.code).toBe(64);
      expect(result.stderr).toContain('Usage: npm run staff');
    }
  });
});
