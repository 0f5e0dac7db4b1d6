import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { QUIET_SERVER, RAISED_LIMITS } from '../../bench/lib/bench-environment.ts';

/** A production environment that passes every rule. */
const PRODUCTION = {
  NODE_ENV: 'production',
  APP_SECRET: 'a'.repeat(40),
  SMTP_URL: 'smtp://user:pass@relay.huge.se:587',
  SITE_URL: 'https://trygghet.huge.se',
  MAIL_FROM: 'Tillsammans för trygghet <no-reply@trygghet.huge.se>',
};

/** The problems loadConfig lists for `env` (empty when it accepts it). */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('loadConfig', () => {
  it('runs with embedded defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4321);
    expect(config.host).toBe('localhost');
    expect(config.mail.to).toEqual(['trygghet@huge.se']);
    expect(config.rateLimits.clientTips).toMatchObject({ count: 5, windowMs: 600_000 });
    expect(config.retentionDays).toBe(90);
    expect(config.trustProxy.kind).toBe('none');
  });

  it('lists every bad variable in one error', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'abc', RATE_LIMIT_CLIENT_TIPS: 'often', SITE_URL: 'ftp://x', TRUST_PROXY: '10.0.0.0/99' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'RATE_LIMIT_CLIENT_TIPS', 'SITE_URL', 'TRUST_PROXY']) expect(problems).toContain(name);
  });

  it('refuses production without APP_SECRET, SMTP_URL, SITE_URL and MAIL_FROM, naming all four at once', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'APP_SECRET',
      'SMTP_URL',
      'SITE_URL',
      'MAIL_FROM',
    ]);
  });

  it('accepts production with a public https origin and a sender on a real domain', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.siteUrl.href).toBe('https://trygghet.huge.se/');
    expect(config.mail.from).toBe(PRODUCTION.MAIL_FROM);
  });

  it.each([
    ['http://trygghet.huge.se', /SITE_URL: must start with https:\/\//],
    ['https://localhost:4321', /SITE_URL: must be the public address .*"localhost" is not a public domain/],
    ['https://10.0.0.5', /SITE_URL: must be the public address .*IP address/],
    ['https://trygghet.example.com', /SITE_URL: .*reserved/],
  ])('refuses SITE_URL=%s in production', (siteUrl, message) => {
    expect(problemsOf({ ...PRODUCTION, SITE_URL: siteUrl }).join('\n')).toMatch(message);
  });

  it.each([
    [
      'Tillsammans för trygghet <no-reply@localhost>',
      /MAIL_FROM: must be an address on a domain Huge controls.*"localhost"/,
    ],
    ['no-reply@192.168.1.10', /MAIL_FROM: /],
    ['no-reply@[10.0.0.1]', /MAIL_FROM: /],
    ['no-reply@trygghet.local', /MAIL_FROM: .*reserved/],
    ['Tillsammans för trygghet', /MAIL_FROM: expected an address/],
    ['Namn <inte en adress>', /MAIL_FROM: expected an address/],
  ])('refuses MAIL_FROM=%s in production', (from, message) => {
    expect(problemsOf({ ...PRODUCTION, MAIL_FROM: from }).join('\n')).toMatch(message);
  });

  it('checks that MAIL_FROM is an address in development too, where localhost is fine', () => {
    expect(loadConfig({ MAIL_FROM: 'Test <no-reply@localhost>' }).mail.from).toBe('Test <no-reply@localhost>');
    expect(problemsOf({ MAIL_FROM: 'nobody' }).join('\n')).toMatch(/MAIL_FROM: expected an address/);
    expect(loadConfig({}).mail.from).toMatch(/<no-reply@localhost>$/);
    expect(loadConfig({}).siteUrl.href).toBe('http://localhost:4321/');
  });

  it('lists AREA_RECIPIENTS problems with the others, not after them', () => {
    const problems = problemsOf({ PORT: 'eighty', AREA_RECIPIENTS: 'skogas=not-an-address' });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['AREA_RECIPIENTS', 'PORT']);
  });

  it('adds what alsoCheck finds (the build it would serve) to the same message', () => {
    const seen: unknown[] = [];
    const alsoCheck = (settings: unknown) => {
      seen.push(settings);
      return ['RETENTION_DAYS: the privacy page was built stating 90 days'];
    };
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', RETENTION_DAYS: '30' }, alsoCheck);
    } catch (error) {
      caught = error;
    }
    expect((caught as ConfigError).problems.map((problem) => problem.split(':')[0])).toEqual([
      'PORT',
      'RETENTION_DAYS',
    ]);
    expect(seen).toEqual([{ siteUrl: 'http://localhost:4321', retentionDays: 30 }]);
    expect(() => loadConfig({}, () => [])).not.toThrow();
  });

  it('parses TRUST_PROXY as hops or CIDR lists', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ kind: 'hops', hops: 2 });
    const cidrs = loadConfig({ TRUST_PROXY: '10.0.0.0/8, ::1' }).trustProxy;
    expect(cidrs.kind).toBe('cidrs');
    if (cidrs.kind === 'cidrs') {
      expect(cidrs.list.check('10.1.2.3', 'ipv4')).toBe(true);
      expect(cidrs.list.check('11.1.2.3', 'ipv4')).toBe(false);
    }
  });
});

describe('the README', () => {
  it('documents every environment variable in its configuration table', async () => {
    const { readFileSync } = await import('node:fs');
    const { ENV_VARIABLES } = await import('../../src/config/config.ts');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Architecture'));
    const missing = ENV_VARIABLES.filter((name) => !table.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});

describe('the benchmarks’ environment', () => {
  it('is one the server starts with (a run is not lost to a limit the schema refuses)', () => {
    expect(problemsOf({ ...QUIET_SERVER, ...RAISED_LIMITS })).toEqual([]);
    expect(problemsOf({ ...QUIET_SERVER, ...RAISED_LIMITS, SURGE_TIPS: '99999999' })).toEqual([
      expect.stringContaining('SURGE_TIPS'),
    ]);
  });
});
