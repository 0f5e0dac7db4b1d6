import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tipFixture } from '../helpers/fixtures.ts';
import { startServer } from '../helpers/server.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { postTipJson } from '../helpers/tip-client.ts';
import { HIGH_LIMITS } from '../browser/tip-form-support.ts';

// Backup and restore as the README's "Going live" tells an operator to do
// them: tips accepted by the running server, `npm run backup` while it runs,
// `npm run restore` into an empty data folder, and a server started on that
// folder delivers the restored tips and lists them in its intake queue.
// The restore refuses to put a backup over a store.

const INTAKE_TOKEN = 'intake-token-for-the-restore-test-0123456789';

let sink: SmtpSink;
let work: string;
/** A backup taken by `npm run backup` while the server that accepted these tips was running. */
let backup: string;
let references: string[];

beforeAll(async () => {
  sink = await startSmtpSink();
  work = mkdtempSync(join(tmpdir(), 'tips-restore-'));
  backup = join(work, 'tips-backup.sqlite');
  references = [];
  // Tips held back (no worker), as when the relay was down at the time of the backup.
  const original = await startServer({ env: { ...HIGH_LIMITS, WORKER: 'off', INTAKE_TOKENS: INTAKE_TOKEN } });
  try {
    for (const name of ['full-swedish', 'minimal', 'arabic']) {
      const response = await postTipJson(original.url, tipFixture(name).fields);
      expect(response.status, name).toBe(201);
      references.push((JSON.parse(response.body) as { reference: string }).reference);
    }
    const backedUp = cli('backup', [backup], { DATA_DIR: original.dataDir });
    expect(backedUp, backedUp.out).toMatchObject({ status: 0 });
    expect(backedUp.out).toContain('3 tips, integrity ok');
  } finally {
    await original.stop();
  }
});

afterAll(async () => {
  await sink?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs one of the project's CLIs (src/cli/<name>.ts, as `npm run <name>` does) against a data folder. */
function cli(name: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [`src/cli/${name}.ts`, ...args], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('npm run restore', () => {
  it('restores a backup into an empty data folder; a server started on it delivers and lists the restored tips', async () => {
    const restoredDir = join(work, 'restored');
    const restored = cli('restore', [backup], { DATA_DIR: restoredDir });
    expect(restored, restored.out).toMatchObject({ status: 0 });
    expect(restored.out).toMatch(/restore: .*tips\.sqlite \(\d+ bytes, 3 tips\)/);
    const store = join(restoredDir, 'tips.sqlite');
    expect(statSync(store).mode & 0o777).toBe(0o600);

    const listed = cli('intake', ['list'], { DATA_DIR: restoredDir });
    expect(listed.status, listed.out).toBe(0);
    for (const reference of references) expect(listed.out).toContain(reference);

    const server = await startServer({
      dataDir: restoredDir,
      env: { ...HIGH_LIMITS, SMTP_URL: sink.url, WORKER_POLL_MS: '100', INTAKE_TOKENS: INTAKE_TOKEN },
    });
    try {
      const messages = await sink.waitForMessages(3, 15_000);
      expect(new Set(messages.map((message) => message.parsed.messageId))).toEqual(
        new Set(references.map((reference) => `<tip-${reference}@localhost>`)),
      );
      const claimed = await fetch(`${server.url}/api/intake/claim`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${INTAKE_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ limit: 10 }),
      });
      expect(claimed.status).toBe(200);
      const lease = (await claimed.json()) as { tips: { reference: string }[] };
      expect(lease.tips.map((tip) => tip.reference).sort()).toEqual([...references].sort());
    } finally {
      await server.stop({ keepData: true });
    }
  });

  it('refuses to restore over a store, and leaves that store as it was', () => {
    const dataDir = join(work, 'in-use');
    expect(cli('restore', [backup], { DATA_DIR: dataDir }).status).toBe(0);
    const before = digest(join(dataDir, 'tips.sqlite'));
    const again = cli('restore', [backup], { DATA_DIR: dataDir });
    expect(again.status).toBe(1);
    expect(again.out).toContain('DATA_DIR already holds a store');
    expect(digest(join(dataDir, 'tips.sqlite'))).toBe(before);
  });

  it('refuses what is not a backup of the tip store, a missing file, no file named, and PostgreSQL', () => {
    const dataDir = join(work, 'empty');
    const junk = join(work, 'not-a-backup.sqlite');
    writeFileSync(junk, 'these are not the tips you are looking for');
    const refusals = [
      cli('restore', [junk], { DATA_DIR: dataDir }),
      cli('restore', [join(work, 'missing.sqlite')], { DATA_DIR: dataDir }),
      cli('restore', [], { DATA_DIR: dataDir }),
      cli('restore', [junk], { DATA_DIR: dataDir, DATABASE_URL: 'postgres://localhost/tips' }),
    ];
    expect(refusals.map((refusal) => refusal.status)).toEqual([1, 1, 1, 1]);
    expect(refusals.map((refusal) => refusal.out.split('\n')[0])).toEqual([
      expect.stringMatching(/could not be read as a tip store/),
      expect.stringMatching(/no backup at/),
      expect.stringMatching(/name the backup file/),
      expect.stringMatching(/pg_restore/),
    ]);
    expect(existsSync(join(dataDir, 'tips.sqlite'))).toBe(false);
  });
});
