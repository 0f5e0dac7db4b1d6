import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import { policyFromConfig } from '../../src/store/store-policy.ts';
import type { TipStore } from '../../src/store/tip-store.ts';
import { loadConfig } from '../../src/config/config.ts';
import { toMinute } from '../../src/store/accepted-tip.ts';
import { flagsOf, isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';

/**
 * `npm run intake -- …` as the operator runs it: the real entry point
 * (src/cli/intake.ts) in a child process on a real SQLite store that this
 * test also holds open. The CLI uses the system clock, so tips are dated now.
 */

const execFileAsync = promisify(execFile);
/** The intake queue exists only when a consumer can claim from it. */
const INTAKE_TOKENS = 'intake-cli-token-0123456789abcdef0123456';
const NOW = toMinute(Date.now());

let dataDir: string;
let store: TipStore;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tips-intake-cli-'));
  const config = loadConfig({ DATA_DIR: dataDir, INTAKE_TOKENS });
  store = createSqliteTipStore({ file: join(dataDir, 'tips.sqlite'), policy: policyFromConfig(config), now: NOW });
});
afterEach(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function accept(fixture: string, minutesAgo: number): Promise<string> {
  const parsed = validateSubmission(tipFixture(fixture).fields, isoDate(NOW + 86_400_000));
  if (!parsed.success) throw new Error(`${fixture} does not validate`);
  const { lang: _lang, formToken: _token, idempotencyKey: _key, website: _honeypot, ...tip } = parsed.data;
  const acceptedAt = NOW - minutesAgo * 60_000;
  return (await store.acceptTip({ idempotencyKey: undefined, acceptedAt, language: 'sv', tip, flags: flagsOf(tip) }))
    .reference;
}

async function intake(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return intakeWith({ INTAKE_TOKENS }, ...args);
}

async function intakeWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['src/cli/intake.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, NODE_ENV: 'test', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run intake', () => {
  it('says when the intake queue is disabled, and how many tips were accepted without an intake job', async () => {
    // Two tips accepted while INTAKE_TOKENS was unset (no intake job), then one with it set.
    await store.close();
    store = createSqliteTipStore({
      file: join(dataDir, 'tips.sqlite'),
      policy: policyFromConfig(loadConfig({ DATA_DIR: dataDir })),
      now: NOW,
    });
    await accept('minimal', 5);
    await accept('minimal', 4);
    const disabled = await intakeWith({}, 'list');
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toContain('intake queue: disabled (INTAKE_TOKENS is not set)');
    expect(disabled.stdout).toContain('intake queue: 0 undelivered (email outbox: 2)');
    expect(disabled.stdout).toContain('tips accepted without an intake job: 2');

    await store.close();
    store = createSqliteTipStore({
      file: join(dataDir, 'tips.sqlite'),
      policy: policyFromConfig(loadConfig({ DATA_DIR: dataDir, INTAKE_TOKENS })),
      now: NOW,
    });
    await accept('minimal', 1);
    const enabled = await intake('list');
    expect(enabled.stdout).not.toContain('intake queue: disabled');
    expect(enabled.stdout).toContain('intake queue: 1 undelivered (email outbox: 3)');
    expect(enabled.stdout).toContain('tips accepted without an intake job: 2');
  });

  it('lists, claims and acknowledges tips, oldest first', async () => {
    const older = await accept('full-swedish', 3);
    const newer = await accept('minimal', 1);

    const list = await intake('list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('intake queue: 2 undelivered');
    expect(list.stdout.indexOf(older)).toBeLessThan(list.stdout.indexOf(newer));
    expect(list.stdout).not.toContain('Trapphus'); // the list shows no tip content

    const claim = await intake('claim', '--limit', '1');
    expect(claim.code).toBe(0);
    const lease = JSON.parse(claim.stdout) as { leaseId: string; tips: { reference: string; place: string }[] };
    expect(lease.tips.map((tip) => tip.reference)).toEqual([older]);
    expect(lease.tips[0]?.place).toBe('Trapphus 4B, källaringången');

    // Loosely typed references are accepted; one not held by the lease makes the exit code 2.
    const ack = await intake('ack', lease.leaseId, older.toLowerCase().replace('-', ' '), newer);
    expect(ack.code).toBe(2);
    expect(ack.stdout).toContain(`acknowledged: ${older}`);
    expect(ack.stdout).toContain(`not held by this lease: ${newer}`);
    expect((await store.healthDetails(Date.now())).queueDepth.intake).toBe(1);
  });

  it('retries and discards dead letters', async () => {
    const reference = await accept('minimal', 1);
    const [claim] = await store.claimEmailJobs(Date.now(), { limit: 1, leaseMs: 60_000 });
    if (!claim) throw new Error('no email job');
    await store.markEmailFailed(claim, Date.now(), {
      kind: 'permanent',
      errorClass: 'PermanentDeliveryError',
      reason: '550',
    });

    const list = await intake('list');
    expect(list.stdout).toContain('dead letters: 1');
    expect(list.stdout).toMatch(new RegExp(`${reference}\\s+email .*PermanentDeliveryError: 550`));

    const retry = await intake('retry-dead', '--all');
    expect(retry.stdout).toContain('retried: 1');
    expect((await store.listDeadLetters()).length).toBe(0);

    const [again] = await store.claimEmailJobs(Date.now(), { limit: 1, leaseMs: 60_000 });
    if (!again) throw new Error('retried job not claimable');
    await store.markEmailFailed(again, Date.now(), {
      kind: 'permanent',
      errorClass: 'PermanentDeliveryError',
      reason: '550',
    });
    const discard = await intake('discard-dead', '--channel', 'email', reference);
    expect(discard.stdout).toContain(`discarded: 1\n  ${reference}  email`);
    expect((await store.healthDetails(Date.now())).deadLetters.email).toBe(0);
  });

  it('explains a wrong command line with exit code 64', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['ack'],
      ['claim', '--limit', '0'],
      ['retry-dead', 'not-a-ref'],
      ['list', '--bogus'],
    ]) {
      const result = await intake(...args);
      expect(result.code, args.join(' ')).toBe(64);
      expect(result.stderr, args.join(' ')).toContain('Usage: npm run intake');
    }
  });
});
