// `npm run bench`: every scenario on loopback, three runs each (medians), a
// table on stdout and bench/results/<date>.json. Not part of npm test.
//
// Each run of a scenario is paired with its matched ceiling, run right after
// it: bare Hono on @hono/node-server in its own Node process
// (bench/ceiling-server.ts) answering the very status, headers and body the
// service answered to the scenario's request in that run (captured after the
// warm-up). "vs ceiling" is the median of the per-run ratios. Both are also
// measured in server CPU time per request (from /proc), which other load on
// the machine disturbs far less than requests per second.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { tipFixture } from '../tests/helpers/fixtures.ts';
import { startPostgres } from '../tests/helpers/postgres.ts';
import { startServer, type TestServer } from '../tests/helpers/server.ts';
import { postTipJson, servedForm } from '../tests/helpers/tip-client.ts';
import { captureResponse } from './lib/capture.ts';
import { cpuMicros } from './lib/cpu-time.ts';
import { runLoad, type LoadFigures, type LoadOptions } from './lib/load.ts';
import { startNullSmtp } from './lib/null-smtp.ts';
import { peakRssMb } from './lib/peak-rss.ts';
import { QUIET_SERVER as QUIET, RAISED_LIMITS as RAISED } from './lib/bench-environment.ts';

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

const CEILING_ENTRY = 'dist/app/ceiling.js';

/** The server logs every request to a file (as a log collector would take it), not to this busy process. */
const workDir = mkdtempSync(join(tmpdir(), 'trygghet-bench-'));
let fileCount = 0;
const workFile = (name: string) => join(workDir, `${(fileCount += 1)}-${name}`);

interface Measured extends LoadFigures {
  /** Server CPU time (user + system) per response, µs. */
  cpuMicrosPerRequest: number;
}

interface Figures extends Partial<Measured> {
  peakRssMb: number;
  emailsPerSecond?: number;
  /** The matched ceiling of this run and this run's share of it. */
  ceiling?: Measured & { peakRssMb: number };
  ratioToCeiling?: number;
  /** Ceiling CPU per request ÷ service CPU per request. */
  cpuRatioToCeiling?: number;
}

interface Scenario {
  name: string;
  target: string;
  /** The ratio to the matched ceiling it must reach, if any. */
  ratioTarget?: number;
  /** Compared with a matched ceiling (every scenario but the drain). */
  paired: boolean;
  run(): Promise<Figures>;
}

/** Runs the load for the measured duration and reads the server's CPU time around it. */
async function measureOn(pid: number, options: LoadOptions): Promise<Measured> {
  const before = cpuMicros(pid);
  const figures = await runLoad({ ...options, durationSeconds: DURATION, connections: CONNECTIONS });
  const used = cpuMicros(pid) - before;
  return { ...figures, cpuMicrosPerRequest: Math.round((used / Math.max(1, figures.requests)) * 10) / 10 };
}

/**
 * One paired run: the service (warm-up, one captured answer, the measured
 * load), then its matched ceiling answering that captured answer (warm-up,
 * the same load).
 */
async function pairedRun(env: Record<string, string>, load: (server: TestServer) => Promise<LoadOptions>) {
  const server = await startServer({ env, logFile: workFile('server.log') });
  let service: Figures;
  let responseFile: string;
  let options: LoadOptions;
  try {
    options = await load(server);
    await runLoad({ ...options, durationSeconds: 1 });
    responseFile = workFile('response.json');
    writeFileSync(responseFile, JSON.stringify(await captureResponse(options)));
    service = { ...(await measureOn(server.pid, options)), peakRssMb: peakRssMb(server.pid) };
  } finally {
    await server.stop();
  }
  const ceilingServer = await startServer({
    entry: CEILING_ENTRY,
    env: { CEILING_RESPONSE: responseFile },
    logFile: workFile('ceiling.log'),
  });
  try {
    const ceilingOptions = { ...options, url: options.url.replace(server.url, ceilingServer.url) };
    await runLoad({ ...ceilingOptions, durationSeconds: 1 });
    const ceiling = {
      ...(await measureOn(ceilingServer.pid, ceilingOptions)),
      peakRssMb: peakRssMb(ceilingServer.pid),
    };
    return {
      ...service,
      ceiling,
      ratioToCeiling: (service.requestsPerSecond ?? 0) / ceiling.requestsPerSecond,
      cpuRatioToCeiling: ceiling.cpuMicrosPerRequest / (service.cpuMicrosPerRequest ?? Number.NaN),
    };
  } finally {
    await ceilingServer.stop();
  }
}

