import { raw } from 'hono/html';
import { FOCUS_KEY_LABELS, PARTNER_LABELS, SOURCE_LABELS } from '../../../lagesbild/labels.ts';
import { weekChartsSvg, type WeekPicture } from '../../../lagesbild/index.ts';
import type { CountMatrix, TrendPoint } from '../../../lagesbild/count-matrix.ts';
import { FOCUS_KEYS } from '../../../lagesbild/count-matrix.ts';
import { weekSpan, type WeekId } from '../../../platform/stockholm-week.ts';
import { AREA_IDS, CATEGORY_IDS } from '../../../schemas/tip-options.ts';
import { LAGESBILD_PATH } from '../staff-paths.ts';
import { formatDay } from '../../../platform/stockholm-time.ts';
import { html, type Html } from './html.ts';
import { AREA_LABELS, CATEGORY_LABELS } from './labels.ts';
import { CATEGORY_SHORT_LABELS } from '../../../delivery/mail/labels.ts';

/**
 * The parts a week's page and a frozen version's page share: every number
 * as a real table (the charts beside them carry the same numbers), the
 * entries as summaries by district, the notes and the agreed actions.
 * Made from a WeekPicture only, so a version shows exactly what was frozen.
 */

export { LAGESBILD_PATH };

export function weekPath(week: string): string {
  return `${LAGESBILD_PATH}/${week}`;
}

export function versionPath(week: string, version: number): string {
  return `${weekPath(week)}/version/${version}`;
}

/** "vecka 48, 2026" for 2026-W48. */
export function weekName(week: string): string {
  const [year, number] = week.split('-W');
  return `vecka ${Number(number)}, ${year}`;
}

/** "23–29 november 2026" style dates of a week (Monday to Sunday), as YYYY-MM-DD. */
export function weekDates(week: WeekId): string {
  const span = weekSpan(week);
  return `${formatDay(span.start)} – ${formatDay(span.end - 1)}`;
}

const n = (value: number) => value.toLocaleString('sv-SE');

