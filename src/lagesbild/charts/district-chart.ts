import { AREA_IDS } from '../../schemas/tip-options.ts';
import type { PeriodCounts } from '../count-matrix.ts';
import { AREA_LABELS } from '../labels.ts';
import { chartRoot, el, fillPatterns, niceStep, px, type Raw } from './svg.ts';

const WIDTH = 720;
const ROW = 40;
const MARGIN = { top: 16, right: 48, bottom: 40, left: 210 };
const BAR = 14;

/** "Sjödalen-Fullersta (med Huddinge centrum)" → "Sjödalen-Fullersta": the chart's rows are short; the table has the full name. */
function shortLabel(label: string): string {
  return label.replace(/\s*\(.*\)$/, '');
}

/**
 * The week's counts per district as pairs of horizontal bars: tips (solid)
 * and observations (hatched), each with its number written at its end, and
 * every district named at the left. All districts are shown, zeros too.
 */
export function districtChartSvg(counts: PeriodCounts, options: { id: string; week: string; title?: string }): string {
  const height = MARGIN.top + AREA_IDS.length * ROW + MARGIN.bottom;
  const max = Math.max(
    1,
    ...AREA_IDS.map((area) => Math.max(counts.tips.byArea[area], counts.observations.byArea[area])),
  );
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const x = (value: number) => MARGIN.left + (value / top) * plotWidth;
  const fills = fillPatterns(options.id);

  const grid: Raw[] = [];
  for (let value = 0; value <= top; value += step) {
    grid.push(
      el('line', { x1: px(x(value)), x2: px(x(value)), y1: MARGIN.top, y2: height - MARGIN.bottom, stroke: '#c8c8c8' }),
      el('text', { x: px(x(value)), y: height - MARGIN.bottom + 14, 'text-anchor': 'middle' }, String(value)),
    );
  }

  const rows = AREA_IDS.map((area, index) => {
    const rowTop = MARGIN.top + index * ROW;
    const tips = counts.tips.byArea[area];
    const observations = counts.observations.byArea[area];
    const bar = (value: number, offset: number, fill: string, kind: string, stroke?: string): Raw[] => [
      el('rect', {
        x: MARGIN.left,
        y: rowTop + offset,
        width: px(Math.max(0, x(value) - MARGIN.left)),
        height: BAR,
        fill,
        stroke: value > 0 ? stroke : undefined,
        class: kind,
      }),
      el('text', { x: px(x(value) + 4), y: rowTop + offset + BAR - 3, class: kind }, String(value)),
    ];
    return el(
      'g',
      { 'data-area': area, 'data-tips': tips, 'data-observations': observations },
      el('title', {}, `${AREA_LABELS[area]}: ${tips} tips, ${observations} observationer`),
      el(
        'text',
        { x: MARGIN.left - 8, y: rowTop + BAR + 5, 'text-anchor': 'end', class: 'area' },
        shortLabel(AREA_LABELS[area]),
      ),
      ...bar(tips, 3, fills.tips, 'tips'),
      ...bar(observations, 3 + BAR + 2, fills.observations, 'observations', '#8a3b00'),
    );
  });

  const legendY = height - 10;
  const legend = el(
    'g',
    { class: 'legend' },
    el('rect', { x: MARGIN.left, y: legendY - 10, width: 14, height: 12, fill: fills.tips }),
    el('text', { x: MARGIN.left + 20, y: legendY }, 'Tips (helfyllt)'),
    el('rect', {
      x: MARGIN.left + 130,
      y: legendY - 10,
      width: 14,
      height: 12,
      fill: fills.observations,
      stroke: '#8a3b00',
    }),
    el('text', { x: MARGIN.left + 150, y: legendY }, 'Observationer (randigt)'),
  );

  const busiest = [...AREA_IDS].sort((a, b) => counts.together.byArea[b] - counts.together.byArea[a])[0];
  const description =
    `Vågräta staplar per område för vecka ${options.week}: tips och observationer, med antalet vid varje stapel. ` +
    `Totalt ${counts.tips.total} tips och ${counts.observations.total} observationer` +
    (busiest && counts.together.byArea[busiest] > 0
      ? `; flest i ${AREA_LABELS[busiest]} (${counts.together.byArea[busiest]}).`
      : '.') +
    ' Samma siffror finns i tabellen bredvid.';

  return chartRoot(
    {
      id: options.id,
      width: WIDTH,
      height,
      title: options.title ?? `Tips och observationer per område, vecka ${options.week}`,
      description,
    },
    fills.defs,
    el('g', { class: 'grid' }, ...grid),
    el('g', { class: 'rows' }, ...rows),
    legend,
  );
}
