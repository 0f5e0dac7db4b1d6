import type { FrozenWeek, Rollup } from '../../../lagesbild/index.ts';
import { trendChartSvg } from '../../../lagesbild/index.ts';
import type { TrendPoint } from '../../../lagesbild/count-matrix.ts';
import { FOCUS_KEY_LABELS, SOURCE_LABELS } from '../../../lagesbild/labels.ts';
import { focusKeyOf } from '../../../lagesbild/count-matrix.ts';
import type { WeekId } from '../../../platform/stockholm-week.ts';
import type { SignedIn } from '../../../staff/actor.ts';
import type { StoredAction, StoredEntry } from '../../../store/lagesbild-store.ts';
import { raw } from 'hono/html';
import { errorSummary, html, timeTag, type FieldError, type Html } from './html.ts';
import { actionFields, observationFields, postForm, tipSummaryField, type FormState } from './lagesbild-forms.ts';
import {
  LAGESBILD_PATH,
  actionsTable,
  entriesSection,
  entryText,
  notesText,
  scrollable,
  trendTable,
  weekDates,
  weekName,
  weekNumbers,
  weekPath,
} from './lagesbild-parts.ts';
import { AREA_LABELS, CATEGORY_LABELS } from './labels.ts';
import { staffPage } from './layout.ts';

/** A frozen version, exactly as it was frozen; no forms (a version never changes). */
export function versionPage(view: {
  signedIn: SignedIn;
  frozen: FrozenWeek;
  frozenByName: string;
  newest: number;
}): Html {
  const { frozen, signedIn } = view;
  const { picture, week, version } = frozen;
  return staffPage(
    { title: `Lägesbild ${weekName(week)}, version ${version}`, signedIn, section: 'lagesbild' },
    html`<h1>Lägesbild ${weekName(week)}, version ${version}</h1>
      <p class="lead">${weekDates(week)} (${week})</p>
      <p class="notice" id="status-rad">
        Fastställd ${timeTag(frozen.frozenAt)} av ${view.frozenByName}. Den här versionen ändras aldrig.
        ${version < view.newest ? html`Det finns en senare version (${view.newest}).` : ''}
      </p>
      <nav class="week-nav no-print" aria-label="Veckan">
        <ul>
          <li><a href="${weekPath(week)}">Veckan som den är nu</a></li>
          <li><a href="${weekPath(week)}/antal.csv?version=${version}" download>Versionens antal (CSV)</a></li>
          <li><a href="${weekPath(week)}/poster.csv?version=${version}" download>Versionens poster (CSV)</a></li>
        </ul>
      </nav>
      ${weekNumbers(picture, `version-${version}`)} ${entriesSection(picture.entriesByArea)}
      <section aria-labelledby="anteckningar-rubrik">
        <h2 id="anteckningar-rubrik">Mötesanteckningar</h2>
        ${notesText(picture.notes)}
      </section>
      <section aria-labelledby="atgarder-rubrik">
        <h2 id="atgarder-rubrik">Överenskomna åtgärder</h2>
        ${actionsTable(picture.actions)}
      </section>`,
  );
}

/** How many weeks the trend page offers (three years at most, as the issue asks). */
export const TREND_CHOICES = [13, 26, 52, 104, 157] as const;

export function trendPage(view: {
  signedIn: SignedIn;
  lastWeek: WeekId;
  weeks: number;
  points: TrendPoint[];
  errors: FieldError[];
  values: { till: string; veckor: string };
}): Html {
  const { points, lastWeek } = view;
  const first = points[0]?.week ?? lastWeek;
  const totals = points.reduce(
    (sum, point) => ({
      tips: sum.tips + point.tips,
      observations: sum.observations + point.observations,
    }),
    { tips: 0, observations: 0 },
  );
  const tillError = view.errors.find((error) => error.field === 'till');
  return staffPage(
    {
      title: `${view.errors.length > 0 ? 'Fel: ' : ''}Lägesbildens trend`,
      signedIn: view.signedIn,
      section: 'lagesbild',
    },
    html`${errorSummary(view.errors)}
      <h1>Trend</h1>
      <p class="lead">${first} till ${lastWeek}: ${points.length} veckor.</p>
      <form method="get" action="${LAGESBILD_PATH}/trend" class="filters no-print">
        <div class="${tillError ? 'field field--error' : 'field'}">
          <label for="till">Till och med vecka</label>
          <span class="hint" id="till-hint">Till exempel 2026-W48</span>
          ${tillError ? html`<span class="error-message" id="till-error">Fel: ${tillError.message}</span>` : ''}
          <input
            type="text"
            id="till"
            name="till"
            value="${view.values.till}"
            aria-describedby="till-hint${tillError ? ' till-error' : ''}"
          />
        </div>
        <div class="field">
          <label for="veckor">Antal veckor</label>
          <select id="veckor" name="veckor">
            ${TREND_CHOICES.map(
              (choice) =>
                html`<option value="${choice}" ${choice === view.weeks ? html`selected` : ''}>
                  ${choice === 157 ? '157 (tre år)' : choice === 52 ? '52 (ett år)' : String(choice)}
                </option>`,
            )}
          </select>
        </div>
        <div class="actions"><button type="submit">Visa</button></div>
      </form>
      <p>
        Totalt ${totals.tips.toLocaleString('sv-SE')} tips och ${totals.observations.toLocaleString('sv-SE')}
        observationer. Tips räknas även sedan tipsen själva har raderats.
      </p>
      <figure class="chart">${raw(trendChartSvg(points, { id: 'trend-lang' }))}</figure>
      ${trendTable(points, 'trend-tabell', `Per vecka, ${first} till ${lastWeek}`)}`,
  );
}

