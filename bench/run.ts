// `npm run bench`: every scenario of issue 4 §4 on loopback, three runs each
// (medians), a table on stdout and bench/results/<date>.json. Not part of npm test.
// Each run of a scenario with a ratio target follows its own ceiling run.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, tmpdir, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { tipFixture } from '../tests/helpers/fixtures.ts';
import { startPostgres } from '../tests/helpers/postgres.ts';
import { startServer, type TestServer } from '../tests/helpers/server.ts';
import { postTipJson, servedForm } from '../tests/helpers/tip-client.ts';
import { runLoad, type LoadFigures, type LoadOptions } from './lib/load.ts';
import { startNullSmtp } from './lib/null-smtp.ts';
import { peakRssMb } from './lib/peak-rss.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
    drain: { type: 'string', default: '2000' },
    only: { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const DRAIN_TIPS = Number(args.drain);

/** Limits raised so the machine, not the configured limits, decides (all but the flood scenario). */
const RAISED = {
  RATE_LIMIT_CLIENT_POSTS: '100000000/1m',
  RATE_LIMIT_CLIENT_TIPS: '100000000/1m',
  RATE_LIMIT_CLIENT_TIPS_PER_DAY: '1000000',
  RATE_LIMIT_GLOBAL_TIPS: '100000000/1m',
  // Every tip emailed on its own (the drain scenario counts emails), however many come.
  SURGE_TIPS: '99999999',
};
const QUIET = { LOG_LEVEL: 'info', WORKER: 'off' };

/** The server logs every request, as in production, to a file (as a log collector would take it), not to this busy process. */
const logDir = mkdtempSync(join(tmpdir(), 'trygghet-bench-logs-'));
let logCount = 0;
const logFile = () => join(logDir, `server-${(logCount += 1)}.log`);

interface Figures extends Partial<LoadFigures> {
  peakRssMb: number;
  emailsPerSecond?: number;
  /** The ceiling measured just before this run, and this run's share of it. */
  ceilingRequestsPerSecond?: number;
  ratioToCeiling?: number;
}

interface Scenario {
  name: string;
  target: string;
  /** Measured against a ceiling run taken right before each of its runs. */
  paired?: boolean;
  run(): Promise<Figures>;
}

async function withServer<T>(
  env: Record<string, string>,
  body: (server: TestServer) => Promise<T>,
  entry?: string,
): Promise<T & { peakRssMb: number }> {
  const server = await startServer({ env, entry, logFile: logFile() });
  try {
    const result = await body(server);
    return { ...result, peakRssMb: peakRssMb(server.pid) };
  } finally {
    await server.stop();
  }
}

/** A short warm-up (JIT, pools, caches), then the measured run. */
async function measured(options: LoadOptions): Promise<LoadFigures> {
  await runLoad({ ...options, durationSeconds: 1 });
  return runLoad({ ...options, durationSeconds: DURATION, connections: CONNECTIONS });
}

async function acceptBody(server: TestServer, withKeys = false): Promise<string> {
  // The form token is reusable within its lifetime. Without an idempotency key every request is a new
  // tip; with one (what the form sends), autocannon writes a unique 33-character id per request.
  const { formToken } = await servedForm(server.url);
  const key = withKeys ? { idempotencyKey: '[<id>]' } : {};
  return JSON.stringify({ ...tipFixture('full-swedish').fields, formToken, ...key });
}

const json = { 'Content-Type': 'application/json' };

function acceptScenario(
  name: string,
  extraEnv: () => Promise<Record<string, string>>,
  target: string,
  withKeys = false,
): Scenario {
  return {
    name,
    target,
    paired: true,
    run: async () => {
      const env = { ...QUIET, ...RAISED, ...(await extraEnv()) };
      return withServer(env, async (server) =>
        measured({
          url: `${server.url}/api/tips`,
          method: 'POST',
          headers: json,
          body: await acceptBody(server, withKeys),
          uniqueIds: withKeys,
        }),
      );
    },
  };
}

let postgresUrl: (() => Promise<string>) | undefined;
let stopPostgres: (() => Promise<void>) | undefined;

const ceilingScenario: Scenario = {
  name: 'ceiling',
  target: 'reference',
  run: () =>
    withServer(
      { ...QUIET },
      (server) => measured({ url: `${server.url}/api/ceiling`, method: 'POST', headers: json, body: '{}' }),
      'dist/app/ceiling.js',
    ),
};

const scenarios: Scenario[] = [
  ceilingScenario,
  acceptScenario('accept (SQLite)', async () => ({}), '≥ 25% of ceiling; p99 < 50 ms'),
  acceptScenario('accept (SQLite, keyed)', async () => ({}), '(no target; as the form posts)', true),
  acceptScenario(
    'accept (PostgreSQL)',
    async () => {
      if (!postgresUrl) {
        const pg = await startPostgres();
        postgresUrl = () => pg.createDatabase();
        stopPostgres = () => pg.stop();
      }
      return { DATABASE_URL: await postgresUrl() };
    },
    '≥ 8% of ceiling',
  ),
  {
    name: 'flood refused',
    paired: true,
    target: '≥ 70% of ceiling',
    run: () =>
      withServer({ ...QUIET }, async (server) => {
        const body = await acceptBody(server);
        return measured({ url: `${server.url}/api/tips`, method: 'POST', headers: json, body });
      }),
  },
  {
    name: 'page (info, br)',
    paired: true,
    target: '≥ 50% of ceiling',
    run: () =>
      withServer({ ...QUIET }, (server) =>
        measured({ url: `${server.url}/en/agreement/`, headers: { 'Accept-Encoding': 'br, gzip' } }),
      ),
  },
  {
    name: 'page (tip form)',
    paired: true,
    target: '(no target)',
    run: () =>
      withServer({ ...QUIET }, (server) =>
        measured({ url: `${server.url}/tipsa/`, headers: { 'Accept-Encoding': 'br, gzip' } }),
      ),
  },
  {
    name: `drain (${DRAIN_TIPS} emails)`,
    target: '≥ 300 emails/s',
    run: async () => {
      const sink = await startNullSmtp();
      try {
        const dataDir = `/tmp/trygghet-drain-${randomBytes(4).toString('hex')}`;
        mkdirSync(dataDir, { recursive: true });
        const env = { ...QUIET, ...RAISED, SMTP_URL: sink.url, SMTP_POOL_CONNECTIONS: '10', MAIL_RATE_PER_MINUTE: '0' };
        // Queue the tips with the worker off, then let a standalone worker drain them.
        const server = await startServer({ env, dataDir, logFile: logFile() });
        const { formToken } = await servedForm(server.url);
        const fields = tipFixture('full-swedish').fields;
        for (let i = 0; i < DRAIN_TIPS; i += 50) {
          await Promise.all(
            Array.from({ length: Math.min(50, DRAIN_TIPS - i) }, () =>
              postTipJson(server.url, fields, {
                form: { formToken, idempotencyKey: randomBytes(16).toString('base64url') },
              }),
            ),
          );
        }
        await server.stop({ keepData: true });
        const worker = await startWorkerProcess(dataDir, { ...env, WORKER: 'in-process', WORKER_POLL_MS: '10' });
        const deadline = Date.now() + 120_000;
        while (sink.count() < DRAIN_TIPS && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 20));
        const seconds = (sink.lastAt() - sink.firstAt()) / 1000;
        const rss = peakRssMb(worker.pid);
        await worker.stop();
        return { emailsPerSecond: Math.round((sink.count() - 1) / seconds), peakRssMb: rss };
      } finally {
        await sink.close();
      }
    },
  },
];