async function acceptBody(server: TestServer, withKeys = false): Promise<string> {
  // The form token is reusable within its lifetime. Without an idempotency key every request is a new
  // tip; with one (what the form sends), autocannon writes a unique 33-character id per request.
  const { formToken } = await servedForm(server.url);
  const key = withKeys ? { idempotencyKey: '[<id>]' } : {};
  return JSON.stringify({ ...tipFixture('full-swedish').fields, formToken, ...key });
}

const json = { 'Content-Type': 'application/json' };
/** What Chromium sends with a same-origin form post (besides cookies, which the site never sets). */
const browserForm = (origin: string) => ({
  'Content-Type': 'application/x-www-form-urlencoded',
  Origin: origin,
  'Sec-Fetch-Site': 'same-origin',
  'Accept-Encoding': 'gzip, deflate, br, zstd',
  'Accept-Language': 'sv-SE,sv;q=0.9',
});

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
    run: async () =>
      pairedRun({ ...QUIET, ...RAISED, ...(await extraEnv()) }, async (server) => ({
        url: `${server.url}/api/tips`,
        method: 'POST',
        headers: json,
        body: await acceptBody(server, withKeys),
        uniqueIds: withKeys,
      })),
  };
}

let postgresUrl: (() => Promise<string>) | undefined;
let stopPostgres: (() => Promise<void>) | undefined;