/**
 * The attributes of a table's wrapper, which scrolls sideways on a narrow
 * screen: a named region in the tab order, so keyboard users can scroll it
 * too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function scrollable(label: string): Html {
  return html`class="table-wrap" role="region" aria-label="${label}" tabindex="0"`;
}

/** District × event for one kind of count, with the sums. */
function matrixTable(id: string, caption: string, matrix: CountMatrix): Html {
  return html`<div ${scrollable(caption)}>
    <table class="numbers matrix" id="${id}">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">Område</th>
          ${CATEGORY_IDS.map(
            (category) =>
              html`<th scope="col">
                <abbr title="${CATEGORY_LABELS[category]}">${CATEGORY_SHORT_LABELS[category]}</abbr>
              </th>`,
          )}
          <th scope="col">Totalt</th>
        </tr>
      </thead>
      <tbody>
        ${AREA_IDS.map(
          (area) =>
            html`<tr>
              <th scope="row">${AREA_LABELS[area]}</th>
              ${CATEGORY_IDS.map((category) => html`<td>${n(matrix.cells[area][category])}</td>`)}
              <td class="sum">${n(matrix.byArea[area])}</td>
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Totalt</th>
          ${CATEGORY_IDS.map((category) => html`<td class="sum">${n(matrix.byCategory[category])}</td>`)}
          <td class="sum">${n(matrix.total)}</td>
        </tr>
      </tfoot>
    </table>
  </div>`;
}

/** Per district: tips, of which happening now, observations, together (the district chart's numbers). */
function districtTable(picture: WeekPicture): Html {
  const { tips, observations, together, happeningNow } = picture.counts;
  return html`<div ${scrollable('Per område')}>
    <table class="numbers" id="per-omrade">
      <caption>
        Per område
      </caption>
      <thead>
        <tr>
          <th scope="col">Område</th>
          <th scope="col">Tips</th>
          <th scope="col">Varav pågick just nu</th>
          <th scope="col">Observationer</th>
          <th scope="col">Totalt</th>
        </tr>
      </thead>
      <tbody>
        ${AREA_IDS.map(
          (area) =>
            html`<tr>
              <th scope="row">${AREA_LABELS[area]}</th>
              <td>${n(tips.byArea[area])}</td>
              <td>${n(happeningNow.byArea[area])}</td>
              <td>${n(observations.byArea[area])}</td>
              <td class="sum">${n(together.byArea[area])}</td>
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Totalt</th>
          <td class="sum">${n(tips.total)}</td>
          <td class="sum">${n(happeningNow.total)}</td>
          <td class="sum">${n(observations.total)}</td>
          <td class="sum">${n(together.total)}</td>
        </tr>
      </tfoot>
    </table>
  </div>`;
}

function focusTable(picture: WeekPicture): Html {
  const { tips, observations, together } = picture.counts;
  return html`<div ${scrollable('Per fokusområde')}>
    <table class="numbers" id="per-fokusomrade">
      <caption>
        Per fokusområde
      </caption>
      <thead>
        <tr>
          <th scope="col">Fokusområde</th>
          <th scope="col">Tips</th>
          <th scope="col">Observationer</th>
          <th scope="col">Totalt</th>
        </tr>
      </thead>
      <tbody>
        ${FOCUS_KEYS.map(
          (key) =>
            html`<tr>
              <th scope="row">${FOCUS_KEY_LABELS[key]}</th>
              <td>${n(tips.byFocusArea[key])}</td>
              <td>${n(observations.byFocusArea[key])}</td>
              <td class="sum">${n(together.byFocusArea[key])}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The trend's numbers, oldest week first (the trend chart's numbers). */
export function trendTable(points: readonly TrendPoint[], id: string, caption: string): Html {
  return html`<div ${scrollable(caption)}>
    <table class="numbers trend" id="${id}">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">Vecka</th>
          <th scope="col">Tips</th>
          <th scope="col">Observationer</th>
          <th scope="col">Totalt</th>
          ${FOCUS_KEYS.map((key) => html`<th scope="col">${FOCUS_KEY_LABELS[key]}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${points.map(
          (point) =>
            html`<tr>
              <th scope="row">${point.week}</th>
              <td>${n(point.tips)}</td>
              <td>${n(point.observations)}</td>
              <td class="sum">${n(point.together)}</td>
              ${FOCUS_KEYS.map((key) => html`<td>${n(point.byFocusArea[key])}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function yearEarlier(picture: WeekPicture): Html {
  const earlier = picture.yearEarlier;
  if (!earlier) {
    return html`<p>
      Det finns ingen jämförelse med samma vecka ett år tidigare: tjänsten har inga uppgifter så långt bak.
    </p>`;
  }
  const now = picture.counts;
  return html`<div ${scrollable('Jämfört med samma vecka ett år tidigare')}>
    <table class="numbers" id="ett-ar-tidigare">
      <caption>
        Jämfört med samma vecka ett år tidigare (${earlier.week})
      </caption>
      <thead>
        <tr>
          <th scope="col">Vecka</th>
          <th scope="col">Tips</th>
          <th scope="col">Observationer</th>
          <th scope="col">Totalt</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">${picture.week}</th>
          <td>${n(now.tips.total)}</td>
          <td>${n(now.observations.total)}</td>
          <td class="sum">${n(now.together.total)}</td>
        </tr>
        <tr>
          <th scope="row">${earlier.week}</th>
          <td>${n(earlier.counts.tips.total)}</td>
          <td>${n(earlier.counts.observations.total)}</td>
          <td class="sum">${n(earlier.counts.together.total)}</td>
        </tr>
      </tbody>
    </table>
  </div>`;
}

/** The week's numbers: the summary, per district (with its chart), per focus area, the matrices, the trend (with its chart). */
export function weekNumbers(picture: WeekPicture, idPrefix: string): Html {
  const charts = weekChartsSvg(picture, idPrefix);
  const { tips, observations, together, happeningNow } = picture.counts;
  return html`<section aria-labelledby="antal-rubrik">
    <h2 id="antal-rubrik">Antal</h2>
    <p class="lead">
      ${n(together.total)} totalt: ${n(tips.total)} tips via webbplatsen och ${n(observations.total)} observationer från
      samverkansparterna. ${n(happeningNow.total)} av tipsen kom medan det pågick ("händer just nu").
    </p>
    <p class="muted">
      I diagrammen är tips fyllda staplar och observationer randiga staplar; siffrorna står vid staplarna och i
      tabellerna.
    </p>
    <div class="chart-and-table">
      <figure class="chart">${raw(charts.districts)}</figure>
      ${districtTable(picture)}
    </div>
    ${focusTable(picture)} ${matrixTable('matris-totalt', 'Tips och observationer per område och händelse', together)}
    ${matrixTable('matris-tips', 'Tips per område och händelse', tips)}
    ${matrixTable('matris-observationer', 'Observationer per område och händelse', observations)}
    <h2 id="trend-rubrik">Trend</h2>
    <figure class="chart">${raw(charts.trend)}</figure>
    ${trendTable(picture.trend, 'trend-tabell', `De senaste ${picture.trend.length} veckorna`)} ${yearEarlier(picture)}
  </section>`;
}

export interface EntryLine {
  source: keyof typeof SOURCE_LABELS;
  area: keyof typeof AREA_LABELS;
  category: keyof typeof CATEGORY_LABELS;
  happeningNow: boolean;
  place: string | null;
  occurredOn: string | null;
  occurredTime: string | null;
  summary: string;
}

/** One entry: what, who reported it, when and where, then the summary (bidi-isolated: anyone may write Arabic). */
export function entryText(entry: EntryLine): Html {
  const when = [entry.occurredOn, entry.occurredTime].filter(Boolean).join(' ');
  return html`<p class="entry-meta">
      <strong>${CATEGORY_SHORT_LABELS[entry.category]}</strong> ·
      ${SOURCE_LABELS[entry.source]}${
        when ? ` · ${when}` : ''
      }${entry.place ? html` · <bdi>${entry.place}</bdi>` : ''}${entry.happeningNow ? ' · pågick när tipset kom' : ''}
    </p>
    <p class="entry-summary" dir="auto">${entry.summary}</p>`;
}

/** The entries by district, each with optional controls (the live week's edit and remove). */
export function entriesSection<T extends EntryLine>(
  groups: readonly { area: keyof typeof AREA_LABELS; entries: readonly T[] }[],
  controls?: (entry: T) => Html,
): Html {
  return html`<section aria-labelledby="poster-rubrik">
    <h2 id="poster-rubrik">Poster</h2>
    ${
      groups.length === 0
        ? html`<p>Inga tips eller observationer har lagts i veckans lägesbild.</p>`
        : groups.map(
            (group) =>
              html`<h3>${AREA_LABELS[group.area]}</h3>
                <ul class="entries">
                  ${group.entries.map((entry) => html`<li>${entryText(entry)}${controls ? controls(entry) : ''}</li>`)}
                </ul>`,
          )
    }
  </section>`;
}

export function notesText(notes: string): Html {
  return notes === ''
    ? html`<p>Inga mötesanteckningar.</p>`
    : html`<div class="meeting-notes" dir="auto">${notes}</div>`;
}

export interface ActionLine {
  what: string;
  who: keyof typeof PARTNER_LABELS;
  dueOn: string;
}

/** The agreed actions as a table; `controls` adds a column (the live week's edit and remove). */
export function actionsTable<T extends ActionLine>(actions: readonly T[], controls?: (action: T) => Html): Html {
  if (actions.length === 0) return html`<p>Inga överenskomna åtgärder.</p>`;
  return html`<div ${scrollable('Överenskomna åtgärder')}>
    <table id="atgarder-tabell">
      <caption class="visually-hidden">
        Överenskomna åtgärder
      </caption>
      <thead>
        <tr>
          <th scope="col">Vad</th>
          <th scope="col">Vem</th>
          <th scope="col">Senast</th>
          ${controls ? html`<th scope="col" class="no-print">Ändra</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${actions.map(
          (action) =>
            html`<tr>
              <td dir="auto">${action.what}</td>
              <td>${PARTNER_LABELS[action.who]}</td>
              <td>${action.dueOn}</td>
              ${controls ? html`<td class="no-print">${controls(action)}</td>` : ''}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
