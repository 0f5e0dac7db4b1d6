import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, linkIn, startStaffApp, type StaffAppHarness, type StaffBrowser } from '../helpers/staff-app.ts';

/**
 * Sign-in by one-time email link, sessions and CSRF, through the staff
 * routes in-process on a real SQLite store and the real `.eml` mailer, with
 * a moved clock (THREATS S1, S2, S4).
 */

const MINUTE = 60_000;
let h: StaffAppHarness;

beforeEach(async () => {
  h = await startStaffApp();
});
afterEach(async () => {
  await h.stop();
});

function sessionCookieOf(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('__Host-personal='))
    ?.split(';')[0];
}

async function requestLink(email: string): Promise<Response> {
  return h.post('/personal/inloggning', { email });
}

/** Asks for a link and signs in with it, as a browser does; returns the session cookie. */
async function signInByLink(email: string, previousCookie?: string): Promise<string> {
  const before = h.signinEmails().length;
  expect((await requestLink(email)).status).toBe(303);
  const eml = await eventually(() => h.signinEmails()[before]);
  const link = new URL(linkIn(eml) ?? 'missing:');
  const kod = link.searchParams.get('kod') ?? '';
  const page = await h.get(link.pathname + link.search);
  expect(await page.text()).toContain('name="kod"');
  const used = await h.post('/personal/inloggning/lank', { kod }, undefined, {
    headers: previousCookie ? { Cookie: previousCookie } : {},
  });
  expect(used.status).toBe(303);
  expect(used.headers.get('Location')).toBe('/personal');
  const cookie = sessionCookieOf(used);
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

const asBrowser = (cookie: string): StaffBrowser => ({ member: undefined as never, cookie, csrf: '' });

describe('sign-in by an emailed link', () => {
  it('mails a one-time link to a listed address and signs in with a __Host- cookie (HttpOnly, Secure, Strict)', async () => {
    await h.addMember('anna@huge.se', 'admin');
    const asked = await requestLink('Anna@Huge.se');
    expect(asked.headers.get('Location')).toBe('/personal/inloggning?skickat');
    const eml = await eventually(() => h.signinEmails()[0]);
    expect(eml).toMatch(/^To: anna@huge\.se/m);
    const link = new URL(linkIn(eml) ?? 'missing:');
    expect(link.origin).toBe('http://localhost:4321');
    // Opening the link (or a mail scanner fetching it) uses nothing up.
    await h.get(link.pathname + link.search);
    const used = await h.post('/personal/inloggning/lank', { kod: link.searchParams.get('kod') ?? '' });
    const setCookie = used.headers.getSetCookie().find((c) => c.startsWith('__Host-personal='));
    expect(setCookie).toMatch(
      /^__Host-personal=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    const start = await h.get('/personal', asBrowser(sessionCookieOf(used) ?? ''));
    expect(start.status).toBe(200);
    expect(await start.text()).toContain('anna@huge.se (administratör)');
  });

  it('answers an unlisted or deactivated address exactly like a listed one, and sends nothing', async () => {
    await h.addMember('anna@huge.se', 'admin');
    const bo = await h.addMember('bo@huge.se', 'handler');
    await h.staff.deactivateStaff(bo.id, { id: null, label: 'kommandorad' }, h.clock());
    const listed = await requestLink('anna@huge.se');
    const unlisted = await requestLink('nobody@huge.se');
    const deactivated = await requestLink('bo@huge.se');
    for (const response of [unlisted, deactivated]) {
      expect(response.status).toBe(listed.status);
      expect(response.headers.get('Location')).toBe(listed.headers.get('Location'));
      expect(await response.text()).toBe('');
    }
    await eventually(() => h.signinEmails()[0]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.signinEmails()).toHaveLength(1);
    const page = await (await h.get('/personal/inloggning?skickat')).text();
    expect(page).toContain('Om adressen finns på personallistan');
  });

  it('refuses a used, expired or made-up link and creates no session', async () => {
    await h.addMember('anna@huge.se', 'admin');
    await requestLink('anna@huge.se');
    const kod = new URL(linkIn(await eventually(() => h.signinEmails()[0])) ?? '').searchParams.get('kod') ?? '';
    expect((await h.post('/personal/inloggning/lank', { kod })).status).toBe(303);
    const reused = await h.post('/personal/inloggning/lank', { kod });
    expect(reused.status).toBe(400);
    expect(sessionCookieOf(reused)).toBeUndefined();

    await requestLink('anna@huge.se');
    const late = new URL(linkIn(await eventually(() => h.signinEmails()[1])) ?? '').searchParams.get('kod') ?? '';
    h.clock.advance(15 * MINUTE);
    expect((await h.post('/personal/inloggning/lank', { kod: late })).status).toBe(400);
    expect((await h.post('/personal/inloggning/lank', { kod: 'x'.repeat(43) })).status).toBe(400);
    expect((await h.post('/personal/inloggning/lank', {})).status).toBe(400);
    const signIns = await h.staff.listAudit({ action: 'sign-in' }, { offset: 0, limit: 10 });
    expect(signIns.total).toBe(1);
  });

  it('shows a field error for an address that is not one, and changes nothing', async () => {
    const response = await requestLink('not an address');
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('Det finns ett problem');
    expect(page).toContain('href="#email"');
    expect(page).toContain('value="not an address"');
  });
});

describe('sessions', () => {
  it('get a new id at every sign-in: the id the browser carried before is dead (no fixation)', async () => {
    await h.addMember('anna@huge.se', 'admin');
    const first = await signInByLink('anna@huge.se');
    const second = await signInByLink('anna@huge.se', first);
    expect(second).not.toBe(first);
    expect((await h.get('/personal', asBrowser(first))).status).toBe(303);
    expect((await h.get('/personal', asBrowser(second))).status).toBe(200);
  });

  it('end after 30 idle minutes and after 12 hours however active (moved clock)', async () => {
    await h.addMember('anna@huge.se', 'admin');
    const idle = await signInByLink('anna@huge.se');
    h.clock.advance(29 * MINUTE);
    expect((await h.get('/personal', asBrowser(idle))).status).toBe(200);
    h.clock.advance(29 * MINUTE); // 29 minutes after the last request
    expect((await h.get('/personal', asBrowser(idle))).status).toBe(200);
    h.clock.advance(30 * MINUTE);
    const expired = await h.get('/personal', asBrowser(idle));
    expect(expired.status).toBe(303);
    expect(expired.headers.get('Location')).toBe('/personal/inloggning');
    h.clock.advance(-30 * MINUTE); // the session is gone from the store, not only hidden
    expect((await h.get('/personal', asBrowser(idle))).status).toBe(303);

    const busy = await signInByLink('anna@huge.se');
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      h.clock.advance(20 * MINUTE);
      expect((await h.get('/personal', asBrowser(busy))).status).toBe(200);
    }
    h.clock.advance(20 * MINUTE);
    expect((await h.get('/personal', asBrowser(busy))).status).toBe(303);
  });

  it('end at sign-out on the server, and when the member is deactivated', async () => {
    const anna = await h.signInAs('admin', 'anna@huge.se');
    const out = await h.post('/personal/utloggning', {}, anna);
    expect(out.status).toBe(303);
    expect(out.headers.get('Location')).toBe('/personal/inloggning?utloggad');
    expect(out.headers.getSetCookie().join()).toMatch(/__Host-personal=; Max-Age=0/);
    expect((await h.get('/personal', anna)).status).toBe(303);

    const bo = await h.signInAs('handler', 'bo@huge.se');
    const boAgain = await h.signIn(bo.member);
    await h.staff.deactivateStaff(bo.member.id, { id: null, label: 'kommandorad' }, h.clock());
    expect((await h.get('/personal', bo)).status).toBe(303);
    expect((await h.get('/personal', boAgain)).status).toBe(303);
  });

  it('audit sign-in and sign-out with who and when, and nothing about the browser', async () => {
    await h.addMember('anna@huge.se', 'admin');
    const cookie = await signInByLink('anna@huge.se');
    const session = await h.get('/personal', asBrowser(cookie));
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await session.text())?.[1] ?? '';
    await h.post('/personal/utloggning', { _csrf: csrf }, undefined, { headers: { Cookie: cookie } });
    const { entries } = await h.staff.listAudit({}, { offset: 0, limit: 10 });
    expect(entries.map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['sign-out', 'anna@huge.se', null],
      ['sign-in', 'anna@huge.se', { method: 'email-link' }],
      ['staff-add', 'kommandorad', expect.any(Object)],
    ]);
  });
});

