import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_SECRET_FILE, resolveAppSecret } from '../../src/config/app-secret.ts';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trygghet-secret-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('resolveAppSecret', () => {
  it('generates a secret under DATA_DIR with mode 0600 and reuses it', () => {
    const dataDir = join(freshDir(), 'nested', 'data');
    const first = resolveAppSecret({ nodeEnv: 'development', appSecret: undefined, dataDir });
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = join(dataDir, APP_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(resolveAppSecret({ nodeEnv: 'development', appSecret: undefined, dataDir })).toBe(first);
  });

  it('leaves no temporary files behind', () => {
    const dataDir = freshDir();
    resolveAppSecret({ nodeEnv: 'test', appSecret: undefined, dataDir });
    expect(readFileSync(join(dataDir, APP_SECRET_FILE), 'utf8')).toHaveLength(43);
    expect(readdirSync(dataDir)).toEqual([APP_SECRET_FILE]);
  });

  it('prefers APP_SECRET and then writes nothing', () => {
    const dataDir = freshDir();
    const secret = 'x'.repeat(40);
    expect(resolveAppSecret({ nodeEnv: 'development', appSecret: secret, dataDir })).toBe(secret);
    expect(() => statSync(join(dataDir, APP_SECRET_FILE))).toThrow();
  });

  it('uses only APP_SECRET in production', () => {
    const dataDir = freshDir();
    writeFileSync(join(dataDir, APP_SECRET_FILE), 'y'.repeat(43));
    expect(() => resolveAppSecret({ nodeEnv: 'production', appSecret: undefined, dataDir })).toThrow(/APP_SECRET/);
    expect(resolveAppSecret({ nodeEnv: 'production', appSecret: 'z'.repeat(40), dataDir })).toBe('z'.repeat(40));
  });

  it('refuses a truncated secret file instead of using a weak key', () => {
    const dataDir = freshDir();
    writeFileSync(join(dataDir, APP_SECRET_FILE), 'short');
    expect(() => resolveAppSecret({ nodeEnv: 'development', appSecret: undefined, dataDir })).toThrow(/shorter/);
  });

  it('gives processes racing on one DATA_DIR the same secret', async () => {
    const dataDir = freshDir();
    const script = `import { resolveAppSecret } from ${JSON.stringify(join(process.cwd(), 'src/config/app-secret.ts'))};
process.stdout.write(resolveAppSecret({ nodeEnv: 'development', appSecret: undefined, dataDir: process.argv[1] }));`;
    const outputs = await Promise.all(
      Array.from({ length: 6 }, () => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script, dataDir]);
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        return new Promise<string>((resolve, reject) =>
          child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`)))),
        );
      }),
    );
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toBe(readFileSync(join(dataDir, APP_SECRET_FILE), 'utf8'));
  });
});