/** `npm run worker` as its own process; it logs no "listening" line, so wait for its start-up line. */
async function startWorkerProcess(
  dataDir: string,
  env: Record<string, string>,
): Promise<{ pid: number; stop(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  // What `npm run worker` runs after `node`.
  const args = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { worker: string } }).scripts.worker
    .split(/\s+/)
    .slice(1);
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker: started')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  child.stdout.resume();
  return {
    pid: child.pid ?? -1,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

const selected = scenarios.filter((s) => !args.only || s.name.includes(args.only));
const results: Record<string, { target: string; runs: Figures[]; median: Record<string, number> }> = {};
try {
  for (const scenario of selected) {
    const runs: Figures[] = [];
    for (let run = 1; run <= RUNS; run += 1) {
      process.stderr.write(`${scenario.name}: run ${run}/${RUNS}\n`);
      // The machine's speed drifts by ±15% over minutes: each run is compared with a ceiling taken just before it.
      const ceiling = scenario.paired ? (await ceilingScenario.run()).requestsPerSecond : undefined;
      const figures = await scenario.run();
      if (ceiling && figures.requestsPerSecond !== undefined) {
        figures.ceilingRequestsPerSecond = ceiling;
        figures.ratioToCeiling = figures.requestsPerSecond / ceiling;
      }
      runs.push(figures);
    }
    const pick = (key: keyof Figures) => median(runs.map((r) => Number(r[key] ?? NaN)));
    results[scenario.name] = {
      target: scenario.target,
      runs,
      median: {
        requestsPerSecond: pick('requestsPerSecond'),
        p50Ms: pick('p50Ms'),
        p99Ms: pick('p99Ms'),
        emailsPerSecond: pick('emailsPerSecond'),
        ratioToCeiling: scenario === ceilingScenario ? 1 : pick('ratioToCeiling'),
        peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
      },
    };
  }
} finally {
  await stopPostgres?.();
  rmSync(logDir, { recursive: true, force: true });
}

const rows = Object.entries(results).map(([name, r]) => ({
  scenario: name,
  'req/s': Number.isNaN(r.median.requestsPerSecond) ? '' : Math.round(r.median.requestsPerSecond ?? 0),
  'vs ceiling': Number.isNaN(r.median.ratioToCeiling) ? '' : `${Math.round((r.median.ratioToCeiling ?? 0) * 100)}%`,
  'p50 ms': Number.isNaN(r.median.p50Ms) ? '' : r.median.p50Ms,
  'p99 ms': Number.isNaN(r.median.p99Ms) ? '' : r.median.p99Ms,
  'emails/s': Number.isNaN(r.median.emailsPerSecond) ? '' : r.median.emailsPerSecond,
  'peak RSS MB': r.median.peakRssMb,
  target: r.target,
  statuses: JSON.stringify(r.runs[0]?.statuses ?? {}),
}));
console.table(rows);
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
const file = `bench/results/${new Date().toISOString().slice(0, 10)}.json`;
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, durationSeconds: DURATION, connections: CONNECTIONS, results }, null, 2)}\n`,
);
console.log(
  `machine: ${JSON.stringify(machine)}; medians of ${RUNS} runs, ${DURATION} s each at ${CONNECTIONS} connections; ` +
    `"vs ceiling" is the median of each run's ratio to a ceiling run taken just before it; written to ${file}`,
);
