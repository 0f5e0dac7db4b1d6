import type { TrendPoint } from '../count-matrix.ts';
import { chartRoot, el, fillPatterns, niceStep, px, type Raw } from './svg.ts';

const WIDTH = 720;
const HEIGHT = 300;
const MARGIN = { top: 24, right: 12, bottom: 58, left: 44 };
/** Up to this many weeks each bar carries its total as a direct label. */
const LABELLED_BARS = 26;

/** "v48" for 2026-W48; the year is added where it changes. */
function weekLabel(week: string, previous: string | undefined): string {
  const [year, number] = week.split('-W');
  return previous === undefined || !previous.startsWith(`${year}-`) ? `v${number} ${year}` : `v${number}`;
}

/**
 * The trend as stacked bars per week: tips (solid) below observations
 * (hatched), with a legend, a y axis with grid lines, week labels, each
 * bar's total written above it (for up to 26 weeks) and every bar's numbers
 * in its own <title>. The page shows a table with the same numbers beside it.
 */
export function trendChartSvg(points: readonly TrendPoint[], options: { id: string; title?: string }): string {
  const first = points[0]?.week ?? '';
  const last = points.at(-1)?.week ?? '';
  const max = Math.max(1, ...points.map((point) => point.together));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, points.length);
  const barWidth = Math.max(1, slot * 0.72);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const fills = fillPatterns(options.id);
  const labelEvery = Math.max(1, Math.ceil(points.length / 13));

  const grid: Raw[] = [];
  for (let value = 0; value <= top; value += step) {
    grid.push(
      el('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: px(y(value)), y2: px(y(value)), stroke: '#c8c8c8' }),
      el('text', { x: MARGIN.left - 6, y: px(y(value) + 4), 'text-anchor': 'end' }, String(value)),
    );
  }

  const bars = points.map((point, index) => {
    const x = MARGIN.left + index * slot + (slot - barWidth) / 2;
    const parts: Raw[] = [
      el(
        'title',
        {},
        `${point.week}: ${point.tips} tips, ${point.observations} observationer, totalt ${point.together}`,
      ),
    ];
    if (point.tips > 0) {
      parts.push(
        el('rect', {
          x: px(x),
          y: px(y(point.tips)),
          width: px(barWidth),
          height: px(y(0) - y(point.tips)),
          fill: fills.tips,
          class: 'tips',
        }),
      );
    }
    if (point.observations > 0) {
      parts.push(
        el('rect', {
          x: px(x),
          y: px(y(point.together)),
          width: px(barWidth),
          height: px(y(point.tips) - y(point.together)),
          fill: fills.observations,
          stroke: '#8a3b00',
          class: 'observations',
        }),
      );
    }
    if (points.length <= LABELLED_BARS) {
      parts.push(
        el(
          'text',
          { x: px(x + barWidth / 2), y: px(y(point.together) - 4), 'text-anchor': 'middle', class: 'total' },
          String(point.together),
        ),
      );
    }
    if (index % labelEvery === 0) {
      const previousLabelled = index >= labelEvery ? points[index - labelEvery]?.week : undefined;
      parts.push(
        el(
          'text',
          { x: px(x + barWidth / 2), y: HEIGHT - MARGIN.bottom + 16, 'text-anchor': 'middle', class: 'week' },
          weekLabel(point.week, previousLabelled),
        ),
      );
    }
    return el(
      'g',
      { 'data-week': point.week, 'data-tips': point.tips, 'data-observations': point.observations },
      ...parts,
    );
  });

  const legendY = HEIGHT - 16;
  const legend = el(
    'g',
    { class: 'legend' },
    el('rect', { x: MARGIN.left, y: legendY - 10, width: 14, height: 12, fill: fills.tips }),
    el('text', { x: MARGIN.left + 20, y: legendY }, 'Tips via webbplatsen (helfyllt)'),
    el('rect', {
      x: MARGIN.left + 250,
      y: legendY - 10,
      width: 14,
      height: 12,
      fill: fills.observations,
      stroke: '#8a3b00',
    }),
    el('text', { x: MARGIN.left + 270, y: legendY }, 'Observationer från samverkansparterna (randigt)'),
  );

  const totals = points.reduce((sum, point) => sum + point.together, 0);
  const peak = points.reduce<TrendPoint | undefined>(
    (best, point) => (best && best.together >= point.together ? best : point),
    undefined,
  );
  const description =
    points.length === 0
      ? 'Inga veckor att visa.'
      : `Staplar per vecka från ${first} till ${last}: tips längst ned, observationer ovanpå. ` +
        `Totalt ${totals} under perioden; flest vecka ${peak?.week ?? ''} (${peak?.together ?? 0}). ` +
        `Samma siffror finns i tabellen bredvid.`;

  return chartRoot(
    {
      id: options.id,
      width: WIDTH,
      height: HEIGHT,
      title: options.title ?? `Tips och observationer per vecka, ${first}–${last}`,
      description,
    },
    fills.defs,
    el('g', { class: 'grid' }, ...grid),
    el('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: px(y(0)), y2: px(y(0)), stroke: '#000000' }),
    el('g', { class: 'bars' }, ...bars),
    legend,
  );
}
