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

/** A production environment every rule accepts (the test build, though, is for http://localhost:4321). */
const PRODUCTION = {
  NODE_ENV: 'production',
  APP_SECRET: 'a'.repeat(40),
  SMTP_URL: 'smtp://user:pass@relay.huge.se:587',
  SITE_URL: 'https://trygghet.huge.se',
  MAIL_FROM: 'Tillsammans för trygghet <no-reply@trygghet.huge.se>',
};

/** The "  - …" lines of a ConfigError message. */
const problemLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .map((line) => line.slice(4));

describe('start-up', () => {
  it('refuses production without APP_SECRET, SMTP_URL, SITE_URL and MAIL_FROM, naming all four in one message', () => {
    const result = start({ NODE_ENV: 'production' });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(
      /Invalid configuration:[\s\S]*APP_SECRET[\s\S]*SMTP_URL[\s\S]*SITE_URL[\s\S]*MAIL_FROM/,
    );
  });

  it('refuses production on localhost: an http SITE_URL and a sender on localhost, with the build mismatch in the same message', () => {
    const result = start({
      ...PRODUCTION,
      SITE_URL: 'http://localhost:4321',
      MAIL_FROM: 'Tillsammans för trygghet <no-reply@localhost>',
      RETENTION_DAYS: '30',
    });
    expect(result.status).toBe(78);
    const problems = problemLines(result.stderr);
    expect(problems).toEqual([
      expect.stringMatching(/^SITE_URL: must start with https:\/\//),
      expect.stringMatching(/^MAIL_FROM: must be an address on a domain Huge controls .*"localhost"/),
      expect.stringMatching(/^RETENTION_DAYS: the privacy page was built stating 90 days/),
    ]);
  });

  it('with a valid production environment, only the build is left to fix (built for another SITE_URL)', () => {
    const result = start(PRODUCTION);
    expect(result.status).toBe(78);
    expect(problemLines(result.stderr)).toEqual([
      expect.stringMatching(/^SITE_URL: the site was built for http:\/\/localhost:4321; rebuild with this value$/),
    ]);
  });

  it('lists every bad variable at once', () => {
    const result = start({ PORT: 'eighty', RATE_LIMIT_CLIENT_TIPS: 'often', INTAKE_TOKENS: 'short' });
    expect(result.status).toBe(78);
    for (const name of ['PORT', 'RATE_LIMIT_CLIENT_TIPS', 'INTAKE_TOKENS']) expect(result.stderr).toContain(name);
  });

  it('refuses to serve pages built for another RETENTION_DAYS, listed with the schema’s problems', () => {
    const result = start({ RETENTION_DAYS: '30', PORT: 'eighty', AREA_RECIPIENTS: 'skogas=nobody' });
    expect(result.status).toBe(78);
    expect(problemLines(result.stderr).map((line) => line.split(':')[0])).toEqual([
      'PORT',
      'AREA_RECIPIENTS',
      'RETENTION_DAYS',
    ]);
  });
});
