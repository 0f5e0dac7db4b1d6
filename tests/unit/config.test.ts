import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

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

  it('refuses production without APP_SECRET and SMTP_URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(/APP_SECRET[\s\S]*SMTP_URL/);
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
