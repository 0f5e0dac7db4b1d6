import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { startServer, type RunningServer } from '../../src/app/start-server.ts';
import type { Timeouts } from '../../src/web/edge/http-server.ts';

export interface InProcessServer {
  url: string;
  dataDir: string;
  clock: ReturnType<typeof manualClock>;
  /** Every log line the server wrote, as text. */
  logs: string[];
  running: RunningServer;
  stop(): Promise<void>;
}

/**
 * The real server (same composition root as `npm start`) inside the test
 * process, on 127.0.0.1:0, with a clock the test moves: for the rules that
 * depend on time (form-token age, minimum fill time, leases, retention).
 */
export async function startInProcessServer(
  env: Record<string, string> = {},
  startMs = Date.UTC(2026, 10, 26, 12, 0, 0),
  timeouts?: Timeouts,
): Promise<InProcessServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'trygghet-inproc-'));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    MIN_FILL_SECONDS: '0',
    ...env,
  });
  const clock = manualClock(startMs);
  const running = await startServer(config, { clock, logger: createLogger('info', sink), timeouts });
  return {
    url: `http://127.0.0.1:${running.port}`,
    dataDir,
    clock,
    logs,
    running,
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
