import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLagesbild, type Lagesbild } from '../../src/lagesbild/index.ts';
import type { WeekPicture } from '../../src/lagesbild/week-picture.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { OBSERVATION_SOURCES } from '../../src/schemas/lagesbild-options.ts';
import { AREA_IDS, CATEGORY_IDS } from '../../src/schemas/tip-options.ts';
import { LAGESBILD_BACKENDS, type LagesbildDatabase } from '../helpers/lagesbild-backends.ts';
import {
  HANDLER,
  at,
  READER,
  daysBetween,
  deliverAll,
  generateObservations,
  generateTips,
  recordingAudit,
  seededRandom,
  storeTips,
  type RawObservation,
  type RawTip,
} from '../helpers/lagesbild-data.ts';
import { Tally, focusOf, isoWeekOfDate, isoWeekOfInstant, quarterOfIsoWeek } from '../helpers/lagesbild-oracle.ts';

/**
 * Sixty weeks of realistic data (2025-W48 to 2027-W02: a year change, both
 * summer-time changes and ISO week 2026-W53), on SQLite and PostgreSQL.
 * Every count, trend and roll-up the use cases give is checked against an
 * independent count of the raw rows (tests/helpers/lagesbild-oracle.ts);
 * then the retention purge deletes most tips and every figure must stay the
 * same, with no purged tip's text or reference left anywhere in the store.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
// Monday 2025-11-24 00:00 in Stockholm (CET) to Monday 2027-01-18 00:00: 60 ISO weeks.
const FROM = Date.parse('2025-11-23T23:00:00Z');
const TO = Date.parse('2027-01-17T23:00:00Z');
const NOW = TO + 2 * DAY;

/** Instants at the edges of weeks in Stockholm time, in winter, in summer, at both changes and around W53. */
const EDGES = [
  '2026-01-11T22:59:00Z', // Sunday 23:59 CET → 2026-W02
  '2026-01-11T23:00:00Z', // Monday 00:00 CET → 2026-W03
  '2026-03-29T00:59:00Z', // Sunday 01:59 CET, the night summer time begins → W13
  '2026-03-29T01:00:00Z', // Sunday 03:00 CEST → W13
  '2026-03-29T21:59:00Z', // Sunday 23:59 CEST → W13
  '2026-03-29T22:00:00Z', // Monday 00:00 CEST → W14
  '2026-06-14T21:59:00Z', // Sunday 23:59 CEST → W24
  '2026-06-14T22:00:00Z', // Monday 00:00 CEST → W25
  '2026-10-25T00:30:00Z', // Sunday 02:30 CEST, the night summer time ends → W43
  '2026-10-25T01:30:00Z', // Sunday 02:30 CET (the hour again) → W43
  '2026-10-25T22:59:00Z', // Sunday 23:59 CET → W43
  '2026-10-25T23:00:00Z', // Monday 00:00 CET → W44
  '2026-12-27T22:59:00Z', // Sunday 23:59 → 2026-W52
  '2026-12-27T23:00:00Z', // Monday 00:00 → 2026-W53
  '2027-01-03T22:59:00Z', // Sunday 23:59 → 2026-W53
  '2027-01-03T23:00:00Z', // Monday 00:00 → 2027-W01
].map(Date.parse);

/** What the independent count expects of one week. */
interface Expected {
  tips: Tally;
  observations: Tally;
  happeningNow: number;
  entries: number;
}

