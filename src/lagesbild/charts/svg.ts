/**
 * A very small SVG writer: elements from a name, attributes and children,
 * with every text and attribute value escaped, so no label can break out
 * of its element (labels come from lists, but stay safe by construction).
 */

export type Attributes = Readonly<Record<string, string | number | undefined>>;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** An element; `children` are already-built elements or text (escaped here). */
export function el(name: string, attributes: Attributes = {}, ...children: (string | Raw)[]): Raw {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  const inner = children.map((child) => (typeof child === 'string' ? escapeXml(child) : child.markup)).join('');
  return { markup: inner === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>` };
}

/** Markup that is already built (and escaped). */
export interface Raw {
  readonly markup: string;
}

/** Rounds to two decimals, so coordinates stay short. */
export function px(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A step that gives about `ticks` grid lines up to at least `max`: 1, 2 or 5 times a power of ten. */
export function niceStep(max: number, ticks = 4): number {
  if (max <= ticks) return 1;
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw);
  return step ?? 10 * power;
}

/**
 * The two fills every chart uses, so tips and observations differ by
 * pattern as well as by colour (and in black-and-white print): tips solid
 * dark, observations white with dark diagonal hatching.
 */
export function fillPatterns(prefix: string): { defs: Raw; tips: string; observations: string } {
  const hatch = `${prefix}-hatch`;
  return {
    defs: el(
      'defs',
      {},
      el(
        'pattern',
        { id: hatch, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        el('rect', { width: 6, height: 6, fill: '#ffffff' }),
        el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#8a3b00', 'stroke-width': 3 }),
      ),
    ),
    tips: '#1d3f6e',
    observations: `url(#${hatch})`,
  };
}

/** The opening of a chart: role="img", labelled by its own title and description. */
export function chartRoot(
  options: { id: string; width: number; height: number; title: string; description: string },
  ...children: Raw[]
): string {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${options.width} ${options.height}`,
      width: options.width,
      height: options.height,
      role: 'img',
      'aria-labelledby': `${options.id}-title ${options.id}-desc`,
      class: 'lagesbild-chart',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'font-size': 12,
    },
    el('title', { id: `${options.id}-title` }, options.title),
    el('desc', { id: `${options.id}-desc` }, options.description),
    ...children,
  ).markup;
}
