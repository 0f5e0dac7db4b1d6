import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStaffApp, type StaffAppHarness, type StaffBrowser } from '../helpers/staff-app.ts';

/**
 * The inbox, the tip view and triage through the staff routes, in-process
 * on a real SQLite store: filters in the URL, unread by text and weight,
 * personal data marked, every change audited with no text, and redaction
 * that leaves nothing of the original in the tip.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let h: StaffAppHarness;
let anna: StaffBrowser;

beforeEach(async () => {
  h = await startStaffApp();
  anna = await h.signInAs('handler', 'anna@huge.se');
});
afterEach(async () => {
  await h.stop();
});

const referencesIn = (page: string) =>
  [...page.matchAll(/href="\/personal\/tips\/([A-Z0-9]{4}-[A-Z0-9]{4})"/g)].map((m) => m[1]);

async function inbox(query = '', browser = anna): Promise<string> {
  const response = await h.get(`/personal/inkorg${query}`, browser);
  expect(response.status).toBe(200);
  return response.text();
}

describe('the inbox', () => {
  it('lists tips newest first with their fields; unread ones bold and marked "Oläst" until opened', async () => {
    const older = await h.acceptTip('full-swedish', h.clock() - DAY);
    const newer = await h.acceptTip('happening-now', h.clock());
    const page = await inbox();
    expect(referencesIn(page)).toEqual([newer, older]);
    expect(page).toContain('<tr class="unread">');
    expect(page.match(/<span class="tag">Oläst<\/span>/g)).toHaveLength(2);
    expect(page).toContain('Pågår nu');
    expect(page).toContain('Skogås');
    expect(page).toContain('Narkotika: försäljning eller användning');
    expect(page).toContain('Alkohol, narkotika, dopning, tobak och spel (ANDTS)');
    expect(page).toContain('2026-11-29 13:00'); // Stockholm time, to the minute
    await h.get(`/personal/tips/${older}`, anna);
    const after = await inbox();
    expect(after.match(/Oläst/g)).toHaveLength(1);
    // Another handler has not read it.
    const bo = await h.signInAs('handler', 'bo@huge.se');
    expect((await inbox('', bo)).match(/<span class="tag">Oläst<\/span>/g)).toHaveLength(2);
  });

  it('filters by status, district, event, focus area, ISO week, assignee and text, all in the URL', async () => {
    const drugs = await h.acceptTip('full-swedish', Date.parse('2026-11-24T10:00:00+01:00')); // W48, skogas
    const noise = await h.acceptTip('happening-now', Date.parse('2026-11-30T09:00:00+01:00')); // W49
    const gang = await h.acceptTip('personal-data', Date.parse('2026-11-30T10:00:00+01:00')); // W49
    await h.post(`/personal/tips/${noise}/tilldela`, { assignee: String(anna.member.id) }, anna);
    await h.post(`/personal/tips/${gang}/status`, { status: 'closed', reason: 'duplicate' }, anna);
    expect(referencesIn(await inbox('?omrade=skogas'))).toEqual([drugs]);
    expect(referencesIn(await inbox('?handelse=drugs'))).toEqual([drugs]);
    expect(referencesIn(await inbox('?handelse=fokus:public-spaces'))).toEqual([noise]);
    expect(referencesIn(await inbox('?vecka=2026-W48'))).toEqual([drugs]);
    expect(referencesIn(await inbox('?vecka=2026-W49'))).toEqual([gang, noise]);
    expect(referencesIn(await inbox('?tilldelad=mig'))).toEqual([noise]);
    expect(referencesIn(await inbox('?tilldelad=ingen'))).toEqual([gang, drugs]);
    expect(referencesIn(await inbox('?status=closed'))).toEqual([gang]);
    expect(referencesIn(await inbox('?status=new&vecka=2026-W49'))).toEqual([noise]);
    expect(referencesIn(await inbox('?sok=busstorget'))).toEqual([noise]);
    expect(referencesIn(await inbox(`?sok=${encodeURIComponent(drugs.toLowerCase().replace('-', ' '))}`))).toEqual([
      drugs,
    ]);
    // A stale or odd value is dropped, not refused.
    expect(referencesIn(await inbox('?status=bogus&vecka=2026-W99&omrade=<script>'))).toHaveLength(3);
    // The form shows the filters it was opened with.
    const filtered = await inbox('?omrade=skogas&vecka=2026-W48');
    expect(filtered).toContain('<option value="skogas" selected>');
    expect(filtered).toContain('value="2026-W48"');
    expect(filtered).toContain('1 tips med de här filtren');
  });

  it('pages 50 at a time, keeping the filters in the page links', async () => {
    for (let i = 0; i < 120; i += 1) await h.acceptTip('minimal', h.clock() - i * MINUTE);
    const first = await inbox('?omrade=flemingsberg');
    expect(referencesIn(first)).toHaveLength(50);
    expect(first).toContain('Sida 1 av 3');
    expect(first).toContain('href="/personal/inkorg?omrade=flemingsberg&amp;sida=2"');
    const last = await inbox('?omrade=flemingsberg&sida=3');
    expect(referencesIn(last)).toHaveLength(20);
    expect(last).toContain('rel="prev"');
    expect(last).not.toContain('rel="next"');
  });
});

describe('a tip', () => {
  it('shows every field, marks every personal-data occurrence, isolates the text, says when it will be deleted and audits the view', async () => {
    const reference = await h.acceptTip('personal-data', h.clock(), {
      description: 'Ring 070-123 45 67 eller 070-123 45 67 igen, <script>alert(1)</script> \u202Eevil',
    });
    const response = await h.get(`/personal/tips/${reference}`, anna);
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(
      page.match(/<mark class="pii">070-123 45 67<\/mark><span class="pii-kind"> \[telefonnummer\]<\/span>/g),
    ).toHaveLength(2);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('<div class="description" dir="auto">');
    for (const text of ['Gängrelaterad aktivitet', 'En annan plats i Huddinge', 'Anonymt – kan inte besvaras', 'Ny']) {
      expect(page).toContain(text);
    }
    expect(page.replace(/\s+/g, ' ')).toContain(
      'Tidigast 2027-02-28 (90 dagar efter att det kom in), men inte förrän mejlet har levererats.',
    );
    const views = await h.staff.listAudit({ action: 'view' }, { offset: 0, limit: 5 });
    expect(views.entries).toMatchObject([{ actor: 'anna@huge.se', tipReference: reference, detail: null }]);
    expect((await h.get('/personal/tips/AAAA-AAAA', anna)).status).toBe(404);
    expect((await h.get('/personal/tips/not-a-reference', anna)).status).toBe(404);
  });
});

describe('triage', () => {
  it('moves a tip new → triaged → in lägesbild (with a summary) → closed (with a reason), audited each time', async () => {
    const reference = await h.acceptTip('full-swedish');
    const triaged = await h.post(`/personal/tips/${reference}/status`, { status: 'triaged' }, anna);
    expect(triaged.status).toBe(303);
    expect(triaged.headers.get('Location')).toBe(`/personal/tips/${reference}?klart=status`);
    expect(await (await h.get(`/personal/tips/${reference}?klart=status`, anna)).text()).toContain(
      'Statusen är sparad.',
    );

    const noSummary = await h.post(
      `/personal/tips/${reference}/status`,
      { status: 'in-lagesbild', summary: ' ' },
      anna,
    );
    expect(noSummary.status).toBe(422);
    const refused = await noSummary.text();
    expect(refused).toContain('Det finns ett problem');
    expect(refused).toContain('<a href="#summary">Skriv en sammanfattning för lägesbilden</a>');
    const summary = 'Försäljning av narkotika i källare i Skogås, kvällstid';
    expect((await h.post(`/personal/tips/${reference}/status`, { status: 'in-lagesbild', summary }, anna)).status).toBe(
      303,
    );

    const noReason = await h.post(`/personal/tips/${reference}/status`, { status: 'closed', reason: '' }, anna);
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('Välj varför tipset avslutas');
    expect(
      (await h.post(`/personal/tips/${reference}/status`, { status: 'closed', reason: 'passed-to-police' }, anna))
        .status,
    ).toBe(303);

    const page = await (await h.get(`/personal/tips/${reference}`, anna)).text();
    expect(page).toContain('Avslutad (Lämnat till polisen)');
    expect(page).toContain(summary);
    const statuses = await h.staff.listAudit({ action: 'status' }, { offset: 0, limit: 10 });
    expect(statuses.entries.map((e) => e.detail?.['to'])).toEqual(['closed', 'in-lagesbild', 'triaged']);
    expect(JSON.stringify(statuses.entries)).not.toContain('Skogås');
  });

  it('assigns, notes (shown only here, audited by length) and refuses an unknown assignee', async () => {
    const reference = await h.acceptTip('minimal');
    const bo = await h.addMember('bo@huge.se', 'handler');
    const reader = await h.addMember('lasare@huge.se', 'reader');
    expect((await h.post(`/personal/tips/${reference}/tilldela`, { assignee: String(bo.id) }, anna)).status).toBe(303);
    expect((await h.post(`/personal/tips/${reference}/tilldela`, { assignee: String(reader.id) }, anna)).status).toBe(
      422,
    );
    const note = 'Pratade med fastighetsskötaren om lampan.';
    expect((await h.post(`/personal/tips/${reference}/anteckningar`, { note }, anna)).status).toBe(303);
    expect((await h.post(`/personal/tips/${reference}/anteckningar`, { note: '  ' }, anna)).status).toBe(422);
    const page = await (await h.get(`/personal/tips/${reference}`, anna)).text();
    expect(page).toContain(note);
    expect(page).toMatch(/<option value="\d+" selected>\s*bo@huge\.se\s*<\/option>/);
    const [noteEntry] = (await h.staff.listAudit({ action: 'note' }, { offset: 0, limit: 1 })).entries;
    expect(noteEntry?.detail).toEqual({ characters: note.length });
    expect((await h.post('/personal/tips/AAAA-AAAA/anteckningar', { note }, anna)).status).toBe(404);
  });

  it('redacts every detected occurrence in one action, or typed text, and the original is gone from the tip', async () => {
    const reference = await h.acceptTip('personal-data');
    const page = await (await h.get(`/personal/tips/${reference}`, anna)).text();
    expect(page.match(/name="del"/g)).toHaveLength(3);
    const nothing = await h.post(`/personal/tips/${reference}/maskera`, {}, anna);
    expect(nothing.status).toBe(422);
    const all = await h.post(`/personal/tips/${reference}/maskera`, { alla: 'ja' }, anna);
    expect(all.status).toBe(303);
    const after = await (await h.get(`/personal/tips/${reference}?klart=maskerat`, anna)).text();
    expect(after).toContain('Uppgifterna är borttagna ur tipset.');
    expect(after).toContain(
      'Personen har personnummer [borttaget], ringer från [borttaget] och mejlar från [borttaget].',
    );
    for (const gone of ['850101-1234', '070-123 45 67', 'x.y@example.com']) expect(after).not.toContain(gone);
    expect((await h.post(`/personal/tips/${reference}/maskera`, { text: 'Personen' }, anna)).status).toBe(303);
    expect(await (await h.get(`/personal/tips/${reference}`, anna)).text()).toContain('[borttaget] har personnummer');
    const redactions = await h.staff.listAudit({ action: 'redact' }, { offset: 0, limit: 5 });
    expect(redactions.entries.map((e) => e.detail)).toEqual([
      { characters: 8, spans: 1, mode: 'selected' },
      { characters: 11 + 13 + 15, spans: 3, mode: 'all-detected' },
    ]);
  });

  it('redacts one picked occurrence and leaves the others', async () => {
    const reference = await h.acceptTip('personal-data');
    const page = await (await h.get(`/personal/tips/${reference}`, anna)).text();
    const phone = [
      ...page.matchAll(/name="del" value="(\d+-\d+)"[^>]*>\s*<label[^>]*><bdi>([^<]+)<\/bdi> \(telefonnummer\)/g),
    ][0];
    expect(phone?.[2]).toBe('070-123 45 67');
    expect((await h.post(`/personal/tips/${reference}/maskera`, { del: phone?.[1] ?? '' }, anna)).status).toBe(303);
    const after = await (await h.get(`/personal/tips/${reference}`, anna)).text();
    expect(after).toContain('ringer från [borttaget] och mejlar från <mark class="pii">x.y@example.com</mark>');
  });
});