function expectWeek(picture: WeekPicture, expected: Expected | undefined): void {
  const tips = expected?.tips ?? new Tally();
  const observations = expected?.observations ?? new Tally();
  for (const area of AREA_IDS) {
    for (const category of CATEGORY_IDS) {
      const key = `${area}|${category}`;
      expect(picture.counts.tips.cells[area][category], `${picture.week} tips ${key}`).toBe(tips.get(key));
      expect(picture.counts.observations.cells[area][category], `${picture.week} obs ${key}`).toBe(
        observations.get(key),
      );
      expect(picture.counts.together.cells[area][category]).toBe(tips.get(key) + observations.get(key));
    }
    expect(picture.counts.tips.byArea[area]).toBe(tips.get(area));
  }
  for (const focus of ['gang-crime', 'public-spaces', 'close-relationships', 'andts', 'none'] as const) {
    expect(picture.counts.together.byFocusArea[focus], `${picture.week} ${focus}`).toBe(
      tips.get(`focus:${focus}`) + observations.get(`focus:${focus}`),
    );
  }
  for (const source of OBSERVATION_SOURCES) {
    expect(picture.counts.bySource[source]).toBe(observations.get(`source:${source}`));
  }
  expect(picture.counts.tips.total).toBe(tips.get('total'));
  expect(picture.counts.observations.total).toBe(observations.get('total'));
  expect(picture.counts.happeningNow.total, `${picture.week} happening now`).toBe(expected?.happeningNow ?? 0);
  const entries = picture.entriesByArea.reduce((sum, group) => sum + group.entries.length, 0);
  expect(entries, `${picture.week} entries`).toBe(expected?.entries ?? 0);
}