export function rollupPage(view: {
  signedIn: SignedIn;
  rollup: Rollup | undefined;
  period: string;
  errors: FieldError[];
}): Html {
  const { rollup } = view;
  const error = view.errors.find((candidate) => candidate.field === 'period');
  return staffPage(
    {
      title: `${view.errors.length > 0 ? 'Fel: ' : ''}Sammanställning${rollup ? ` ${rollup.period}` : ''}`,
      signedIn: view.signedIn,
      section: 'lagesbild',
    },
    html`${errorSummary(view.errors)}
      <h1>Sammanställning${rollup ? ` ${rollup.period}` : ''}</h1>
      <p>
        Antal per område, händelse och källa för ett kvartal eller ett år: underlaget för kommunens lägesbild i det
        brottsförebyggande arbetet. Ett kvartal är hela ISO-veckor (en vecka hör till kvartalet för sin torsdag).
      </p>
      <form method="get" action="${LAGESBILD_PATH}/sammanstallning" class="filters no-print">
        <div class="${error ? 'field field--error' : 'field'}">
          <label for="period">Period</label>
          <span class="hint" id="period-hint">Ett kvartal som 2026-Q3 eller ett år som 2026</span>
          ${error ? html`<span class="error-message" id="period-error">Fel: ${error.message}</span>` : ''}
          <input
            type="text"
            id="period"
            name="period"
            value="${view.period}"
            aria-describedby="period-hint${error ? ' period-error' : ''}"
          />
        </div>
        <div class="actions"><button type="submit">Visa</button></div>
      </form>
      ${
        rollup
          ? html`<p class="lead">
                ${rollup.first} till ${rollup.last}: ${rollup.counts.together.total.toLocaleString('sv-SE')} totalt
                (${rollup.counts.tips.total.toLocaleString('sv-SE')} tips,
                ${rollup.counts.observations.total.toLocaleString('sv-SE')} observationer).
              </p>
              <p class="no-print">
                <a href="${LAGESBILD_PATH}/sammanstallning.csv?period=${rollup.period}" download
                  >Ladda ner sammanställningen (CSV för Excel)</a
                >
              </p>
              ${
                rollup.rows.length === 0
                  ? html`<p>Inga tips eller observationer under perioden.</p>`
                  : html`<div ${scrollable('Sammanställning per område, händelse och källa')}>
                      <table class="numbers" id="sammanstallning-tabell">
                        <caption>
                          Per område, händelse och källa (rader med noll är utelämnade)
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">Område</th>
                            <th scope="col">Händelse</th>
                            <th scope="col">Fokusområde</th>
                            <th scope="col">Källa</th>
                            <th scope="col">Antal</th>
                          </tr>
                        </thead>
                        <tbody>
                          ${rollup.rows.map(
                            (row) =>
                              html`<tr>
                                <td>${AREA_LABELS[row.area]}</td>
                                <td>${CATEGORY_LABELS[row.category]}</td>
                                <td>${FOCUS_KEY_LABELS[focusKeyOf(row.category)]}</td>
                                <td>${SOURCE_LABELS[row.source]}</td>
                                <td>${row.count.toLocaleString('sv-SE')}</td>
                              </tr>`,
                          )}
                        </tbody>
                      </table>
                    </div>`
              }`
          : ''
      }`,
  );
}

/** Editing one entry: a tip's summary, or every field of an observation. */
export function entryEditPage(view: {
  signedIn: SignedIn;
  week: WeekId;
  entry: StoredEntry;
  today: string;
  state?: FormState;
}): Html {
  const { entry, week, signedIn } = view;
  const errors = view.state?.errors ?? [];
  const tip = entry.source === 'tip';
  return staffPage(
    { title: `${errors.length > 0 ? 'Fel: ' : ''}Ändra posten`, signedIn, section: 'lagesbild' },
    html`${errorSummary(errors)}
      <p><a href="${weekPath(week)}">Tillbaka till ${weekName(week)}</a></p>
      <h1>Ändra ${tip ? 'tipsets post' : 'observationen'}</h1>
      <div class="panel">${entryText(entry)}</div>
      ${postForm(
        `${weekPath(week)}/poster/${entry.id}`,
        signedIn.csrfToken,
        html`${
            tip
              ? html`<p>Tipsets vecka, område och händelse kommer från tipset; bara sammanfattningen kan ändras.</p>
                  ${tipSummaryField('post', view.state, entry.summary)}`
              : observationFields('post', view.state, entry, view.today)
          } <button type="submit">Spara ändringen</button>`,
      )}`,
  );
}

export function actionEditPage(view: {
  signedIn: SignedIn;
  week: WeekId;
  action: StoredAction;
  state?: FormState;
}): Html {
  const { action, week, signedIn } = view;
  const errors = view.state?.errors ?? [];
  return staffPage(
    { title: `${errors.length > 0 ? 'Fel: ' : ''}Ändra åtgärden`, signedIn, section: 'lagesbild' },
    html`${errorSummary(errors)}
      <p><a href="${weekPath(week)}">Tillbaka till ${weekName(week)}</a></p>
      <h1>Ändra åtgärden</h1>
      ${actionsTable([action])}
      ${postForm(
        `${weekPath(week)}/atgarder/${action.id}`,
        signedIn.csrfToken,
        html`${actionFields('atgard', view.state, action)} <button type="submit">Spara ändringen</button>`,
      )}`,
  );
}
