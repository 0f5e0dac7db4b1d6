import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffMember, StaffRole } from '../../src/store/staff-store.ts';
import { createStaffApp } from '../../src/web/staff/staff-app.ts';
import { STAFF_ROUTES, type StaffRoute } from '../../src/web/staff/route-table.ts';
import { startStaffApp, type StaffAppHarness, type StaffBrowser } from '../helpers/staff-app.ts';

/**
 * THREATS S3: the authorisation matrix, generated from the role table.
 * Every staff route × method × {anonymous, reader, handler, admin,
 * deactivated} gets the answer its row promises: anonymous and deactivated
 * → redirect to sign-in (GET) or 403 (POST); a role the row does not list →
 * 403; a listed role → 200 or a redirect of its own. A route registered
 * without a row, or a row whose path parameter has no sample, fails.
 */

type Who = 'anonymous' | 'deactivated' | StaffRole;
const WHO: readonly Who[] = ['anonymous', 'reader', 'handler', 'admin', 'deactivated'];

let h: StaffAppHarness;
let reference: string;
let target: StaffMember;
const members = new Map<Who, StaffMember>();
let added = 0;

/** The lägesbild's week the matrix works on (frozen once in beforeAll), and a fresh entry and action per request. */
const WEEK = '2026-W48';
let entryId = 0;
let actionId = 0;

/** A value for each path parameter the table uses: a new parameter needs one here, or the matrix fails. */
const samples = (): Record<string, string> => ({
  referens: reference,
  id: String(target.id),
  vecka: WEEK,
  nr: '1',
  post: String(entryId),
  atgard: String(actionId),
});

/** A new observation and action for each request, so a row that removes one does not leave the next a 404. */
async function freshSamples(): Promise<void> {
  const admin = members.get('admin');
  if (!admin) throw new Error('no admin');
  const member = { id: String(admin.id), role: 'admin' as const };
  const audit = () => undefined;
  const entry = await h.deps.lagesbild.addObservation(member, audit, {
    source: 'polisen',
    category: 'vandalism',
    area: 'skogas',
    date: '2026-11-25',
    summary: 'Klotter på busskuren',
  });
  entryId = entry.id;
  actionId = (
    await h.deps.lagesbild.addAction(member, audit, WEEK, { what: 'Sanera', who: 'huge-bostader', dueOn: '2026-12-10' })
  ).id;
}

/** A form that would pass validation for every POST row (each row reads the fields it needs). */
function formFor(route: StaffRoute): Record<string, string> {
  added += 1;
  return {
    status: 'triaged',
    reason: '',
    summary: '',
    assignee: '',
    note: 'En anteckning i matrisen',
    text: 'tvättstugan',
    email: `ny-${added}@huge.se`,
    name: '',
    role: 'reader',
    oidc: route.path.endsWith('/oidc') ? '' : 'x',
    kod: '',
    // The lägesbild's forms (an observation, notes, an action).
    source: 'polisen',
    category: 'vandalism',
    area: 'skogas',
    date: '2026-11-26',
    time: '',
    place: '',
    what: 'Ny belysning',
    who: 'huddinge-kommun',
    dueOn: '2026-12-15',
  };
}

function pathOf(route: StaffRoute): string {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = samples()[name];
    if (value === undefined) throw new Error(`no sample for :${name} in ${route.path}: add one to the matrix`);
    return value;
  });
  return `/personal${path === '/' ? '' : path}`;
}

async function browserFor(who: Who): Promise<StaffBrowser | undefined> {
  if (who === 'anonymous') return undefined;
  const member = members.get(who);
  if (!member) throw new Error(`no member for ${who}`);
  return h.signIn(member); // a fresh session per request: sign-out rows end only their own
}

beforeAll(async () => {
  h = await startStaffApp({ RATE_LIMIT_STAFF_SIGNIN: '100000/1h' });
  for (const role of ['reader', 'handler', 'admin'] as const)
    members.set(role, await h.addMember(`${role}@huge.se`, role));
  const gone = await h.addMember('borta@huge.se', 'admin');
  await h.staff.deactivateStaff(gone.id, { id: null, label: 'kommandorad' }, h.clock());
  members.set('deactivated', gone);
  target = await h.addMember('mal@huge.se', 'handler');
  reference = await h.acceptTip('full-swedish');
  await freshSamples();
  const admin = members.get('admin');
  if (!admin) throw new Error('no admin');
  await h.deps.lagesbild.freezeWeek({ id: String(admin.id), role: 'admin' }, () => undefined, WEEK);
});
afterAll(async () => {
  await h.stop();
});

