import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { createSigninMailer } from '../../src/delivery/mail/signin-mail.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { flagsOf, isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { createSigninLimiter } from '../../src/staff/signin-limiter.ts';
import { startSession } from '../../src/staff/sessions.ts';
import { createSqliteStaffStore } from '../../src/store/staff/sqlite-staff-store.ts';
import { createSqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import type { StaffMember, StaffRole, StaffStore } from '../../src/store/staff-store.ts';
import type { TipStore } from '../../src/store/tip-store.ts';
import { createStaffApp } from '../../src/web/staff/staff-app.ts';
import { createLagesbild } from '../../src/lagesbild/index.ts';
import { createSqliteLagesbildStore } from '../../src/store/sqlite/lagesbild/sqlite-lagesbild-store.ts';
import type { StaffWebDeps } from '../../src/web/staff/staff-deps.ts';
import { STAFF_PREFIX } from '../../src/web/staff/staff-paths.ts';
import { tipFixture } from './fixtures.ts';
import { TEST_POLICY } from './store-policy.ts';

export const STAFF_ORIGIN = 'http://localhost:4321';

/** A signed-in browser, as far as the server can tell: its cookie and the session's CSRF token. */
export interface StaffBrowser {
  member: StaffMember;
  cookie: string;
  csrf: string;
}

/**
 * The staff app on a real SQLite store in a temp folder, with a clock the
 * test moves and the real `.eml` sign-in mailer; requests go in-process
 * (`app.request`). For tests of routes, roles, sessions and CSRF that need
 * no browser and no build.
 */
export async function startStaffApp(env: Record<string, string> = {}, startMs = Date.UTC(2026, 10, 30, 12, 0)) {
  const dir = mkdtempSync(join(tmpdir(), 'staff-app-'));
  const file = join(dir, 'tips.sqlite');
  const clock = manualClock(startMs);
  const logs: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    }),
  );
  const config: Config = loadConfig({ DATA_DIR: dir, SITE_URL: STAFF_ORIGIN, ...env });
  const tips = createSqliteTipStore({ file, policy: { ...TEST_POLICY, channels: ['email'] }, now: startMs });
  const staff: StaffStore = createSqliteStaffStore(file);
  const lagesbildStore = createSqliteLagesbildStore(tips.db);
  const deps: StaffWebDeps = {
    staff,
    clock,
    logger,
    config,
    mailer: createSigninMailer(config.mail, { dataDir: dir, siteHost: 'localhost', logger }),
    limiter: createSigninLimiter(config.staff.signinRate, clock),
    oidc: undefined,
    lagesbild: createLagesbild({ store: lagesbildStore, clock }),
  };
  // Mounted as the web wiring mounts it (src/web/server.ts).
  const app: Hono = new Hono().route(STAFF_PREFIX, createStaffApp(deps));

  const addMember = (email: string, role: StaffRole) =>
    staff.addStaff({ email, role }, { id: null, label: 'kommandorad' }, clock());

  return {
    app,
    deps,
    tips: tips as TipStore,
    staff,
    lagesbildStore,
    clock,
    logs,
    dir,
    addMember,
    /** A member signed in through a real session (as the sign-in routes start them). */
    async signIn(member: StaffMember): Promise<StaffBrowser> {
      const id = await startSession({ staff, clock, config: config.staff }, member, 'email-link', undefined);
      const session = await staff.findSession(
        (await import('../../src/staff/secrets.ts')).secretHash(id, 'session'),
        clock(),
        config.staff.sessionIdleMs,
      );
      // A deactivated member's session is refused, as it should be: the browser still sends its cookie.
      return { member, cookie: `__Host-personal=${id}`, csrf: session?.csrfToken ?? '' };
    },
    async signInAs(role: StaffRole, email = `${role}@huge.se`): Promise<StaffBrowser> {
      return this.signIn(await addMember(email, role));
    },
    /** GET as a browser would, with the session's cookie if given. */
    get(path: string, browser?: StaffBrowser, headers: Record<string, string> = {}) {
      return app.request(new URL(path, STAFF_ORIGIN).href, {
        headers: { ...(browser ? { Cookie: browser.cookie } : {}), ...headers },
      });
    },
    /** A same-origin form post (Origin and Sec-Fetch-Site as Chromium sends them), with the CSRF token unless `csrf: false`. */
    post(
      path: string,
      fields: Record<string, string | string[]>,
      browser?: StaffBrowser,
      options: { csrf?: boolean; headers?: Record<string, string> } = {},
    ) {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
      if (browser && options.csrf !== false) body.set('_csrf', browser.csrf);
      return app.request(new URL(path, STAFF_ORIGIN).href, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: STAFF_ORIGIN,
          'Sec-Fetch-Site': 'same-origin',
          ...(browser ? { Cookie: browser.cookie } : {}),
          ...options.headers,
        },
        body: body.toString(),
      });
    },
    /** Accepts a tip from a named fixture, as the tip route would store it. */
    async acceptTip(fixture: string, acceptedAt = clock(), fields: Record<string, string> = {}): Promise<string> {
      const parsed = validateSubmission({ ...tipFixture(fixture).fields, ...fields }, isoDate(acceptedAt + 86_400_000));
      if (!parsed.success) throw new Error(`fixture ${fixture} does not validate`);
      const { lang: _l, formToken: _t, idempotencyKey: _k, website: _w, ...tip } = parsed.data;
      return (await tips.acceptTip({ idempotencyKey: undefined, acceptedAt, language: 'sv', tip, flags: flagsOf(tip) }))
        .reference;
    },
    /** The sign-in emails written to the `.eml` outbox so far, oldest first. */
    signinEmails(): string[] {
      const outbox = join(dir, 'mail-outbox');
      let names: string[];
      try {
        names = readdirSync(outbox).filter((name) => name.startsWith('signin-') && name.endsWith('.eml'));
      } catch {
        return [];
      }
      return names.sort().map((name) => readFileSync(join(outbox, name), 'utf8'));
    },
    async stop() {
      await staff.close();
      await tips.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type StaffAppHarness = Awaited<ReturnType<typeof startStaffApp>>;

/** The sign-in link in a raw `.eml` message (quoted-printable soft breaks undone). */
export function linkIn(eml: string): string | undefined {
  const text = eml.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return /https?:\/\/\S+\/personal\/inloggning\/lank\?kod=[A-Za-z0-9_-]+/.exec(text)?.[0];
}

/** Waits until `check` passes (the sign-in email is sent after the answer). */
export async function eventually<T>(check: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