const scenarios: Scenario[] = [
  {
    name: 'GET /api/health',
    target: '≥ 0.8 of its ceiling',
    ratioTarget: 0.8,
    paired: true,
    run: () => pairedRun({ ...QUIET }, async (server) => ({ url: `${server.url}/api/health` })),
  },
  {
    name: 'info page (br)',
    target: '≥ 0.8 of its ceiling',
    ratioTarget: 0.8,
    paired: true,
    run: () =>
      pairedRun({ ...QUIET }, async (server) => ({
        url: `${server.url}/en/agreement/`,
        headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' },
      })),
  },
  {
    name: 'tip page (gzip)',
    target: '(no target)',
    paired: true,
    run: () =>
      pairedRun({ ...QUIET }, async (server) => ({
        url: `${server.url}/tipsa/`,
        headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' },
      })),
  },
  {
    name: 'JSON flood, refused',
    target: '≥ 0.8 of its ceiling',
    ratioTarget: 0.8,
    paired: true,
    run: () =>
      pairedRun({ ...QUIET }, async (server) => ({
        url: `${server.url}/api/tips`,
        method: 'POST',
        headers: json,
        body: await acceptBody(server),
      })),
  },
  {
    name: 'form flood, refused',
    target: '≥ 0.5 of its ceiling',
    ratioTarget: 0.5,
    paired: true,
    run: () =>
      pairedRun({ ...QUIET }, async (server) => {
        const { formToken, idempotencyKey } = await servedForm(server.url);
        const fields = { ...tipFixture('full-swedish').fields, lang: 'sv', formToken, idempotencyKey };
        return {
          url: `${server.url}/tipsa/`,
          method: 'POST',
          headers: browserForm(server.url),
          body: new URLSearchParams(fields).toString(),
        };
      }),
  },
  acceptScenario('accept (SQLite)', async () => ({}), 'no worse than before (CPU per tip)'),
  acceptScenario('accept (SQLite, keyed)', async () => ({}), '(as the form posts)', true),
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
    'no worse than before (CPU per tip)',
  ),
  {
    name: `drain (${DRAIN_TIPS} emails)`,
    target: '≥ 300 emails/s',
    paired: false,
    run: async () => {
      const sink = await startNullSmtp();
      try {
        const dataDir = `/tmp/trygghet-drain-${randomBytes(4).toString('hex')}`;
        mkdirSync(dataDir, { recursive: true });
        const env = { ...QUIET, ...RAISED, SMTP_URL: sink.url, SMTP_POOL_CONNECTIONS: '10', MAIL_RATE_PER_MINUTE: '0' };
        // Queue the tips with the worker off, then let a standalone worker drain them.
        const server = await startServer({ env, dataDir, logFile: workFile('drain.log') });
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
        rmSync(dataDir, { recursive: true, force: true });
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
  const workerArgs = (
    JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { worker: string } }
  ).scripts.worker
    .split(/\s+/)
    .slice(1);
  const child = spawn(process.execPath, workerArgs, {
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
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

const loadAtStart = loadavg();
const selected = scenarios.filter((s) => !args.only || s.name.includes(args.only));
const results: Record<
  string,
  { target: string; ratioTarget?: number; runs: Figures[]; median: Record<string, number> }
> = {};
try {
  for (const scenario of selected) {
    const runs: Figures[] = [];
    for (let run = 1; run <= RUNS; run += 1) {
      process.stderr.write(`${scenario.name}: run ${run}/${RUNS}\n`);
      runs.push(await scenario.run());
    }
    const pick = (value: (figures: Figures) => number | undefined) => median(runs.map((r) => value(r) ?? NaN));
    results[scenario.name] = {
      target: scenario.target,
      ratioTarget: scenario.ratioTarget,
      runs,
      median: {
        requestsPerSecond: pick((r) => r.requestsPerSecond),
        p50Ms: pick((r) => r.p50Ms),
        p99Ms: pick((r) => r.p99Ms),
        cpuMicrosPerRequest: pick((r) => r.cpuMicrosPerRequest),
        ceilingRequestsPerSecond: pick((r) => r.ceiling?.requestsPerSecond),
        ceilingCpuMicrosPerRequest: pick((r) => r.ceiling?.cpuMicrosPerRequest),
        ratioToCeiling: pick((r) => r.ratioToCeiling),
        cpuRatioToCeiling: pick((r) => r.cpuRatioToCeiling),
        emailsPerSecond: pick((r) => r.emailsPerSecond),
        peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
      },
    };
  }
} finally {
  await stopPostgres?.();
  rmSync(workDir, { recursive: true, force: true });
}

const shown = (value: number | undefined, format: (n: number) => string | number) =>
  value === undefined || Number.isNaN(value) ? '' : format(value);
const rows = Object.entries(results).map(([name, r]) => ({
  scenario: name,
  'req/s': shown(r.median.requestsPerSecond, Math.round),
  'ceiling req/s': shown(r.median.ceilingRequestsPerSecond, Math.round),
  'vs ceiling': shown(r.median.ratioToCeiling, (n) => n.toFixed(2)),
  'CPU µs/req': shown(r.median.cpuMicrosPerRequest, (n) => n),
  'ceiling CPU µs/req': shown(r.median.ceilingCpuMicrosPerRequest, (n) => n),
  'CPU vs ceiling': shown(r.median.cpuRatioToCeiling, (n) => n.toFixed(2)),
  'p50/p99 ms': Number.isNaN(r.median.p50Ms) ? '' : `${r.median.p50Ms} / ${r.median.p99Ms}`,
  'emails/s': shown(r.median.emailsPerSecond, (n) => n),
  'peak RSS MB': r.median.peakRssMb,
  target: r.target,
  met:
    r.ratioTarget === undefined || Number.isNaN(r.median.ratioToCeiling ?? NaN)
      ? ''
      : (r.median.ratioToCeiling ?? 0) >= r.ratioTarget
        ? 'yes'
        : 'no',
  statuses: JSON.stringify(r.runs[0]?.statuses ?? {}),
}));
console.table(rows);
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAverage: { atStart: loadAtStart, atEnd: loadavg() },
};
const file = `bench/results/${new Date().toISOString().slice(0, 10)}.json`;
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, durationSeconds: DURATION, connections: CONNECTIONS, results }, null, 2)}\n`,
);
console.log(
  `machine: ${JSON.stringify(machine)}; medians of ${RUNS} runs, ${DURATION} s each at ${CONNECTIONS} connections; ` +
    `each run is paired with its matched ceiling (bare Hono answering the same bytes) run right after it; ` +
    `"vs ceiling" is the median of the per-run ratios; written to ${file}`,
);