describe('the authorisation matrix', () => {
  it('answers every route × role as its row says (no unexpected 200)', async () => {
    const auditBefore = (await h.staff.listAudit({}, { offset: 0, limit: 10_000 })).entries;
    const unexpected: string[] = [];
    let cells = 0;
    for (const route of STAFF_ROUTES) {
      for (const who of WHO) {
        if (/:(post|atgard)\b/.test(route.path)) await freshSamples();
        const browser = await browserFor(who);
        const path = pathOf(route);
        const response =
          route.method === 'GET' ? await h.get(path, browser) : await h.post(path, formFor(route), browser);
        cells += 1;
        const signedIn = who !== 'anonymous' && who !== 'deactivated';
        const location = response.headers.get('Location');
        let expected: string;
        let ok: boolean;
        if (route.access === 'public') {
          expected = 'not refused';
          ok = response.status !== 403 && response.status < 500;
        } else if (!signedIn) {
          expected = route.method === 'GET' ? '303 → sign-in' : '403';
          ok =
            route.method === 'GET'
              ? response.status === 303 && location === '/personal/inloggning'
              : response.status === 403;
        } else if (!route.access.includes(who)) {
          expected = '403';
          ok = response.status === 403;
        } else {
          // The route itself answered: a page, its own redirect, or its own refusal of the form's content.
          expected = '200, its own redirect or 422';
          ok =
            response.status === 200 ||
            response.status === 422 ||
            (response.status === 303 && location !== '/personal/inloggning');
        }
        if (!ok)
          unexpected.push(
            `${route.method} ${route.path} as ${who}: ${response.status} ${location ?? ''} (expected ${expected})`,
          );
      }
    }
    expect(unexpected).toEqual([]);
    expect(cells).toBe(STAFF_ROUTES.length * WHO.length);
    // THREATS S6: no route changed or deleted an audit entry (every one from before is still there, unchanged).
    const auditAfter = (await h.staff.listAudit({}, { offset: 0, limit: 10_000 })).entries;
    const byId = new Map(auditAfter.map((entry) => [entry.id, entry]));
    expect(auditBefore.filter((entry) => JSON.stringify(byId.get(entry.id)) !== JSON.stringify(entry))).toEqual([]);
    expect(auditAfter.length).toBeGreaterThan(auditBefore.length);
    console.info(
      `authorisation matrix: ${STAFF_ROUTES.length} routes × ${WHO.length} kinds of visitor = ${cells} requests, 0 unexpected`,
    );
  });

  it('refuses cross-site posts and posts without the session token to every state-changing route (THREATS S4)', async () => {
    const auditBefore = (await h.staff.listAudit({}, { offset: 0, limit: 10_000 })).total;
    const staffBefore = JSON.stringify(await h.staff.listStaff());
    const tipBefore = JSON.stringify((await h.staff.listInbox({}, target.id, { offset: 0, limit: 100 })).rows);
    const changed: string[] = [];
    for (const route of STAFF_ROUTES.filter((row) => row.method === 'POST')) {
      const attacks = [
        { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
        { 'Sec-Fetch-Site': 'same-site', Origin: 'https://sub.localhost.example' },
        { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' },
      ];
      for (const headers of attacks) {
        if (/:(post|atgard)\b/.test(route.path)) await freshSamples();
        const response = await h.post(pathOf(route), formFor(route), await browserFor('admin'), { headers });
        if (response.status !== 403) changed.push(`${route.path} ${JSON.stringify(headers)}: ${response.status}`);
      }
      if (route.access !== 'public') {
        const missing = await h.post(pathOf(route), formFor(route), await browserFor('admin'), { csrf: false });
        if (missing.status !== 403) changed.push(`${route.path} without token: ${missing.status}`);
      }
    }
    expect(changed).toEqual([]);
    // Only the sign-ins these attempts needed were audited; nothing else changed.
    const after = await h.staff.listAudit({}, { offset: 0, limit: 10_000 });
    expect(after.entries.slice(0, after.total - auditBefore).every((entry) => entry.action === 'sign-in')).toBe(true);
    expect(JSON.stringify(await h.staff.listStaff())).toBe(staffBefore);
    expect(JSON.stringify((await h.staff.listInbox({}, target.id, { offset: 0, limit: 100 })).rows)).toBe(tipBefore);
  });

  it('registers exactly the rows of the table and nothing else', () => {
    const app = createStaffApp(h.deps);
    const registered = app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path}`);
    const table = STAFF_ROUTES.map((route) => `${route.method} ${route.path}`).sort();
    expect([...new Set(registered)].sort()).toEqual([...new Set(table)]);
    expect(new Set(table).size).toBe(table.length);
  });

  it('finds no route registered anywhere in the staff code but through the table', () => {
    const dir = new URL('../../src/web/staff/', import.meta.url).pathname;
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const offenders = files.filter((file) => {
      if (file === 'staff-app.ts') return false;
      const text = readFileSync(join(dir, file), 'utf8');
      return /\b(app|router|hono|Hono\(\))\s*\.(get|post|put|patch|delete|on|all|route|use)\(/i.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it('knows no path outside the table: 404 for everyone', async () => {
    const admin = await browserFor('admin');
    for (const path of ['/personal/hemlig', '/personal/tips', '/personal/logg/1', '/personal/tips/AAAA-AAAA/radera']) {
      expect((await h.get(path, admin)).status).toBe(404);
      expect((await h.post(path, {}, admin)).status).toBe(404);
    }
  });
});
