import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../src/store/staff-store.ts';
import { STAFF_ROUTES } from '../../src/web/staff/route-table.ts';
import { htmlProblems } from '../helpers/html-validity.ts';
import { lagesbildFixture } from '../helpers/lagesbild-fixtures.ts';
import { startStaffApp, type StaffAppHarness, type StaffBrowser } from '../helpers/staff-app.ts';

/**
 * The lägesbild's pages and forms through the staff app in-process (real
 * SQLite, real sessions, CSRF and role table): the inbox's hand-over of a
 * tip, every page, every form's refusal, the CSV downloads parsed back, the
 * audit trail, and the freeze rule through every mutating route.
 * The clock stands at Monday 30 November 2026 13:00 Stockholm time (2026-W49).
 */

const DAY = 86_400_000;
const W48 = '2026-W48';
const tricky = lagesbildFixture('tricky-week');
const trickyObservations = tricky.entries.filter((entry) => entry.source !== 'tip');

let h: StaffAppHarness;
let handler: StaffBrowser;
let reader: StaffBrowser;
let handlerMember: StaffMember;

beforeAll(async () => {
  h = await startStaffApp({ RATE_LIMIT_STAFF_SIGNIN: '100000/1h' });
  handler = await h.signInAs('handler');
  handlerMember = handler.member;
  reader = await h.signInAs('reader');
});
afterAll(async () => {
  await h.stop();
});

async function page(path: string, browser: StaffBrowser = handler): Promise<{ status: number; text: string }> {
  const response = await h.get(path, browser);
  return { status: response.status, text: await response.text() };
}

/** The text of a page without its markup (for "the page says …"). */
function visible(html: string): string {
  return html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

async function auditActions(): Promise<
  { action: string; actorId: number | null; ref: string | null; detail: unknown }[]
> {
  const { entries } = await h.staff.listAudit({}, { offset: 0, limit: 10_000 });
  return entries.map((entry) => ({
    action: entry.action,
    actorId: entry.actorId,
    ref: entry.tipReference,
    detail: entry.detail,
  }));
}

function observationForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    source: 'polisen',
    category: 'drugs',
    area: 'varby',
    place: 'Vårby gård, torget',
    date: '2026-11-26',
    time: '22:15',
    summary: 'Polisen såg langning vid torget',
    ...overrides,
  };
}

describe('a tip moved to "i lägesbilden" in the inbox', () => {
  let reference: string;
  const description = 'Flera kvällar i rad har det pågått försäljning av narkotika i källaringången.';

  beforeAll(async () => {
    // Accepted Friday 27 November (2026-W48).
    reference = await h.acceptTip('full-swedish', Date.UTC(2026, 10, 27, 9, 0));
  });

  it('becomes an entry of its week with the handler summary, audited in the handler name', async () => {
    const moved = await h.post(
      `/personal/tips/${reference}/status`,
      { status: 'in-lagesbild', summary: 'Narkotikaförsäljning i källaringång, Skogås', reason: '' },
      handler,
    );
    expect(moved.status).toBe(303);
    expect((await page(`/personal/tips/${reference}`)).text).toContain(`href="/personal/lagesbild/${W48}"`);
    const week = await page(`/personal/lagesbild/${W48}`);
    expect(week.status).toBe(200);
    expect(visible(week.text)).toContain('Narkotikaförsäljning i källaringång, Skogås');
    expect(week.text).toContain(`href="/personal/tips/${reference}"`); // handlers get the way back to the tip
    const audit = await auditActions();
    const added = audit.find((entry) => entry.action === 'lagesbild.entry.add-tip');
    expect(added).toEqual({
      action: 'lagesbild.entry.add-tip',
      actorId: handlerMember.id,
      ref: reference,
      detail: { week: W48 },
    });
  });

  it('shows readers the summary, never the tip text or its reference', async () => {
    const week = await page(`/personal/lagesbild/${W48}`, reader);
    expect(week.status).toBe(200);
    expect(visible(week.text)).toContain('Narkotikaförsäljning i källaringång, Skogås');
    expect(week.text).not.toContain(description.slice(0, 30));
    expect(week.text).not.toContain(reference);
    expect(week.text).not.toContain('Trapphus 4B'); // the tip place stays with the tip
    // Readers get no form that changes the lägesbild (the only form is sign-out).
    expect(week.text.match(/<form method="post"/g)).toHaveLength(1);
  });

  it('takes a new summary when moved there again, and stays when the status changes later', async () => {
    await h.post(
      `/personal/tips/${reference}/status`,
      { status: 'in-lagesbild', summary: 'Langning i källaringång (uppdaterad)', reason: '' },
      handler,
    );
    await h.post(`/personal/tips/${reference}/status`, { status: 'closed', reason: 'handled', summary: '' }, handler);
    const text = visible((await page(`/personal/lagesbild/${W48}`)).text);
    expect(text).toContain('Langning i källaringång (uppdaterad)');
    expect(text).not.toContain('Narkotikaförsäljning i källaringång, Skogås');
    const entries = await h.lagesbildStore.listEntries(W48);
    expect(entries.filter((entry) => entry.source === 'tip')).toHaveLength(1);
  });
});

