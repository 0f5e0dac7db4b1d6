import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { districtChartSvg, trendChartSvg, weekChartsSvg } from '../../src/lagesbild/index.ts';
import type { WeekId } from '../../src/platform/stockholm-week.ts';
import { AREA_IDS } from '../../src/schemas/tip-options.ts';
import { fixturePicture, lagesbildFixture } from '../helpers/lagesbild-fixtures.ts';

/**
 * The server-rendered charts: well-formed XML, an image with a title and a
 * description, tips and observations told apart by pattern as well as
 * colour, and the same numbers as the table (added up here from the rows).
 */

const fixture = lagesbildFixture('tricky-week');
const picture = fixturePicture(fixture, 4);

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['g', 'rect', 'text', 'line'].includes(name),
});

function parseSvg(svg: string): Node {
  expect(XMLValidator.validate(svg)).toBe(true);
  return (parser.parse(svg) as { svg: Node }).svg;
}

function groups(svg: Node, className: string): Node[] {
  const outer = (svg.g as Node[]).find((group) => group.class === className);
  return (outer?.g as Node[] | undefined) ?? [];
}

function expectAccessibleImage(svg: Node): void {
  expect(svg.role).toBe('img');
  const [titleId, descId] = String(svg['aria-labelledby']).split(' ');
  const title = svg.title as Node;
  const desc = svg.desc as Node;
  expect(title.id).toBe(titleId);
  expect(desc.id).toBe(descId);
  expect(String(title['#text']).length).toBeGreaterThan(10);
  expect(String(desc['#text'])).toContain('tabellen');
}

describe('lägesbild charts', () => {
  it('draws the districts of the week with the table’s numbers at each bar', () => {
    const svg = parseSvg(districtChartSvg(picture.counts, { id: 'w48-districts', week: '2026-W48' }));
    expectAccessibleImage(svg);
    const tips = new Map<string, number>();
    const observations = new Map<string, number>();
    for (const row of fixture.counts) {
      const target = row.source === 'tip' ? tips : observations;
      target.set(row.area, (target.get(row.area) ?? 0) + row.count);
    }
    const rows = groups(svg, 'rows');
    expect(rows.map((row) => row['data-area'])).toEqual([...AREA_IDS]);
    for (const row of rows) {
      const area = String(row['data-area']);
      expect(Number(row['data-tips']), area).toBe(tips.get(area) ?? 0);
      expect(Number(row['data-observations']), area).toBe(observations.get(area) ?? 0);
      const labels = (row.text as Node[]).filter((text) => text.class !== 'area').map((text) => Number(text['#text']));
      expect(labels, area).toEqual([tips.get(area) ?? 0, observations.get(area) ?? 0]);
      expect(String(row.title)).toContain(`${tips.get(area) ?? 0} tips`);
    }
    expect(String((svg.desc as Node)['#text'])).toContain('Totalt 15 tips och 7 observationer');
  });

  it('draws the trend as stacked bars: totals written above, tips solid, observations hatched', () => {
    const svg = parseSvg(trendChartSvg(picture.trend, { id: 'w48-trend' }));
    expectAccessibleImage(svg);
    const sums = new Map<string, { tips: number; observations: number }>();
    for (const row of fixture.trend) {
      const sum = sums.get(row.week) ?? { tips: 0, observations: 0 };
      if (row.kind === 'tip') sum.tips += row.count;
      else sum.observations += row.count;
      sums.set(row.week, sum);
    }
    const bars = groups(svg, 'bars');
    expect(bars.map((bar) => bar['data-week'])).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    for (const bar of bars) {
      const want = sums.get(String(bar['data-week'])) ?? { tips: 0, observations: 0 };
      expect(Number(bar['data-tips'])).toBe(want.tips);
      expect(Number(bar['data-observations'])).toBe(want.observations);
      const total = (bar.text as Node[]).find((text) => text.class === 'total');
      expect(Number(total?.['#text'])).toBe(want.tips + want.observations);
      for (const rect of (bar.rect as Node[] | undefined) ?? []) {
        if (rect.class === 'observations') expect(rect.fill).toBe('url(#w48-trend-hatch)');
        else expect(rect.fill).toMatch(/^#/);
      }
    }
    const legend = (svg.g as Node[]).find((group) => group.class === 'legend');
    expect((legend?.text as Node[]).map((text) => text['#text'])).toEqual([
      'Tips via webbplatsen (helfyllt)',
      'Observationer från samverkansparterna (randigt)',
    ]);
  });

  it('stays well-formed with markup in a title, and gives each chart on a page its own ids', () => {
    const svg = trendChartSvg(picture.trend, { id: 'x', title: 'Vecka <48> & "mer"' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Vecka &lt;48&gt; &amp; &quot;mer&quot;');
    const charts = weekChartsSvg(picture, 'page');
    const ids = [...`${charts.trend}${charts.districts}`.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws a three-year trend without per-bar labels but with every week’s numbers in its title', () => {
    const weeks = Array.from({ length: 157 }, (_, n) => ({
      week: `2026-W${String((n % 52) + 1).padStart(2, '0')}` as WeekId,
      tips: n % 7,
      observations: n % 3,
      together: (n % 7) + (n % 3),
      byFocusArea: { 'gang-crime': 0, 'public-spaces': 0, 'close-relationships': 0, andts: 0, none: 0 },
    }));
    const svg = parseSvg(trendChartSvg(weeks, { id: 'three-years' }));
    const bars = groups(svg, 'bars');
    expect(bars).toHaveLength(157);
    expect(bars.every((bar) => !((bar.text as Node[] | undefined) ?? []).some((text) => text.class === 'total'))).toBe(
      true,
    );
    expect(String(bars[10]?.title)).toContain(`${10 % 7} tips, ${10 % 3} observationer`);
  });
});
