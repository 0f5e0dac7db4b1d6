import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private, throw-away redis-server for tests: 127.0.0.1 on a free port,
 * no persistence (`--save '' --appendonly no`), its own temporary folder.
 * Started and stopped by process id. `.ci/run` installs redis-server with
 * apt-get and sets REQUIRE_REDIS=1 so that its absence fails instead of
 * skipping.
 */

/** True when a `redis-server` binary is on PATH. */
export function redisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Why the Redis tests did not run, or undefined when they can. Throws under REQUIRE_REDIS=1. */
export function redisSkipReason(): string | undefined {
  if (redisServerAvailable()) return undefined;
  const missing = 'redis-server is not installed (apt-get install -y redis-server)';
  if (process.env.REQUIRE_REDIS === '1') throw new Error(`${missing}, and REQUIRE_REDIS=1 requires the Redis tests`);
  const message = `${missing}: the Redis rate-limit tests are SKIPPED`;
  console.warn(message);
  return message;
}

/** A port that was free a moment ago (redis-server needs a concrete one). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RedisServer {
  port: number;
  /** `redis://` URL, with the password when one was set. */
  url: string;
  /** The running server's process id (changes on restart). */
  pid(): number;
  /** SIGKILL, as a crash or an outage would, and wait for the exit. */
  kill(): Promise<void>;
  /** SIGSTOP: the server keeps its connections but answers nothing (a hanging store). */
  pause(): void;
  /** SIGCONT after `pause`. */
  resume(): void;
  /** Start again on the same port (after `kill`), with an empty data set. */
  restart(): Promise<void>;
  /** Kill and remove the temporary folder. */
  stop(): Promise<void>;
}

export async function startRedisServer({ password }: { password?: string } = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'trygghet-redis-'));
  let child: ChildProcess | undefined;

  async function launch(): Promise<void> {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
    if (password) args.push('--requirepass', password);
    const started = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      };
      started.stdout?.on('data', onData);
      started.stderr?.on('data', onData);
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${output}`));
      });
    });
  }

  async function kill(): Promise<void> {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    process.kill(running.pid as number, 'SIGKILL');
    await exited;
  }

  await launch();
  const auth = password ? `:${encodeURIComponent(password)}@` : '';
  return {
    port,
    url: `redis://${auth}127.0.0.1:${port}`,
    pid: () => child?.pid as number,
    kill,
    pause: () => void process.kill(child?.pid as number, 'SIGSTOP'),
    resume: () => void process.kill(child?.pid as number, 'SIGCONT'),
    restart: launch,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
