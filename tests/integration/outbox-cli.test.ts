import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createSqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import { policyFromConfig } from '../../src/store/store-policy.ts';
import { toMinute } from '../../src/store/accepted-tip.ts';
import { flagsOf, isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

/**
 * `npm run worker` as its own process (dist/app/worker.js, the bundle of src/cli/worker.ts, started with this
 * Node): it delivers tips another process stored, and stops cleanly on SIGTERM.
 */

let sink: SmtpSink;
let dataDir: string;
beforeAll(async () => {
  sink = await startSmtpSink();
  dataDir = mkdtempSync(join(tmpdir(), 'tips-worker-cli-'));
});
afterAll(async () => {
  await sink.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run worker', () => {
  it('delivers stored tips through SMTP and exits 0 on SIGTERM', async () => {
    const now = toMinute(Date.now());
    const config = loadConfig({ DATA_DIR: dataDir });
    const store = createSqliteTipStore({ file: join(dataDir, 'tips.sqlite'), policy: policyFromConfig(config), now });
    const parsed = validateSubmission(tipFixture('full-swedish').fields, isoDate(now + 86_400_000));
    if (!parsed.success) throw new Error('fixture does not validate');
    const { lang: _lang, formToken: _token, idempotencyKey: _key, website: _honeypot, ...tip } = parsed.data;
    const references: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      const input = { idempotencyKey: undefined, acceptedAt: now, language: 'sv' as const, tip, flags: flagsOf(tip) };
      references.push((await store.acceptTip(input)).reference);
    }

    const child = spawn(process.execPath, ['dist/app/worker.js'], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        SMTP_URL: sink.url,
        SITE_URL: 'https://trygghet.example',
        WORKER_POLL_MS: '50',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const messages = await sink.waitForMessages(5, 15_000);
      expect(new Set(messages.map((message) => message.parsed.messageId))).toEqual(
        new Set(references.map((reference) => `<tip-${reference}@trygghet.example>`)),
      );
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await store.close();
    }
    expect(output).toContain('"msg":"worker: stopped"');
    expect(output).not.toContain('Trapphus');
    expect((await healthAfter(dataDir)).queueDepth.email).toBe(0);
  });
});

async function healthAfter(dir: string) {
  const store = createSqliteTipStore({
    file: join(dir, 'tips.sqlite'),
    policy: policyFromConfig(loadConfig({})),
    now: Date.now(),
  });
  try {
    return await store.healthDetails(Date.now());
  } finally {
    await store.close();
  }
}
