import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What `npm run serve` runs after `node` (flags and entry), so tests start the server exactly as production does. */
const SERVE_ARGS = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { serve: string } }
).scripts.serve
  .split(/\s+/)
  .slice(1);
const SERVE_NODE_FLAGS = SERVE_ARGS.filter((arg) => arg.startsWith('--'));

const LISTENING = /"msg":"listening".*"url":"http:\/\/[^:]+:(\d+)\//;

export interface TestServer {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  /** Every line the server wrote to stdout and stderr so far. */
  logs: string[];
  /** SIGTERM and wait for exit; removes the data folder unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** SIGKILL and wait for exit (for crash tests). The data folder stays. */
  kill(): Promise<void>;
  process: ChildProcess;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Reuse a data folder (restart after a crash); a fresh temporary one otherwise. */
  dataDir?: string;
  /** Another entry point (e.g. the bench's ceiling server), run with the same Node flags as the server. */
  entry?: string;
  /**
   * Write the server's output to this file instead of piping it to the test
   * (benchmarks: a busy load tool must not throttle the server's logging,
   * and `logs` then stays empty).
   */
  logFile?: string;
}

/**
 * Starts the real built server (the command `npm run serve` runs) on an
 * ephemeral 127.0.0.1 port with a private data folder, and waits until it
 * logs that it listens. Started with process.execPath, not npm, so a kill
 * reaches the server itself.
 */
export async function startServer({ env = {}, dataDir, entry, logFile }: StartOptions = {}): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'trygghet-test-'));
  const output = logFile ? openSync(logFile, 'a') : 'pipe';
  const child = spawn(process.execPath, entry ? [...SERVE_NODE_FLAGS, entry] : SERVE_ARGS, {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dir,
      LOG_LEVEL: 'info',
      MIN_FILL_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', output, output],
  });
  if (typeof output === 'number') closeSync(output);
  const logs: string[] = [];
  // 'close', not 'exit': the process's last lines may still be in its stdout pipe when it exits.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A server that did not start in time must not live on after the test (found: two dozen such orphans).
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${logs.join('\n')}`));
    }, 20_000);
    const onLine = (line: string) => {
      logs.push(line);
      const match = LISTENING.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    if (logFile) {
      const poll = setInterval(() => {
        const match = LISTENING.exec(readFileSync(logFile, 'utf8'));
        if (!match) return;
        clearInterval(poll);
        clearTimeout(timer);
        resolve(Number(match[1]));
      }, 20);
      child.once('exit', () => clearInterval(poll));
    }
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    child.once('exit', (code) => {
      clearTimeout(timer);
      const output = logFile ? readFileSync(logFile, 'utf8') : logs.join('\n');
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? -1,
    dataDir: dir,
    logs,
    process: child,
    async stop({ keepData = false } = {}) {
      await stopWith('SIGTERM');
      if (!keepData && !dataDir) rmSync(dir, { recursive: true, force: true });
    },
    kill: () => stopWith('SIGKILL'),
  };
}
