import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The built server fails fast at start-up with one message listing every bad variable. */

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['dist/app/main.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'startup-')),
      ...env,
    },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('start-up', () => {
  it('refuses production without APP_SECRET and SMTP_URL, naming both in one message', () => {
    const result = start({ NODE_ENV: 'production' });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/Invalid configuration:[\s\S]*APP_SECRET[\s\S]*SMTP_URL/);
  });

  it('lists every bad variable at once', () => {
    const result = start({ PORT: 'eighty', RATE_LIMIT_CLIENT_TIPS: 'often', INTAKE_TOKENS: 'short' });
    expect(result.status).toBe(78);
    for (const name of ['PORT', 'RATE_LIMIT_CLIENT_TIPS', 'INTAKE_TOKENS']) expect(result.stderr).toContain(name);
  });

  it('refuses to serve pages built for another RETENTION_DAYS', () => {
    const result = start({ RETENTION_DAYS: '30' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('RETENTION_DAYS');
  });
});
