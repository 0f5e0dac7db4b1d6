/**
 * `npm run bench:lagesbild`: the weekly lägesbild with a full store. Fills
 * SQLite and PostgreSQL (embedded) each with 100,000 tips and 20,000
 * observations over three years (5,000 tips in the lägesbild), then times
 * the use cases in-process (server time, no HTTP): a week's data (counts,
 * 13-week trend, the year before, entries, notes, actions, versions, and its
 * two SVG charts) and the three-year trend, plus a year's roll-up and the
 * week's CSV. Then the PAGES through the staff app in-process, as a browser
 * asks for them (session cookie, role table, use case, audit entry,
 * rendering): a week's page as a reader and as a handler (with its forms),
 * and the three-year trend page. Then the retention purge (90 days) folds
 * most tips into weekly aggregates, and the same calls are timed again.
 *
 *   npm run bench:lagesbild [-- --calls 100 --tips 100000 --observations 20000 --only sqlite|postgres]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Hono } from 'hono';
import { loadConfig } from '../src/config/config.ts';
import { createSigninMailer } from '../src/delivery/mail/signin-mail.ts';
import { createLagesbild, weekChartsSvg, type Lagesbild } from '../src/lagesbild/index.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createSigninLimiter } from '../src/staff/signin-limiter.ts';
import { startSession } from '../src/staff/sessions.ts';
import { createPostgresStaffStore } from '../src/store/staff/postgres-staff-store.ts';
import { createSqliteStaffStore } from '../src/store/staff/sqlite-staff-store.ts';
import type { StaffMember, StaffStore } from '../src/store/staff-store.ts';
import { createStaffApp } from '../src/web/staff/staff-app.ts';
import type { Clock } from '../src/platform/clock.ts';
import { manualClock } from '../src/platform/clock.ts';
import { weekOf, weeksEndingWith, type WeekId } from '../src/platform/stockholm-week.ts';
import { createLagesbildStore } from '../src/store/create-lagesbild-store.ts';
import type { LagesbildStore } from '../src/store/lagesbild-store.ts';
import { createPostgresTipStore } from '../src/store/postgres/postgres-tip-store.ts';
import { createSqliteTipStore } from '../src/store/sqlite/sqlite-tip-store.ts';
import type { TipStore } from '../src/store/tip-store.ts';
import {
  HANDLER,
  READER,
  daysBetween,
  generateObservations,
  generateTips,
  seededRandom,
  storeTips,
} from '../tests/helpers/lagesbild-data.ts';
import { startPostgres } from '../tests/helpers/postgres.ts';
import { TEST_POLICY } from '../tests/helpers/store-policy.ts';

const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '100' },
    tips: { type: 'string', default: '100000' },
    observations: { type: 'string', default: '20000' },
    only: { type: 'string' },
  },
});
const CALLS = Number(args.calls);
const TIPS = Number(args.tips);
const OBSERVATIONS = Number(args.observations);
const DAY = 86_400_000;
// Three years of data ending on Friday 27 November 2026 at noon.
const NOW = Date.parse('2026-11-27T11:00:00Z');
const FROM = NOW - 3 * 365 * DAY;
const noAudit = () => undefined;

interface Timing {
  p50: number;
  p95: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function time(calls: number, run: (n: number) => Promise<unknown>): Promise<Timing> {
  for (let n = 0; n < 5; n += 1) await run(n); // warm-up
  const samples: number[] = [];
  for (let n = 0; n < calls; n += 1) {
    const start = process.hrtime.bigint();
    await run(n);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), max: round(samples.at(-1) ?? 0) };
}

async function fill(tips: TipStore, store: LagesbildStore, lagesbild: Lagesbild): Promise<number> {
  const started = Date.now();
  const random = seededRandom(157);
  const raw = generateTips(random, TIPS, FROM, NOW);
  const references = await storeTips(tips, raw, 1000);
  const days = daysBetween(new Date(FROM + DAY).toISOString().slice(0, 10), new Date(NOW).toISOString().slice(0, 10));
  const observations = generateObservations(random, OBSERVATIONS, days);
  for (let start = 0; start < observations.length; start += 50) {
    await Promise.all(
      observations.slice(start, start + 50).map((observation) =>
        store.addObservation(
          {
            week: weekOfDay(observation.date),
            source: observation.source,
            area: observation.area,
            category: observation.category,
            place: observation.place ?? null,
            occurredOn: observation.date,
            occurredTime: observation.time ?? null,
            summary: observation.summary,
          },
          NOW,
          HANDLER.id,
        ),
      ),
    );
  }
  for (let n = 0; n < references.length; n += Math.max(1, Math.floor(TIPS / 5000))) {
    await lagesbild.addTipEntry(HANDLER, noAudit, {
      tipReference: references[n] ?? '',
      summary: `Sammanfattning ${n}`,
    });
  }
  return (Date.now() - started) / 1000;
}

function weekOfDay(date: string): WeekId {
  return weekOf(Date.parse(`${date}T12:00:00+01:00`));
}

/** The staff app in-process on the bench's store, with a signed-in reader and handler (as bench/staff-inbox.ts does). */
async function staffPages(staff: StaffStore, lagesbild: Lagesbild, clock: Clock) {
  const config = loadConfig({ DATA_DIR: tmpdir(), SITE_URL: 'http://localhost:4321', LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const app = new Hono().route(
    '/personal',
    createStaffApp({
      staff,
      clock,
      logger,
      config,
      mailer: createSigninMailer(config.mail, { dataDir: tmpdir(), siteHost: 'localhost', logger }),
      limiter: createSigninLimiter(config.staff.signinRate, clock),
      oidc: undefined,
      lagesbild,
    }),
  );
  const cookieOf = async (member: StaffMember) =>
    `__Host-personal=${await startSession({ staff, clock, config: config.staff }, member, 'email-link', undefined)}`;
  const by = { id: null, label: 'bench' };
  const cookies = {
    reader: await cookieOf(await staff.addStaff({ email: 'bench-reader@huge.se', role: 'reader' }, by, NOW)),
    handler: await cookieOf(await staff.addStaff({ email: 'bench-handler@huge.se', role: 'handler' }, by, NOW)),
  };
  /** One page, read to its end; anything but 200 stops the bench (a fast error page is no figure). */
  return async (path: string, who: keyof typeof cookies) => {
    const response = await app.request(`http://localhost:4321${path}`, { headers: { Cookie: cookies[who] } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return body.length;
  };
}

type PageGetter = Awaited<ReturnType<typeof staffPages>>;

async function measure(lagesbild: Lagesbild, page: PageGetter) {
  const recent = weeksEndingWith(weekOf(NOW), 52);
  const week = (n: number) => recent[n % recent.length] ?? '2026-W48';
  return {
    weekPageReader: await time(CALLS, (n) => page(`/personal/lagesbild/${week(n)}`, 'reader')),
    weekPageHandler: await time(CALLS, (n) => page(`/personal/lagesbild/${week(n)}`, 'handler')),
    trendPage3y: await time(CALLS, (n) => page(`/personal/lagesbild/trend?till=${week(n)}&veckor=157`, 'reader')),
    week: await time(CALLS, async (n) => {
      const view = await lagesbild.viewWeek(READER, noAudit, week(n));
      weekChartsSvg(view.picture);
    }),
    trend3y: await time(CALLS, (n) => lagesbild.viewTrend(READER, noAudit, { lastWeek: week(n), weeks: 157 })),
    rollupYear: await time(Math.max(10, CALLS / 5), () => lagesbild.viewRollup(READER, noAudit, '2025')),
    countsCsv: await time(Math.max(10, CALLS / 5), (n) =>
      lagesbild.exportWeekCounts(READER, noAudit, { week: week(n) }),
    ),
  };
}

interface Opened {
  tips: TipStore;
  /** The staff store on the same database (sessions and the audit trail the pages write). */
  openStaff: () => StaffStore;
  cleanup: () => Promise<void>;
  /** Filling is not what is measured: SQLite may skip the fsync per commit meanwhile. */
  fastWrites?: (on: boolean) => void;
  markDelivered: () => Promise<void>;
  /** After filling: what the database's own upkeep would have done by then (PostgreSQL: autovacuum). */
  settle?: () => Promise<void>;
}

async function bench(name: string, open: () => Promise<Opened>) {
  console.log(`\n${name}: filling ${TIPS} tips and ${OBSERVATIONS} observations…`);
  const clock = manualClock(NOW);
  const { tips, cleanup, fastWrites, settle, markDelivered, openStaff } = await open();
  const staff = openStaff();
  try {
    const store = await createLagesbildStore(tips);
    const lagesbild = createLagesbild({ store, clock });
    const page = await staffPages(staff, lagesbild, clock);
    fastWrites?.(true);
    const fillSeconds = await fill(tips, store, lagesbild);
    fastWrites?.(false);
    await settle?.();
    console.log(`  filled in ${fillSeconds.toFixed(0)} s`);
    const live = await measure(lagesbild, page);
    console.log('  all tips stored:', JSON.stringify(live));
    // Every email delivered, so the purge may take the tips (marked in one statement: sending is not measured here).
    await markDelivered();
    const purgeStart = Date.now();
    const purged = await tips.purge(NOW, 90);
    const purgeSeconds = (Date.now() - purgeStart) / 1000;
    await settle?.();
    console.log(
      `  purge of ${purged.tips} tips (fold into aggregates${name === 'SQLite' ? ' + VACUUM' : ''}): ${purgeSeconds.toFixed(1)} s`,
    );
    const afterPurge = await measure(lagesbild, page);
    console.log('  after the purge:', JSON.stringify(afterPurge));
    return { fillSeconds, live, purge: { tips: purged.tips, seconds: purgeSeconds }, afterPurge };
  } finally {
    await staff.close();
    await cleanup();
  }
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  tips: TIPS,
  observations: OBSERVATIONS,
  calls: CALLS,
  cpus: cpus().length,
  loadAverageAtStart: loadavg(),
  note: 'server time per use-case call and per page request (staff app in-process: session, role table, audit, rendering), ms; the machine was shared with other agents',
};

if (args.only !== 'postgres') {
  results.sqlite = await bench('SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-lagesbild-'));
    const tips = createSqliteTipStore({
      file: join(dir, 'tips.sqlite'),
      policy: { ...TEST_POLICY, channels: ['email'] },
      now: NOW,
    });
    return {
      tips,
      openStaff: () => createSqliteStaffStore(join(dir, 'tips.sqlite')),
      cleanup: async () => {
        await tips.close();
        rmSync(dir, { recursive: true, force: true });
      },
      fastWrites: (on) => tips.db.pragma(`synchronous = ${on ? 'OFF' : 'FULL'}`),
      markDelivered: async () => {
        tips.db.prepare("UPDATE delivery_jobs SET state = 'delivered', finished_at = ?").run(NOW);
      },
    };
  });
}
if (args.only !== 'sqlite') {
  const server = await startPostgres();
  try {
    results.postgres = await bench('PostgreSQL', async () => {
      const url = await server.createDatabase();
      const tips = await createPostgresTipStore({
        url,
        poolSize: 10,
        policy: { ...TEST_POLICY, channels: ['email'] },
        now: NOW,
      });
      return {
        tips,
        openStaff: () => createPostgresStaffStore(url, 3),
        cleanup: () => tips.close(),
        markDelivered: async () => {
          await tips.sql`UPDATE delivery_jobs SET state = 'delivered', finished_at = ${NOW}`;
        },
        // Autovacuum vacuums a table after ~20% new or deleted rows; index-only scans need its visibility map.
        settle: async () => {
          await tips.sql`VACUUM (ANALYZE)`;
        },
      };
    });
  } finally {
    await server.stop();
  }
}
results.loadAverageAtEnd = loadavg();
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
// Date and time in the name: a second run on a day must not overwrite the figures the README quotes.
const stamp = new Date().toISOString().slice(0, 16).replace(':', '');
const file = new URL(`./results/lagesbild-${stamp}.json`, import.meta.url);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${file.pathname}`);