describe('the pages', () => {
  it('sends /personal/lagesbild to this week in Stockholm time, and readers from the start page to it', async () => {
    const here = await h.get('/personal/lagesbild', reader);
    expect(here.status).toBe(303);
    expect(here.headers.get('Location')).toBe('/personal/lagesbild/2026-W49');
    const start = await h.get('/personal', reader);
    expect(start.headers.get('Location')).toBe('/personal/lagesbild');
    expect(visible((await page('/personal')).text)).toContain('Lägesbilden');
    expect((await page('/personal/inkorg')).text).toContain('href="/personal/lagesbild"');
  });

  it('answers 404 for a week id that is not a week, on every lägesbild route with a week', async () => {
    const notWeeks = ['2026-W54', '2027-W53', '2026-W00', '2026-w48', 'W48', '2026-W4', '1999-W10', 'trend2'];
    const rows = STAFF_ROUTES.filter((route) => route.path.startsWith('/lagesbild/:vecka'));
    const wrong: string[] = [];
    for (const notWeek of notWeeks) {
      for (const route of rows) {
        const path = `/personal${route.path.replace(':vecka', notWeek).replace(/:(nr|post|atgard)/, '1')}`;
        const response =
          route.method === 'GET' ? await h.get(path, handler) : await h.post(path, observationForm(), handler);
        if (response.status !== 404) wrong.push(`${route.method} ${path}: ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
    for (const path of [`/personal/lagesbild/${W48}/version/99`, `/personal/lagesbild/${W48}/version/x`]) {
      expect((await h.get(path, reader)).status).toBe(404);
    }
    expect((await h.get(`/personal/lagesbild/${W48}/antal.csv?version=99`, reader)).status).toBe(404);
    expect((await h.get('/personal/lagesbild/sammanstallning.csv?period=2026-Q5', reader)).status).toBe(404);
  });

  it('shows the week numbers as tables next to charts, the trend of 13 weeks and no year earlier without data', async () => {
    const { text } = await page(`/personal/lagesbild/${W48}`, reader);
    for (const id of ['per-omrade', 'per-fokusomrade', 'matris-totalt', 'matris-tips', 'matris-observationer']) {
      expect(text).toContain(`id="${id}"`);
    }
    expect(text.match(/<svg[^>]*role="img"/g)).toHaveLength(2);
    const trendRows = /id="trend-tabell"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(text)?.[1] ?? '';
    expect(trendRows.match(/<tr>/g)).toHaveLength(13);
    expect(visible(text)).toContain('ingen jämförelse med samma vecka ett år tidigare');
  });

  it('shows the trend up to three years and refuses a week that is none with an error beside the field', async () => {
    const trend = await page('/personal/lagesbild/trend', reader);
    expect(trend.status).toBe(200);
    const rows = /id="trend-tabell"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(trend.text)?.[1] ?? '';
    expect(rows.match(/<tr>/g)).toHaveLength(157);
    const short = await page(`/personal/lagesbild/trend?till=${W48}&veckor=13`, reader);
    expect(visible(short.text)).toContain('2026-W36 till 2026-W48: 13 veckor');
    const bad = await page('/personal/lagesbild/trend?till=vecka48', reader);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('class="error-summary"');
    expect(bad.text).toContain('href="#till"');
    expect(bad.text).toContain('id="till-error"');
  });

  it('shows a quarter or a year roll-up and refuses a period that is none', async () => {
    const year = await page('/personal/lagesbild/sammanstallning?period=2026', reader);
    expect(year.status).toBe(200);
    expect(year.text).toContain('id="sammanstallning-tabell"');
    expect(visible(year.text)).toContain('Sammanställning 2026');
    const quarter = await page('/personal/lagesbild/sammanstallning', reader);
    expect(visible(quarter.text)).toContain('Sammanställning 2026-Q4');
    for (const period of ['2026-Q5', 'kvartal', '26']) {
      const bad = await page(`/personal/lagesbild/sammanstallning?period=${period}`, reader);
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('href="#period"');
    }
  });

  it('audits every view of a week and every export in the viewer name', async () => {
    const before = (await auditActions()).length;
    await page(`/personal/lagesbild/${W48}`, reader);
    await h.get(`/personal/lagesbild/${W48}/antal.csv`, reader);
    await h.get(`/personal/lagesbild/${W48}/poster.csv`, reader);
    await h.get('/personal/lagesbild/sammanstallning.csv?period=2026', reader);
    await page('/personal/lagesbild/trend', reader);
    const added = (await auditActions()).slice(0, (await auditActions()).length - before);
    expect(added.map((entry) => entry.action).sort()).toEqual(
      [
        'lagesbild.week.view',
        'lagesbild.export.counts',
        'lagesbild.export.entries',
        'lagesbild.export.rollup',
        'lagesbild.trend.view',
      ].sort(),
    );
    expect(added.every((entry) => entry.actorId === reader.member.id)).toBe(true);
  });
});

describe('the forms', () => {
  it('adds observations with every kind of text, shown escaped and isolated', async () => {
    for (const entry of trickyObservations) {
      const response = await h.post(
        `/personal/lagesbild/${W48}/observationer`,
        {
          source: entry.source,
          category: entry.category,
          area: entry.area,
          place: entry.place ?? '',
          date: entry.occurredOn ?? '',
          time: entry.occurredTime ?? '',
          summary: entry.summary,
        },
        handler,
      );
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toBe(`/personal/lagesbild/${W48}?klart=observation`);
    }
    const { text } = await page(`/personal/lagesbild/${W48}`, reader);
    expect(text).not.toContain('<script>alert(1)</script>');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('<p class="entry-summary" dir="auto">بلاغ عن تجمع');
  });

  it('puts an observation in the week of its date, wherever it was added from', async () => {
    const response = await h.post(
      `/personal/lagesbild/${W48}/observationer`,
      observationForm({ date: '2026-11-18' }),
      handler,
    );
    expect(response.headers.get('Location')).toBe('/personal/lagesbild/2026-W47?klart=observation-annan-vecka');
  });

  it('refuses bad input with a Swedish error beside each field and changes nothing', async () => {
    const before = JSON.stringify(await h.lagesbildStore.listEntries(W48));
    const cases: [Record<string, string>, string, string][] = [
      [{ source: '' }, 'obs-source', 'Välj vem som rapporterade observationen'],
      [{ category: 'inbrott' }, 'obs-category', 'Välj en händelse'],
      [{ area: '' }, 'obs-area', 'Välj ett område'],
      [{ date: '2026-02-30' }, 'obs-date', 'Skriv datumet som ÅÅÅÅ-MM-DD'],
      [{ date: '' }, 'obs-date', 'Skriv datumet'],
      [{ date: '2026-12-01' }, 'obs-date', 'Datumet kan inte vara senare än i dag'],
      [{ time: '25:00' }, 'obs-time', 'Skriv tiden som TT:MM'],
      [{ summary: '   ' }, 'obs-summary', 'Skriv en sammanfattning'],
      [{ summary: 'x'.repeat(501) }, 'obs-summary', 'högst 500 tecken'],
      [{ place: 'rad ett\nrad två' }, 'obs-place', 'Platsen ska vara en rad'],
    ];
    for (const [fields, id, message] of cases) {
      const response = await h.post(`/personal/lagesbild/${W48}/observationer`, observationForm(fields), handler);
      expect(response.status, JSON.stringify(fields)).toBe(422);
      const text = await response.text();
      expect(text).toContain(`<a href="#${id}">`);
      expect(text).toContain(`id="${id}-error"`);
      expect(visible(text)).toContain(message);
      expect(text).toMatch(/<title>Fel: /);
    }
    const all = await h.post(`/personal/lagesbild/${W48}/observationer`, {}, handler);
    expect(all.status).toBe(422);
    const allText = await all.text();
    for (const id of ['obs-source', 'obs-category', 'obs-area', 'obs-date', 'obs-summary']) {
      expect(allText).toContain(`<a href="#${id}">`);
    }
    expect(JSON.stringify(await h.lagesbildStore.listEntries(W48))).toBe(before);
    // The refused form keeps what was typed.
    const kept = await h.post(
      `/personal/lagesbild/${W48}/observationer`,
      observationForm({ date: 'igår', summary: 'Behåll mig' }),
      handler,
    );
    expect(await kept.text()).toMatch(/>\n?Behåll mig<\/textarea>/); // a browser drops the one newline after <textarea>
  });

  it('writes notes and agreed actions, edits and removes them, and refuses a bad one', async () => {
    const notes = await h.post(
      `/personal/lagesbild/${W48}/anteckningar`,
      { text: 'Gruppen enades om att följa upp Skogås.\nNästa möte: samma tid.' },
      handler,
    );
    expect(notes.headers.get('Location')).toBe(`/personal/lagesbild/${W48}?klart=anteckningar`);
    const tooLong = await h.post(`/personal/lagesbild/${W48}/anteckningar`, { text: 'x'.repeat(20_001) }, handler);
    expect(tooLong.status).toBe(422);
    expect(await tooLong.text()).toContain('href="#notes-text"');

    const added = await h.post(
      `/personal/lagesbild/${W48}/atgarder`,
      { what: 'Byta trasig belysning i källaringången', who: 'huge-bostader', dueOn: '2026-12-11' },
      handler,
    );
    expect(added.status).toBe(303);
    const badWho = await h.post(
      `/personal/lagesbild/${W48}/atgarder`,
      { what: 'Något', who: 'grannen', dueOn: '11 december' },
      handler,
    );
    expect(badWho.status).toBe(422);
    const badText = await badWho.text();
    expect(badText).toContain('href="#atgard-who"');
    expect(badText).toContain('href="#atgard-dueOn"');

    const [action] = await h.lagesbildStore.listActions(W48);
    if (!action) throw new Error('no action');
    const editPage = await page(`/personal/lagesbild/${W48}/atgarder/${action.id}`);
    expect(editPage.status).toBe(200);
    expect(editPage.text).toContain('value="Byta trasig belysning i källaringången"');
    expect((await page(`/personal/lagesbild/2026-W47/atgarder/${action.id}`)).status).toBe(404);
    const edited = await h.post(
      `/personal/lagesbild/${W48}/atgarder/${action.id}`,
      { what: 'Byta belysning', who: 'huddinge-kommun', dueOn: '2026-12-18' },
      handler,
    );
    expect(edited.headers.get('Location')).toBe(`/personal/lagesbild/${W48}?klart=atgard-andrad`);
    const week = visible((await page(`/personal/lagesbild/${W48}`, reader)).text);
    expect(week).toContain('Byta belysning Huddinge kommun 2026-12-18');
    expect(week).toContain('Gruppen enades om att följa upp Skogås.');

    const removed = await h.post(`/personal/lagesbild/${W48}/atgarder/${action.id}/ta-bort`, {}, handler);
    expect(removed.headers.get('Location')).toBe(`/personal/lagesbild/${W48}?klart=atgard-borttagen`);
    expect(await h.lagesbildStore.listActions(W48)).toHaveLength(0);
    expect((await h.post(`/personal/lagesbild/${W48}/atgarder/${action.id}/ta-bort`, {}, handler)).status).toBe(404);
  });

  it('edits an observation in full and a tip entry summary only, and removes an entry', async () => {
    await h.post(`/personal/lagesbild/${W48}/observationer`, observationForm({ summary: 'Att ändra' }), handler);
    const entries = await h.lagesbildStore.listEntries(W48);
    const observation = entries.find((entry) => entry.summary === 'Att ändra');
    const tipEntry = entries.find((entry) => entry.source === 'tip');
    if (!observation || !tipEntry) throw new Error('missing entries');
    const form = await page(`/personal/lagesbild/${W48}/poster/${tipEntry.id}`);
    expect(form.text).not.toContain('id="post-area"');
    expect(form.text).toContain('id="post-summary"');
    const tipEdit = await h.post(
      `/personal/lagesbild/${W48}/poster/${tipEntry.id}`,
      { summary: 'Ny rad för tipset', area: 'varby' },
      handler,
    );
    expect(tipEdit.status).toBe(303);
    expect((await h.lagesbildStore.getEntry(tipEntry.id))?.area).toBe(tipEntry.area);
    const bad = await h.post(
      `/personal/lagesbild/${W48}/poster/${observation.id}`,
      observationForm({ area: 'x' }),
      handler,
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('href="#post-area"');
    const moved = await h.post(
      `/personal/lagesbild/${W48}/poster/${observation.id}`,
      observationForm({ date: '2026-11-19' }),
      handler,
    );
    expect(moved.headers.get('Location')).toBe('/personal/lagesbild/2026-W47?klart=post');
    expect((await page(`/personal/lagesbild/${W48}/poster/${observation.id}`)).status).toBe(404); // now in W47
    const removed = await h.post(`/personal/lagesbild/2026-W47/poster/${observation.id}/ta-bort`, {}, handler);
    expect(removed.headers.get('Location')).toBe('/personal/lagesbild/2026-W47?klart=post-borttagen');
    expect(await h.lagesbildStore.getEntry(observation.id)).toBeUndefined();
  });

  it('downloads the week and roll-up as CSV that parses back (BOM, ;, quoting, åäö, Arabic) without tip text or reference', async () => {
    const counts = await h.get(`/personal/lagesbild/${W48}/antal.csv`, reader);
    expect(counts.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(counts.headers.get('Content-Disposition')).toBe(`attachment; filename="lagesbild-${W48}-antal.csv"`);
    const countsBytes = new Uint8Array(await counts.arrayBuffer());
    expect([...countsBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Swedish Excel needs
    const countsText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(countsBytes);
    expect(countsText.split('\r\n')[0]).toContain('"Vecka";"Område"');
    const countRows = parse(countsText, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(countRows).toHaveLength(81);
    const total = countRows.reduce((sum, row) => sum + Number(row['Totalt']), 0);
    const week = await h.deps.lagesbild.viewWeek({ id: 'test', role: 'reader' }, () => undefined, W48);
    expect(total).toBe(week.picture.counts.together.total);

    const entries = await h.get(`/personal/lagesbild/${W48}/poster.csv`, reader);
    const entryText = await entries.text();
    const entryRows = parse(entryText, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    const summaries = entryRows.map((row) => row['Sammanfattning']);
    expect(summaries).toContain('Polisen:\nrad två\nrad tre med åäö ÅÄÖ');
    expect(summaries).toContain('بلاغ عن تجمع مقلق قرب المدرسة؛ "مساءً"');
    expect(summaries).toContain("'=1+1 trasig belysning <script>alert(1)</script>");
    expect(entryText).not.toMatch(/[A-Z0-9]{4}-[A-Z0-9]{4}/); // no tip reference
    expect(entryText).not.toContain('källaringången.'); // no tip text

    const rollup = await h.get('/personal/lagesbild/sammanstallning.csv?period=2026-Q4', reader);
    expect(rollup.headers.get('Content-Disposition')).toBe(
      'attachment; filename="lagesbild-2026-Q4-sammanstallning.csv"',
    );
    const rollupRows = parse(await rollup.text(), { bom: true, delimiter: ';', columns: true }) as Record<
      string,
      string
    >[];
    expect(rollupRows.length).toBeGreaterThan(0);
    expect(rollupRows.every((row) => row['Period'] === '2026-Q4')).toBe(true);
  });

  it('refuses to freeze a week that has not begun, freezes one that has, and keeps an unchanged one', async () => {
    const future = await h.post('/personal/lagesbild/2026-W50/faststall', {}, handler);
    expect(future.status).toBe(422);
    expect(visible(await future.text())).toContain('Veckan har inte börjat än');
    const frozen = await h.post(`/personal/lagesbild/${W48}/faststall`, {}, handler);
    expect(frozen.headers.get('Location')).toBe(`/personal/lagesbild/${W48}?klart=faststalld`);
    const again = await h.post(`/personal/lagesbild/${W48}/faststall`, {}, handler);
    expect(again.headers.get('Location')).toBe(`/personal/lagesbild/${W48}?klart=oforandrad`);
    const week = visible((await page(`/personal/lagesbild/${W48}`, reader)).text);
    expect(week).toContain('Fastställd som version 1');
    const version = await page(`/personal/lagesbild/${W48}/version/1`, reader);
    expect(version.status).toBe(200);
    expect(visible(version.text)).toContain('Den här versionen ändras aldrig');
    expect(version.text).not.toContain('<form method="post" action="/personal/lagesbild');
  });
});

describe('a frozen version through every mutating route (the freeze rule)', () => {
  /** Every POST row that changes the lägesbild, from the role table, and the inbox hand-over. */
  const mutating = STAFF_ROUTES.filter(
    (route) => route.method === 'POST' && route.path.startsWith('/lagesbild/') && !route.path.endsWith('/faststall'),
  ).map((route) => route.path);

  it('covers every mutating lägesbild route in the role table', () => {
    expect(mutating.sort()).toEqual(
      [
        '/lagesbild/:vecka/anteckningar',
        '/lagesbild/:vecka/atgarder',
        '/lagesbild/:vecka/atgarder/:atgard',
        '/lagesbild/:vecka/atgarder/:atgard/ta-bort',
        '/lagesbild/:vecka/observationer',
        '/lagesbild/:vecka/poster/:post',
        '/lagesbild/:vecka/poster/:post/ta-bort',
      ].sort(),
    );
  });

  const WEEK = '2026-W46';
  const FORMS: Readonly<Record<string, Record<string, string>>> = {
    '/lagesbild/:vecka/anteckningar': { text: 'Anteckning efter fastställandet' },
    '/lagesbild/:vecka/atgarder': { what: 'Ny åtgärd', who: 'polisen', dueOn: '2026-12-20' },
    '/lagesbild/:vecka/atgarder/:atgard': { what: 'Ändrad åtgärd', who: 'sbff', dueOn: '2026-12-21' },
    '/lagesbild/:vecka/atgarder/:atgard/ta-bort': {},
    '/lagesbild/:vecka/observationer': observationForm({ date: '2026-11-11', summary: 'Efter fastställandet' }),
    '/lagesbild/:vecka/poster/:post': observationForm({ date: '2026-11-12', summary: 'Ändrad efteråt' }),
    '/lagesbild/:vecka/poster/:post/ta-bort': {},
  };

  for (const path of [...mutating, '/tips/:referens/status']) {
    it(`POST ${path}: the frozen version stays as it was, the week shows "changed since"`, async () => {
      const member = { id: String(handlerMember.id), role: 'handler' as const };
      const none = () => undefined;
      const entry = await h.deps.lagesbild.addObservation(member, none, {
        source: 'polisen',
        category: 'drugs',
        area: 'varby',
        date: '2026-11-10',
        summary: `Före fastställandet (${path})`,
      });
      const action = await h.deps.lagesbild.addAction(member, none, WEEK, {
        what: `Åtgärd före (${path})`,
        who: 'huddinge-kommun',
        dueOn: '2026-12-01',
      });
      const reference = await h.acceptTip('minimal', Date.UTC(2026, 10, 10, 12, 0));
      const { version } = await h.deps.lagesbild.freezeWeek(member, none, WEEK);
      const stored = await h.lagesbildStore.getVersion(WEEK, version);
      const versionPage = visible((await page(`/personal/lagesbild/${WEEK}/version/${version}`, reader)).text);

      const target = `/personal${path
        .replace(':vecka', WEEK)
        .replace(':post', String(entry.id))
        .replace(':atgard', String(action.id))
        .replace(':referens', reference)}`;
      const form =
        path === '/tips/:referens/status'
          ? { status: 'in-lagesbild', summary: 'Tips efter fastställandet', reason: '' }
          : (FORMS[path] ?? {});
      const response = await h.post(target, form, handler);
      expect(response.status).toBe(303);

      // The version is byte for byte what it was, and reads the same.
      expect(await h.lagesbildStore.getVersion(WEEK, version)).toEqual(stored);
      expect(visible((await page(`/personal/lagesbild/${WEEK}/version/${version}`, reader)).text)).toBe(
        versionPage.replace(/\s+/g, ' '),
      );
      // The live week has moved on and says so; freezing again makes the next version.
      expect(visible((await page(`/personal/lagesbild/${WEEK}`, reader)).text)).toContain(
        `Ändrad sedan version ${version}`,
      );
      const next = await h.post(`/personal/lagesbild/${WEEK}/faststall`, {}, handler);
      expect(next.headers.get('Location')).toBe(`/personal/lagesbild/${WEEK}?klart=faststalld`);
      expect((await h.lagesbildStore.listVersions(WEEK)).at(-1)?.version).toBe(version + 1);
    });
  }

  it('keeps every version readable', async () => {
    const versions = await h.lagesbildStore.listVersions('2026-W46');
    expect(versions.length).toBeGreaterThanOrEqual(mutating.length + 1);
    for (const { version } of versions) {
      expect((await h.get(`/personal/lagesbild/2026-W46/version/${version}`, reader)).status).toBe(200);
    }
  });
});

it('keeps the clock where the tests expect it', () => {
  expect(h.clock()).toBe(Date.UTC(2026, 10, 30, 12, 0));
  expect(DAY).toBe(86_400_000);
});

describe('the markup', () => {
  it('is valid HTML on every lägesbild page, for readers and handlers, refused forms too', async () => {
    const [entry] = await h.lagesbildStore.listEntries(W48);
    const [action] = await h.lagesbildStore.listActions('2026-W46');
    if (!entry || !action) throw new Error('the tests above left no entry or action');
    const pages: [string, string][] = [];
    for (const [who, browser] of [
      ['reader', reader],
      ['handler', handler],
    ] as const) {
      for (const path of [
        `/personal/lagesbild/${W48}`,
        '/personal/lagesbild/2026-W30',
        `/personal/lagesbild/${W48}/version/1`,
        '/personal/lagesbild/trend',
        '/personal/lagesbild/trend?till=fel',
        '/personal/lagesbild/sammanstallning?period=2026',
        '/personal/lagesbild/sammanstallning?period=fel',
        '/personal/lagesbild/2026-W99',
      ]) {
        pages.push([`${who} ${path}`, await (await h.get(path, browser)).text()]);
      }
    }
    pages.push([`entry edit`, (await page(`/personal/lagesbild/${W48}/poster/${entry.id}`)).text]);
    pages.push([`action edit`, (await page(`/personal/lagesbild/2026-W46/atgarder/${action.id}`)).text]);
    const refused = await h.post(`/personal/lagesbild/${W48}/observationer`, {}, handler);
    pages.push(['refused observation', await refused.text()]);
    const problems: string[] = [];
    for (const [name, html] of pages)
      problems.push(...(await htmlProblems(html, name)).map((line) => `${name}: ${line}`));
    expect(problems).toEqual([]);
  });
});
