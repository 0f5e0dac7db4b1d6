import { readFileSync } from 'node:fs';
import { periodCounts, trendPoints } from '../../src/lagesbild/count-matrix.ts';
import { groupByArea, type ActionView, type EntryView, type WeekPicture } from '../../src/lagesbild/week-picture.ts';
import { weekSpan, weeksEndingWith, type WeekId } from '../../src/platform/stockholm-week.ts';
import type { CountRow, TrendRow } from '../../src/store/lagesbild-store.ts';

/** A named lägesbild fixture (tests/fixtures/lagesbild/<name>.json): a week's rows as the store gives them. */
export interface LagesbildFixture {
  about: string;
  week: WeekId;
  counts: CountRow[];
  trend: TrendRow[];
  entries: EntryView[];
  notes: string;
  actions: ActionView[];
}

export function lagesbildFixture(name: string): LagesbildFixture {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/lagesbild/${name}.json`, import.meta.url), 'utf8'),
  ) as LagesbildFixture;
}

/** The week's picture made from a fixture by the same pure functions the use cases use. */
export function fixturePicture(fixture: LagesbildFixture, trendWeeks = 4): WeekPicture {
  const span = weekSpan(fixture.week);
  return {
    week: fixture.week,
    start: span.start,
    end: span.end,
    counts: periodCounts(fixture.counts),
    trend: trendPoints(weeksEndingWith(fixture.week, trendWeeks), fixture.trend),
    yearEarlier: null,
    entriesByArea: groupByArea(fixture.entries),
    notes: fixture.notes,
    actions: fixture.actions,
  };
}
