import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// Proves that a bad value in content/ fails the real build step with a
// message naming the file and the field: the real src/content.config.ts and
// Astro's own loaders run (`astro sync`) over a copy of content/ in which one
// value is broken.
const ROOT = resolve('.');
const roots: string[] = [];

afterEach(() => {
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway Astro project using the real content config over a copy of content/, with one file edited. */
function projectWithBrokenFile(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-fixture-'));
  roots.push(dir);
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const path = join(dir, 'content', file);
  const original = readFileSync(path, 'utf8');
  const broken = edit(original);
  expect(broken, 'the edit must change the file').not.toBe(original);
  writeFileSync(path, broken);
  // Astro resolves its runtime from the project's node_modules; its caches stay in the temporary folder.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `export default ${JSON.stringify({ cacheDir: join(dir, '.astro-cache'), vite: { cacheDir: join(dir, '.vite') } })};\n`,
  );
  mkdirSync(join(dir, 'src'));
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `export { collections } from ${JSON.stringify(join(ROOT, 'src', 'content.config.ts'))};\n`,
  );
  return dir;
}

function astroSync(dir: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync', '--root', dir], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('a bad content value fails the build, naming the file and field', () => {
  it('a page whose description is too short', () => {
    const dir = projectWithBrokenFile('pages/en/help.yaml', (text) =>
      text.replace(/^description: .*$/m, 'description: Too short.'),
    );
    const { status, output } = astroSync(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('content/pages/en/help.yaml');
    expect(output).toMatch(/description: Too small/);
  });

  it('a page linking to a page that does not exist', () => {
    const dir = projectWithBrokenFile('pages/sv/home.yaml', (text) =>
      text.replace('(page:agreement)', '(page:no-such-page)'),
    );
    const { status, output } = astroSync(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('content/pages/sv/home.yaml');
    expect(output).toMatch(/sections\.0\.blocks\.1\.text: unknown page id "no-such-page"/);
  });

  it('a partner website that is not https', () => {
    const dir = projectWithBrokenFile('partners.yaml', (text) =>
      text.replace('https://polisen.se/', 'http://polisen.se/'),
    );
    const { status, output } = astroSync(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('content/partners.yaml');
    expect(output).toMatch(/website: expected an https:\/\/ URL or null/);
  });

  it('a copy of the real content passes (the fixture itself is sound)', () => {
    const dir = projectWithBrokenFile('facts.yaml', (text) => `${text}\n`);
    const { status, output } = astroSync(dir);
    expect(output).not.toMatch(/InvalidContentEntryDataError/);
    expect(status).toBe(0);
  });
});
