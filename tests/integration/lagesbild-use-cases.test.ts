import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/http/errors.ts';
import { createLagesbild, LagesbildRoleError, type Lagesbild } from '../../src/lagesbild/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { LAGESBILD_BACKENDS, type LagesbildDatabase } from '../helpers/lagesbild-backends.ts';
import { ADMIN, HANDLER, READER, at, recordingAudit, storeTips, type RawTip } from '../helpers/lagesbild-data.ts';

/**
 * The lägesbild's use cases on SQLite and PostgreSQL: which week a tip
 * lands in at the edges of weeks, entries and observations, notes and
 * actions, roles, the audit trail, and fastställ: a frozen version never
 * changes, whatever use case is tried against its week.
 */

const NOW = Date.parse('2027-01-20T09:00:00Z');

function tip(acceptedAt: string, overrides: Partial<RawTip> = {}): RawTip {
  return {
    acceptedAt: Date.parse(acceptedAt),
    area: 'skogas',
    category: 'vandalism',
    happeningNow: false,
    description: 'Klotter på väggen vid tunneln, KANARIE-text som partners aldrig får se.',
    place: 'Tunneln',
    ...overrides,
  };
}

const observation = {
  source: 'polisen',
  category: 'disturbance',
  area: 'flemingsberg',
  place: 'Flemingsbergs station',
  date: '2026-11-25',
  time: '21:30',
  summary: 'Polisen rapporterade bråk vid stationen',
};