describe.each(LAGESBILD_BACKENDS)('Lägesbild counts on $name (60 weeks of data)', (backend) => {
  const clock = manualClock(NOW);
  let database: LagesbildDatabase;
  let lagesbild: Lagesbild;
  const audit = recordingAudit();
  let tips: RawTip[];
  let references: string[];
  let observations: RawObservation[];
  const entryTips = new Set<number>();
  const weeks: string[] = [...new Set(daysBetween('2025-11-24', '2027-01-17').map(isoWeekOfDate))];
  const expected = new Map<string, Expected>();
  const perQuarter = new Tally();

  beforeAll(async () => {
    await backend.setup();
    database = await backend.fresh(NOW);
    lagesbild = createLagesbild({ store: database.lagesbild, clock });
    const random = seededRandom(20261130);
    tips = [
      ...generateTips(random, 1200, FROM, TO),
      ...EDGES.map((acceptedAt, n) => ({
        ...at(generateTips(random, 1, acceptedAt, acceptedAt + MINUTE), 0),
        description: `KANARIE-E${n} kant`,
      })),
    ];
    observations = generateObservations(random, 300, daysBetween('2025-11-24', '2027-01-17'));
    references = await storeTips(database.tips, tips);
    for (const observation of observations) {
      await lagesbild.addObservation(HANDLER, audit, {
        source: observation.source,
        category: observation.category,
        area: observation.area,
        place: observation.place,
        date: observation.date,
        time: observation.time,
        summary: observation.summary,
      });
    }
    // Every seventh tip goes into the lägesbild with a handler's summary.
    for (let n = 0; n < tips.length; n += 7) {
      await lagesbild.addTipEntry(HANDLER, audit, { tipReference: at(references, n), summary: `Sammanfattning ${n}` });
      entryTips.add(n);
    }

    const week = (key: string) => {
      let found = expected.get(key);
      if (!found) {
        found = { tips: new Tally(), observations: new Tally(), happeningNow: 0, entries: 0 };
        expected.set(key, found);
      }
      return found;
    };
    tips.forEach((tip, n) => {
      const id = isoWeekOfInstant(tip.acceptedAt);
      const target = week(id);
      for (const key of [`${tip.area}|${tip.category}`, tip.area, `focus:${focusOf(tip.category)}`, 'total']) {
        target.tips.add(key);
      }
      if (tip.happeningNow) target.happeningNow += 1;
      if (entryTips.has(n)) target.entries += 1;
      perQuarter.add(`${quarterOfIsoWeek(id)}|${tip.area}|${tip.category}|tip`);
    });
    for (const observation of observations) {
      const id = isoWeekOfDate(observation.date);
      const target = week(id);
      for (const key of [
        `${observation.area}|${observation.category}`,
        `focus:${focusOf(observation.category)}`,
        `source:${observation.source}`,
        'total',
      ]) {
        target.observations.add(key);
      }
      target.entries += 1;
      perQuarter.add(`${quarterOfIsoWeek(id)}|${observation.area}|${observation.category}|${observation.source}`);
    }
  }, 300_000);

  afterAll(async () => {
    await database?.cleanup();
    await backend.teardown();
  });

  it('has the sixty weeks the data spans, W53 among them', () => {
    expect(weeks).toHaveLength(60);
    expect(weeks).toContain('2026-W53');
    expect(weeks[0]).toBe('2025-W48');
    expect(weeks.at(-1)).toBe('2027-W02');
  });

  it('counts every week like an independent count of the raw rows (districts × events, focus areas, sources, happening now, entries)', async () => {
    for (const week of weeks) expectWeek((await lagesbild.viewWeek(READER, audit, week)).picture, expected.get(week));
    // The edge instants each land in the week the ISO rule in Stockholm time gives.
    expect(EDGES.map(isoWeekOfInstant)).toEqual([
      '2026-W02',
      '2026-W03',
      '2026-W13',
      '2026-W13',
      '2026-W13',
      '2026-W14',
      '2026-W24',
      '2026-W25',
      '2026-W43',
      '2026-W43',
      '2026-W43',
      '2026-W44',
      '2026-W52',
      '2026-W53',
      '2026-W53',
      '2027-W01',
    ]);
  }, 120_000);

  it('gives the trend of every week and the same week a year earlier when there is one', async () => {
    const trend = await lagesbild.viewTrend(READER, audit, { lastWeek: '2027-W02', weeks: 60 });
    expect(trend.map((point) => point.week)).toEqual(weeks);
    for (const point of trend) {
      const found = expected.get(point.week);
      expect(point.tips, point.week).toBe(found?.tips.get('total') ?? 0);
      expect(point.observations, point.week).toBe(found?.observations.get('total') ?? 0);
      expect(point.together).toBe(point.tips + point.observations);
      expect(point.byFocusArea.andts).toBe(
        (found?.tips.get('focus:andts') ?? 0) + (found?.observations.get('focus:andts') ?? 0),
      );
    }
    const w48 = (await lagesbild.viewWeek(READER, audit, '2026-W48')).picture;
    expect(w48.trend.map((point) => point.week)).toEqual(
      weeks.slice(weeks.indexOf('2026-W48') - 12, weeks.indexOf('2026-W48') + 1),
    );
    expect(w48.yearEarlier?.week).toBe('2025-W48');
    expect(w48.yearEarlier?.counts.tips.total).toBe(expected.get('2025-W48')?.tips.get('total'));
    expect(w48.yearEarlier?.counts.observations.total).toBe(expected.get('2025-W48')?.observations.get('total'));
    // Before the data began there is nothing to compare with; 2025 has no week 53.
    expect((await lagesbild.viewWeek(READER, audit, '2026-W47')).picture.yearEarlier).toBeNull();
    expect((await lagesbild.viewWeek(READER, audit, '2026-W53')).picture.yearEarlier).toBeNull();
  });

  it('rolls up quarters and the year per district × event × source like the raw rows', async () => {
    let yearTotal = 0;
    for (const quarter of ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']) {
      const rollup = await lagesbild.viewRollup(READER, audit, quarter);
      const got = new Map(rollup.rows.map((row) => [`${row.area}|${row.category}|${row.source}`, row.count]));
      const want = [...perQuarter.counts].filter(([key]) => key.startsWith(`${quarter}|`));
      expect(got.size, quarter).toBe(want.length);
      for (const [key, count] of want) expect(got.get(key.slice(quarter.length + 1)), key).toBe(count);
      yearTotal += rollup.counts.together.total;
    }
    const year = await lagesbild.viewRollup(READER, audit, '2026');
    expect(year.first).toBe('2026-W01');
    expect(year.last).toBe('2026-W53');
    expect(year.counts.together.total).toBe(yearTotal);
    expect(
      audit.entries.filter((entry) => entry.action === 'lagesbild.rollup.view').map((entry) => entry.period),
    ).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026']);
  });

  it('keeps every count after the retention purge, and no purged tip text or reference anywhere in the store', async () => {
    const before = new Map<string, WeekPicture>();
    for (const week of weeks) before.set(week, (await lagesbild.viewWeek(READER, audit, week)).picture);
    const trendBefore = await lagesbild.viewTrend(READER, audit, { lastWeek: '2027-W02', weeks: 60 });
    const rollupBefore = await lagesbild.viewRollup(READER, audit, '2026');

    // Deliver everything, then move the clock: 90 days' retention from 2026-09-01 purges what came before 2026-06-03.
    await deliverAll(database.tips, NOW);
    const purgeAt = Date.parse('2026-09-01T10:00:00Z');
    const cutoff = purgeAt - 90 * DAY;
    const purged = tips.map((tip, n) => ({ tip, n })).filter(({ tip }) => tip.acceptedAt < cutoff);
    expect(purged.length).toBeGreaterThan(300);
    clock.set(purgeAt);
    expect((await database.tips.purge(purgeAt, 90)).tips).toBe(purged.length);

    for (const week of weeks) {
      const after = (await lagesbild.viewWeek(READER, audit, week)).picture;
      expect(after.counts, week).toEqual(before.get(week)?.counts);
      expect(after.entriesByArea, week).toEqual(before.get(week)?.entriesByArea);
      expectWeek(after, expected.get(week));
    }
    expect(await lagesbild.viewTrend(READER, audit, { lastWeek: '2027-W02', weeks: 60 })).toEqual(trendBefore);
    expect(await lagesbild.viewRollup(READER, audit, '2026')).toEqual(rollupBefore);

    // Entries of purged tips keep the handler's summary and lose every link to the tip.
    const purgedEntry = purged.find(({ n }) => entryTips.has(n));
    const keptEntry = [...entryTips].find((n) => at(tips, n).acceptedAt >= cutoff);
    if (!purgedEntry || keptEntry === undefined)
      throw new Error('the data should have entries on both sides of the cutoff');
    const entryOf = async (n: number) =>
      (await lagesbild.viewWeek(HANDLER, audit, isoWeekOfInstant(at(tips, n).acceptedAt))).entriesByArea
        .flatMap((group) => group.entries)
        .find((entry) => entry.summary === `Sammanfattning ${n}`);
    expect(await entryOf(purgedEntry.n)).toMatchObject({ source: 'tip', tipReference: null });
    expect((await entryOf(keptEntry))?.tipReference).toBe(references[keptEntry]);

    const purgedReferences = new Set(purged.map(({ n }) => references[n]));
    const keptReferences = references.filter((reference) => !purgedReferences.has(reference));
    const canaries = new Set(purged.map(({ tip }) => /KANARIE-E?\d+/.exec(tip.description)?.[0]));
    const search = (text: string) => ({
      references: [...new Set(text.match(/[ACDEFGHJKMNPQRTWXY346789]{4}-[ACDEFGHJKMNPQRTWXY346789]{4}/g) ?? [])].filter(
        (reference) => purgedReferences.has(reference),
      ),
      texts: [...new Set(text.match(/KANARIE-E?\d+/g) ?? [])].filter((canary) => canaries.has(canary)),
    });
    const rows = await database.allRows();
    expect(search(rows)).toEqual({ references: [], texts: [] });
    expect(search(database.rawFiles())).toEqual({ references: [], texts: [] });
    // The search can find what is there: the tips that were kept are found.
    expect(rows).toContain(keptReferences[0]);
    console.info(
      `[${backend.name}] purged ${purged.length} of ${tips.length} tips; counts of ${weeks.length} weeks unchanged; ` +
        `purged references or texts found in the store: 0`,
    );

    // Everything purged: still the same counts.
    clock.set(NOW + 400 * DAY);
    await database.tips.purge(NOW + 400 * DAY, 90);
    expect(await lagesbild.viewTrend(READER, audit, { lastWeek: '2027-W02', weeks: 60 })).toEqual(trendBefore);
    expect(search(await database.allRows()).references).toEqual([]);
    expect(await database.allRows()).not.toMatch(/KANARIE/);
    expect(database.rawFiles()).not.toMatch(/KANARIE/);
  }, 180_000);
});
