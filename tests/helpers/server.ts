import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  entry?: string;
  /** False: stop collecting log lines once the server listens (benchmarks: the load tool must not parse 100k lines). */
  keepLogs?: boolean;
}

/**
 * Starts the real built server (`dist/app/main.js`, what `npm start` runs) on an
 * ephemeral 127.0.0.1 port with a private data folder, and waits until it
 * logs that it listens. Started with process.execPath, not npm, so a kill
 * reaches the server itself.
 */
export async function startServer({
  env = {},
  dataDir,
  entry = 'dist/app/main.js',
  keepLogs = true,
}: StartOptions = {}): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'trygghet-test-'));
  const child = spawn(process.execPath, [entry], {
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
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join('\n')}`)), 20_000);
    let listening = false;
    const onLine = (line: string) => {
      if (listening && !keepLogs) return;
      logs.push(line);
      const match = /"msg":"listening".*"url":"http:\/\/[^:]+:(\d+)\//.exec(line);
      if (match) {
        listening = true;
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        if (listening && !keepLogs) return;
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${logs.join('\n')}`));
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