describe.each(LAGESBILD_BACKENDS)('Lägesbild use cases on $name', (backend) => {
  let database: LagesbildDatabase;
  let lagesbild: Lagesbild;
  const clock = manualClock(NOW);

  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());
  const fresh = async () => {
    clock.set(NOW);
    database = await backend.fresh(NOW);
    lagesbild = createLagesbild({ store: database.lagesbild, clock });
  };
  afterEach(async () => {
    await database?.cleanup();
  });

  it('puts a tip at 23:59 Sunday and one at 00:00 Monday (Stockholm time) in their own weeks, in winter, summer, both changes and W53', async () => {
    await fresh();
    const audit = recordingAudit();
    const cases: [string, string][] = [
      ['2026-01-11T22:59:00Z', '2026-W02'], // Sunday 23:59 CET
      ['2026-01-11T23:00:00Z', '2026-W03'], // Monday 00:00 CET
      ['2026-03-29T21:59:00Z', '2026-W13'], // Sunday 23:59 CEST, the day summer time began
      ['2026-03-29T22:00:00Z', '2026-W14'], // Monday 00:00 CEST
      ['2026-07-05T21:59:00Z', '2026-W27'],
      ['2026-07-05T22:00:00Z', '2026-W28'],
      ['2026-10-25T22:59:00Z', '2026-W43'], // Sunday 23:59 CET, the day summer time ended
      ['2026-10-25T23:00:00Z', '2026-W44'],
      ['2026-12-27T22:59:00Z', '2026-W52'],
      ['2026-12-27T23:00:00Z', '2026-W53'], // ISO week 53: Monday 28 December
      ['2027-01-03T22:59:00Z', '2026-W53'], // Sunday 3 January 2027 is still in 2026-W53
      ['2027-01-03T23:00:00Z', '2027-W01'],
    ];
    const references = await storeTips(
      database.tips,
      cases.map(([instant], n) => tip(instant, { happeningNow: n % 2 === 0 })),
    );
    for (const [n, [instant, week]] of cases.entries()) {
      const entry = await lagesbild.addTipEntry(HANDLER, audit, {
        tipReference: at(references, n),
        summary: `Kant ${instant}`,
      });
      expect(entry.entry.week, instant).toBe(week);
    }
    const counted = new Map<string, number>();
    for (const [, week] of cases) counted.set(week, (counted.get(week) ?? 0) + 1);
    for (const [week, count] of counted) {
      const { picture } = await lagesbild.viewWeek(READER, audit, week);
      expect(picture.counts.tips.cells.skogas.vandalism, week).toBe(count);
      expect(picture.entriesByArea[0]?.entries, week).toHaveLength(count);
    }
    // The week that summer time began has 167 hours; the one it ended, 169.
    const spring = (await lagesbild.viewWeek(READER, audit, '2026-W13')).picture;
    expect((spring.end - spring.start) / 3_600_000).toBe(167);
    const autumn = (await lagesbild.viewWeek(READER, audit, '2026-W43')).picture;
    expect((autumn.end - autumn.start) / 3_600_000).toBe(169);
    await expect(lagesbild.viewWeek(READER, audit, '2027-W53')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('makes a tip entry from the tip (week, district, event, happening now) with only the summary, once per tip', async () => {
    await fresh();
    const audit = recordingAudit();
    const [reference] = await storeTips(database.tips, [
      tip('2026-11-25T19:00:00Z', { area: 'varby', category: 'drugs', happeningNow: true }),
    ]);
    const first = await lagesbild.addTipEntry(HANDLER, audit, {
      tipReference: (reference ?? '').toLowerCase().replace('-', ' '),
      summary: '  Misstänkt försäljning vid torget\r\n ',
    });
    expect(first.created).toBe(true);
    expect(first.entry).toMatchObject({
      week: '2026-W48',
      source: 'tip',
      tipReference: reference,
      area: 'varby',
      category: 'drugs',
      happeningNow: true,
      place: null,
      summary: 'Misstänkt försäljning vid torget',
      createdBy: HANDLER.id,
    });
    const again = await lagesbild.addTipEntry(HANDLER, audit, { tipReference: reference ?? '', summary: 'Annan text' });
    expect(again).toEqual({ entry: first.entry, created: false });
    expect(audit.entries).toEqual([
      { actor: HANDLER.id, action: 'lagesbild.entry.add-tip', reference, week: '2026-W48' },
    ]);

    // Readers see the summary but neither the tip's text nor its reference.
    const readerView = await lagesbild.viewWeek(READER, audit, '2026-W48');
    const seen = readerView.entriesByArea[0]?.entries[0];
    expect(seen).toMatchObject({ summary: 'Misstänkt försäljning vid torget' });
    expect(seen).not.toHaveProperty('tipReference');
    expect(JSON.stringify(readerView)).not.toMatch(/KANARIE|Tunneln/);
    expect(JSON.stringify(readerView)).not.toContain(reference);
    const handlerView = await lagesbild.viewWeek(HANDLER, audit, '2026-W48');
    expect(handlerView.entriesByArea[0]?.entries[0]?.tipReference).toBe(reference);

    await expect(
      lagesbild.addTipEntry(HANDLER, audit, { tipReference: 'ACDE-FGHJ', summary: 'x' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      lagesbild.addTipEntry(HANDLER, audit, { tipReference: 'not a reference', summary: 'x' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      lagesbild.addTipEntry(HANDLER, audit, { tipReference: reference ?? '', summary: ' ' }),
    ).rejects.toMatchObject({ fields: { summary: 'summary.required' } });
  });

  it('adds, edits and removes observations with the tip form’s lists, and refuses bad input with a code per field', async () => {
    await fresh();
    const audit = recordingAudit();
    const added = await lagesbild.addObservation(HANDLER, audit, observation);
    expect(added).toMatchObject({
      week: '2026-W48',
      source: 'polisen',
      tipReference: null,
      area: 'flemingsberg',
      category: 'disturbance',
      place: 'Flemingsbergs station',
      occurredOn: '2026-11-25',
      occurredTime: '21:30',
    });
    const moved = await lagesbild.editEntry(HANDLER, audit, added.id, {
      ...observation,
      source: 'sbff',
      category: 'fire-setting',
      date: '2026-12-28',
      time: '',
      place: '',
    });
    expect(moved).toMatchObject({
      week: '2026-W53',
      source: 'sbff',
      category: 'fire-setting',
      occurredTime: null,
      place: null,
    });
    expect((await lagesbild.viewWeek(READER, audit, '2026-W48')).picture.counts.observations.total).toBe(0);
    expect((await lagesbild.viewWeek(READER, audit, '2026-W53')).picture.counts.bySource.sbff).toBe(1);

    const refused = async (input: Record<string, unknown>) => {
      const error = await lagesbild.addObservation(HANDLER, audit, { ...observation, ...input }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fields;
    };
    expect(await refused({ source: 'fbi', category: '', area: 'narnia' })).toEqual({
      source: 'source.required',
      category: 'category.required',
      area: 'area.required',
    });
    expect(await refused({ date: '2026-02-30', time: '25:00' })).toEqual({
      date: 'date.invalid',
      time: 'time.invalid',
    });
    expect(await refused({ date: '2027-01-21' })).toEqual({ date: 'date.future' });
    expect(await refused({ summary: 'x'.repeat(501) })).toEqual({ summary: 'summary.tooLong' });
    expect(await refused({ summary: 'a\u0007b', place: 'rad ett\nrad två' })).toEqual({
      summary: 'summary.invalidCharacters',
      place: 'place.invalidCharacters',
    });

    const removed = await lagesbild.removeEntry(HANDLER, audit, added.id);
    expect(removed.id).toBe(added.id);
    await expect(lagesbild.removeEntry(HANDLER, audit, added.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(lagesbild.editEntry(HANDLER, audit, added.id, observation)).rejects.toBeInstanceOf(NotFoundError);
    expect(audit.entries.map((entry) => [entry.action, entry.week])).toEqual([
      ['lagesbild.entry.add-observation', '2026-W48'],
      ['lagesbild.entry.edit', '2026-W53'],
      ['lagesbild.week.view', '2026-W48'],
      ['lagesbild.week.view', '2026-W53'],
      ['lagesbild.entry.remove', '2026-W53'],
    ]);
  });

  it('keeps meeting notes and agreed actions (what, which partner, by when) per week', async () => {
    await fresh();
    const audit = recordingAudit();
    await lagesbild.setNotes(HANDLER, audit, '2026-W48', { text: 'Gruppen gick igenom veckan.\nNästa möte: tisdag.' });
    const action = await lagesbild.addAction(HANDLER, audit, '2026-W48', {
      what: 'Laga belysningen i gångtunneln',
      who: 'huge-bostader',
      dueOn: '2026-12-04',
    });
    await lagesbild.addAction(ADMIN, audit, '2026-W48', {
      what: 'Extra kvällspatrull',
      who: 'polisen',
      dueOn: '2026-12-01',
    });
    const edited = await lagesbild.editAction(HANDLER, audit, action.id, {
      what: 'Laga belysningen i gångtunneln och vid torget',
      who: 'huddinge-kommun',
      dueOn: '2026-12-11',
    });
    expect(edited).toMatchObject({ week: '2026-W48', who: 'huddinge-kommun', dueOn: '2026-12-11' });
    const view = await lagesbild.viewWeek(READER, audit, '2026-W48');
    expect(view.picture.notes).toBe('Gruppen gick igenom veckan.\nNästa möte: tisdag.');
    expect(view.picture.actions).toEqual([
      { what: 'Extra kvällspatrull', who: 'polisen', dueOn: '2026-12-01' },
      { what: 'Laga belysningen i gångtunneln och vid torget', who: 'huddinge-kommun', dueOn: '2026-12-11' },
    ]);
    await expect(
      lagesbild.addAction(HANDLER, audit, '2026-W48', { what: '', who: 'fbi', dueOn: 'snart' }),
    ).rejects.toMatchObject({ fields: { what: 'what.required', who: 'who.required', dueOn: 'dueOn.invalid' } });
    await lagesbild.removeAction(HANDLER, audit, action.id);
    await lagesbild.setNotes(HANDLER, audit, '2026-W48', { text: '' });
    const after = await lagesbild.viewWeek(READER, audit, '2026-W48');
    expect(after.picture.notes).toBe('');
    expect(after.picture.actions).toHaveLength(1);
    await expect(lagesbild.removeAction(HANDLER, audit, action.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets readers see, never change: every changing use case refuses a reader and changes nothing', async () => {
    await fresh();
    const audit = recordingAudit();
    const [reference] = await storeTips(database.tips, [tip('2026-11-25T19:00:00Z')]);
    const entry = await lagesbild.addObservation(HANDLER, audit, observation);
    const action = await lagesbild.addAction(HANDLER, audit, '2026-W48', {
      what: 'Åtgärd',
      who: 'sbff',
      dueOn: '2026-12-01',
    });
    const before = await lagesbild.viewWeek(HANDLER, audit, '2026-W48');
    audit.entries.length = 0;
    const attempts: [string, () => Promise<unknown>][] = [
      ['addTipEntry', () => lagesbild.addTipEntry(READER, audit, { tipReference: reference ?? '', summary: 'x' })],
      ['addObservation', () => lagesbild.addObservation(READER, audit, observation)],
      ['editEntry', () => lagesbild.editEntry(READER, audit, entry.id, observation)],
      ['removeEntry', () => lagesbild.removeEntry(READER, audit, entry.id)],
      ['setNotes', () => lagesbild.setNotes(READER, audit, '2026-W48', { text: 'x' })],
      [
        'addAction',
        () => lagesbild.addAction(READER, audit, '2026-W48', { what: 'x', who: 'sbff', dueOn: '2026-12-01' }),
      ],
      [
        'editAction',
        () => lagesbild.editAction(READER, audit, action.id, { what: 'x', who: 'sbff', dueOn: '2026-12-01' }),
      ],
      ['removeAction', () => lagesbild.removeAction(READER, audit, action.id)],
      ['freezeWeek', () => lagesbild.freezeWeek(READER, audit, '2026-W48')],
    ];
    for (const [name, attempt] of attempts) await expect(attempt(), name).rejects.toBeInstanceOf(LagesbildRoleError);
    expect(audit.entries).toEqual([]);
    expect(await lagesbild.viewWeek(HANDLER, audit, '2026-W48')).toEqual(before);
    expect(await lagesbild.listVersions(READER, '2026-W48')).toEqual([]);
  });

  it('freezes a week as version 1, which no use case can change; a later change and a new freeze make version 2', async () => {
    await fresh();
    const audit = recordingAudit();
    const [reference, other] = await storeTips(database.tips, [
      tip('2026-11-24T10:00:00Z', { happeningNow: true }),
      tip('2026-11-26T10:00:00Z', { area: 'trangsund' }),
    ]);
    const tipEntry = await lagesbild.addTipEntry(HANDLER, audit, {
      tipReference: reference ?? '',
      summary: 'Klotter i tunneln',
    });
    const observed = await lagesbild.addObservation(HANDLER, audit, observation);
    await lagesbild.setNotes(HANDLER, audit, '2026-W48', { text: 'Anteckning' });
    const action = await lagesbild.addAction(HANDLER, audit, '2026-W48', {
      what: 'Sanera',
      who: 'huge-bostader',
      dueOn: '2026-12-01',
    });

    expect(await lagesbild.freezeWeek(HANDLER, audit, '2026-W48')).toEqual({ version: 1, created: true });
    const v1 = await lagesbild.viewVersion(READER, audit, '2026-W48', 1);
    expect(v1).toMatchObject({ week: '2026-W48', version: 1, frozenBy: HANDLER.id });
    expect(v1.picture.counts.tips.total).toBe(2);
    expect(v1.picture.counts.happeningNow.total).toBe(1);
    expect((await lagesbild.viewWeek(READER, audit, '2026-W48')).changedSinceLatest).toBe(false);
    // Freezing an unchanged week keeps its version.
    expect(await lagesbild.freezeWeek(HANDLER, audit, '2026-W48')).toEqual({ version: 1, created: false });

    // Frozen versions keep summaries only: no tip text, reference or store id.
    const stored = await database.allRows();
    const versions = JSON.stringify(JSON.parse(stored).lagesbild_versions);
    expect(versions).toContain('Klotter i tunneln');
    expect(versions).not.toContain(reference);
    expect(versions).not.toMatch(/KANARIE|Tunneln|tipReference|tip_id/);

    // Every changing use case, tried against the frozen week.
    const tries: [string, () => Promise<unknown>][] = [
      ['addTipEntry', () => lagesbild.addTipEntry(HANDLER, audit, { tipReference: other ?? '', summary: 'Nytt tips' })],
      ['addObservation', () => lagesbild.addObservation(HANDLER, audit, { ...observation, summary: 'Ny observation' })],
      ['editEntry (tip)', () => lagesbild.editEntry(HANDLER, audit, tipEntry.entry.id, { summary: 'Ändrad' })],
      [
        'editEntry (observation)',
        () => lagesbild.editEntry(HANDLER, audit, observed.id, { ...observation, area: 'segeltorp' }),
      ],
      ['removeEntry', () => lagesbild.removeEntry(HANDLER, audit, observed.id)],
      ['setNotes', () => lagesbild.setNotes(HANDLER, audit, '2026-W48', { text: 'Ny anteckning' })],
      [
        'addAction',
        () => lagesbild.addAction(HANDLER, audit, '2026-W48', { what: 'Ny', who: 'polisen', dueOn: '2026-12-02' }),
      ],
      [
        'editAction',
        () => lagesbild.editAction(HANDLER, audit, action.id, { what: 'Ändrad', who: 'sbff', dueOn: '2026-12-03' }),
      ],
      ['removeAction', () => lagesbild.removeAction(HANDLER, audit, action.id)],
    ];
    for (const [name, change] of tries) {
      await change();
      expect(await lagesbild.viewVersion(READER, audit, '2026-W48', 1), name).toEqual(v1);
      expect((await lagesbild.viewWeek(READER, audit, '2026-W48')).changedSinceLatest, name).toBe(true);
    }
    // Nor can the database itself change or delete a version.
    await expect(database.rawExec("UPDATE lagesbild_versions SET snapshot = '{}'")).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(database.rawExec('DELETE FROM lagesbild_versions')).rejects.toThrow(/cannot be (changed|deleted)/);

    expect(await lagesbild.freezeWeek(HANDLER, audit, '2026-W48')).toEqual({ version: 2, created: true });
    const v2 = await lagesbild.viewVersion(READER, audit, '2026-W48', 2);
    expect(v2.picture.notes).toBe('Ny anteckning');
    expect(v2.picture.actions).toEqual([{ what: 'Ny', who: 'polisen', dueOn: '2026-12-02' }]);
    expect(v2.picture.entriesByArea.flatMap((group) => group.entries.map((entry) => entry.summary)).sort()).toEqual([
      'Ny observation',
      'Nytt tips',
      'Ändrad',
    ]);
    expect(await lagesbild.viewVersion(READER, audit, '2026-W48', 1)).toEqual(v1);
    expect((await lagesbild.listVersions(READER, '2026-W48')).map((version) => version.version)).toEqual([1, 2]);
    expect((await lagesbild.listFrozenWeeks(READER)).map((info) => [info.week, info.version])).toEqual([
      ['2026-W48', 2],
    ]);
    await expect(lagesbild.viewVersion(READER, audit, '2026-W48', 3)).rejects.toBeInstanceOf(NotFoundError);
    // A week that has not begun cannot be frozen.
    await expect(lagesbild.freezeWeek(HANDLER, audit, '2027-W05')).rejects.toMatchObject({
      fields: { week: 'week.notStarted' },
    });
    expect(audit.entries.filter((entry) => entry.action === 'lagesbild.week.freeze')).toHaveLength(2);
  });

  it('writes the audit entry before a view or an export, and refuses the view when the trail cannot be written', async () => {
    await fresh();
    const audit = recordingAudit();
    await lagesbild.exportWeekCounts(READER, audit, { week: '2026-W48' });
    await lagesbild.exportWeekEntries(READER, audit, { week: '2026-W48' });
    await lagesbild.exportRollup(READER, audit, '2026-Q4');
    await lagesbild.viewTrend(READER, audit, { lastWeek: '2026-W48', weeks: 157 });
    expect(audit.entries).toEqual([
      { actor: READER.id, action: 'lagesbild.export.counts', week: '2026-W48' },
      { actor: READER.id, action: 'lagesbild.export.entries', week: '2026-W48' },
      { actor: READER.id, action: 'lagesbild.export.rollup', period: '2026-Q4' },
      { actor: READER.id, action: 'lagesbild.trend.view', week: '2026-W48' },
    ]);
    const broken = () => Promise.reject(new Error('audit trail unavailable'));
    await expect(lagesbild.viewWeek(READER, broken, '2026-W48')).rejects.toThrow('audit trail unavailable');
    await expect(lagesbild.exportWeekCounts(READER, broken, { week: '2026-W48' })).rejects.toThrow('unavailable');
    await expect(lagesbild.exportRollup(READER, audit, '2026-Q5')).rejects.toBeInstanceOf(NotFoundError);
    await expect(lagesbild.viewTrend(READER, audit, { lastWeek: '2026-W48', weeks: 1000 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