describe('CSRF and cross-site posts', () => {
  it('refuses a state change without the session token, with another token, or from another site; nothing changes', async () => {
    const anna = await h.signInAs('admin', 'anna@huge.se');
    const attempts = [
      h.post('/personal/utloggning', {}, anna, { csrf: false }),
      h.post('/personal/utloggning', { _csrf: 'x'.repeat(43) }, anna, { csrf: false }),
      h.post('/personal/utloggning', {}, anna, { headers: { 'Sec-Fetch-Site': 'cross-site' } }),
      h.post('/personal/utloggning', {}, anna, {
        headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      }),
      h.post('/personal/utloggning', {}, anna, { headers: { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' } }),
      h.post('/personal/inloggning', { email: 'anna@huge.se' }, undefined, {
        headers: { Origin: 'https://evil.example' },
      }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('Formuläret kunde inte skickas');
    }
    expect((await h.get('/personal', anna)).status).toBe(200);
    expect((await h.staff.listAudit({ action: 'sign-out' }, { offset: 0, limit: 1 })).total).toBe(0);
  });
});

describe('sign-in rate limit', () => {
  it('refuses the 11th attempt within 15 minutes from one client with 429 and Retry-After', async () => {
    for (let i = 0; i < 10; i += 1) expect((await requestLink(`person${i}@huge.se`)).status).toBe(303);
    const refused = await requestLink('person10@huge.se');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('För många försök');
    expect((await h.post('/personal/inloggning/lank', { kod: 'x'.repeat(43) })).status).toBe(429);
  });
});

describe('staff responses', () => {
  it('are never stored and never indexed, whatever the status', async () => {
    const anna = await h.signInAs('admin', 'anna@huge.se');
    for (const response of [
      await h.get('/personal/inloggning'),
      await h.get('/personal', anna),
      await h.get('/personal'),
      await h.get('/personal/finns-inte', anna),
      await h.get('/personal/stil.css'),
    ]) {
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      expect(response.headers.get('X-Robots-Tag')).toBe('noindex, nofollow');
    }
  });
});
