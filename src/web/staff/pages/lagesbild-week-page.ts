import type { LiveWeek } from '../../../lagesbild/index.ts';
import { shiftWeek, type WeekId } from '../../../platform/stockholm-week.ts';
import type { SignedIn } from '../../../staff/actor.ts';
import type { VersionInfo } from '../../../store/lagesbild-store.ts';
import { tipPath } from '../staff-paths.ts';
import { errorSummary, html, timeTag, type Html } from './html.ts';
import { actionFields, notesField, observationFields, postForm, type FormState } from './lagesbild-forms.ts';
import {
  LAGESBILD_PATH,
  actionsTable,
  entriesSection,
  notesText,
  versionPath,
  weekDates,
  weekName,
  weekNumbers,
  weekPath,
} from './lagesbild-parts.ts';
import { staffPage } from './layout.ts';

/** Which of the week page's forms was refused. */
export type WeekForm = 'observation' | 'notes' | 'action' | 'freeze';

export interface WeekView {
  signedIn: SignedIn;
  week: WeekId;
  live: LiveWeek;
  /** Today in Stockholm (YYYY-MM-DD), for the date hint. */
  today: string;
  /** Who froze each version, by staff id. */
  names: ReadonlyMap<string, string>;
  refused?: { form: WeekForm; state: FormState };
  done?: string;
}

const DONE_MESSAGES: Readonly<Record<string, string>> = {
  observation: 'Observationen är tillagd.',
  'observation-annan-vecka': 'Observationen är tillagd i veckan för sitt datum.',
  post: 'Posten är ändrad.',
  'post-borttagen': 'Posten är borttagen ur lägesbilden.',
  anteckningar: 'Mötesanteckningarna är sparade.',
  atgard: 'Åtgärden är tillagd.',
  'atgard-andrad': 'Åtgärden är ändrad.',
  'atgard-borttagen': 'Åtgärden är borttagen.',
  faststalld: 'Veckan är fastställd.',
  oforandrad: 'Veckan har inte ändrats sedan den senaste versionen, så ingen ny version behövdes.',
};

export function frozenByText(version: VersionInfo, names: ReadonlyMap<string, string>): Html {
  return html`${timeTag(version.frozenAt)} av ${names.get(version.frozenBy) ?? 'en tidigare medarbetare'}`;
}

function versionState(view: WeekView): Html {
  const { versions, changedSinceLatest } = view.live;
  const newest = versions.at(-1);
  if (!newest) return html`<p class="notice" id="status-rad">Veckan är inte fastställd.</p>`;
  const link = html`<a href="${versionPath(view.week, newest.version)}">version ${newest.version}</a>`;
  return changedSinceLatest
    ? html`<p class="notice notice--warning" id="status-rad">
        <strong>Ändrad sedan ${link}</strong> (fastställd ${frozenByText(newest, view.names)}). Fastställ veckan igen
        för att spara ändringarna som en ny version.
      </p>`
    : html`<p class="notice notice--success" id="status-rad">
        Fastställd som ${link}, ${frozenByText(newest, view.names)}.
      </p>`;
}

function weekNavigation(week: WeekId): Html {
  return html`<nav class="week-nav no-print" aria-label="Veckor">
    <ul>
      <li><a href="${weekPath(shiftWeek(week, -1))}" rel="prev">Föregående vecka</a></li>
      <li><a href="${LAGESBILD_PATH}">Den här veckan</a></li>
      <li><a href="${weekPath(shiftWeek(week, 1))}" rel="next">Nästa vecka</a></li>
      <li><a href="${LAGESBILD_PATH}/trend?till=${week}">Trend över tre år</a></li>
      <li><a href="${LAGESBILD_PATH}/sammanstallning">Sammanställning per kvartal och år</a></li>
    </ul>
  </nav>`;
}

function downloads(week: WeekId): Html {
  return html`<section aria-labelledby="export-rubrik" class="no-print">
    <h2 id="export-rubrik">Ladda ner</h2>
    <ul>
      <li><a href="${weekPath(week)}/antal.csv" download>Veckans antal (CSV för Excel)</a></li>
      <li><a href="${weekPath(week)}/poster.csv" download>Veckans poster (CSV för Excel)</a></li>
    </ul>
  </section>`;
}

function versionsList(view: WeekView): Html {
  const { versions } = view.live;
  return html`<section aria-labelledby="versioner-rubrik">
    <h2 id="versioner-rubrik">Fastställda versioner</h2>
    ${
      versions.length === 0
        ? html`<p>Inga ännu.</p>`
        : html`<ul>
            ${versions.map(
              (version) =>
                html`<li>
                  <a href="${versionPath(view.week, version.version)}">Version ${version.version}</a>, fastställd
                  ${frozenByText(version, view.names)}
                </li>`,
            )}
          </ul>`
    }
  </section>`;
}

function stateOf(view: WeekView, form: WeekForm): FormState | undefined {
  return view.refused?.form === form ? view.refused.state : undefined;
}

/** The handlers' forms: an observation, the notes, an action, and fastställ. */
function handlerForms(view: WeekView): Html {
  const { signedIn, week, live } = view;
  const csrf = signedIn.csrfToken;
  return html`<div class="no-print">
    <section aria-labelledby="ny-observation-rubrik" class="panel">
      <h2 id="ny-observation-rubrik">Lägg till en observation</h2>
      <p>Det en samverkanspart rapporterade före eller på mötet.</p>
      ${postForm(
        `${weekPath(week)}/observationer`,
        csrf,
        html`${observationFields('obs', stateOf(view, 'observation'), {}, view.today)}
          <button type="submit">Lägg till observationen</button>`,
      )}
    </section>
    <section aria-labelledby="anteckningar-form-rubrik" class="panel">
      <h2 id="anteckningar-form-rubrik">Skriv mötesanteckningar</h2>
      ${postForm(
        `${weekPath(week)}/anteckningar`,
        csrf,
        html`${notesField('notes', stateOf(view, 'notes'), live.picture.notes)}
          <button type="submit">Spara anteckningarna</button>`,
      )}
    </section>
    <section aria-labelledby="ny-atgard-rubrik" class="panel">
      <h2 id="ny-atgard-rubrik">Lägg till en åtgärd</h2>
      ${postForm(
        `${weekPath(week)}/atgarder`,
        csrf,
        html`${actionFields('atgard', stateOf(view, 'action'))} <button type="submit">Lägg till åtgärden</button>`,
      )}
    </section>
    <section aria-labelledby="faststall-rubrik" class="panel">
      <h2 id="faststall-rubrik">Fastställ veckan</h2>
      <p>
        Veckans antal, poster, anteckningar och åtgärder sparas som en version som aldrig ändras. Ändringar efter det
        syns som "ändrad sedan version N" tills veckan fastställs igen.
      </p>
      ${postForm(
        `${weekPath(week)}/faststall`,
        csrf,
        html`<input type="hidden" name="week" value="${week}" />
          <button type="submit" id="freeze-week">Fastställ ${weekName(week)}</button>`,
      )}
    </section>
  </div>`;
}

/** The week as staff see it now: numbers, trend, entries, notes, actions; handlers also get the forms. */
export function weekPage(view: WeekView): Html {
  const { signedIn, week, live } = view;
  const handler = signedIn.member.role !== 'reader';
  const errors = view.refused?.state.errors ?? [];
  const csrf = signedIn.csrfToken;
  const done = view.done ? DONE_MESSAGES[view.done] : undefined;
  return staffPage(
    { title: `${errors.length > 0 ? 'Fel: ' : ''}Lägesbild ${weekName(week)}`, signedIn, section: 'lagesbild' },
    html`${errorSummary(errors)}
      <h1>Lägesbild ${weekName(week)}</h1>
      <p class="lead">${weekDates(week)} (${week})</p>
      ${done ? html`<p class="notice notice--success no-print" role="status">${done}</p>` : ''} ${versionState(view)}
      ${weekNavigation(week)} ${weekNumbers(live.picture, 'vecka')}
      ${entriesSection(
        live.entriesByArea,
        handler
          ? (entry) =>
              html`<div class="entry-controls no-print">
                ${entry.tipReference ? html`<a href="${tipPath(entry.tipReference)}">Tips ${entry.tipReference}</a>` : ''}
                <a href="${weekPath(week)}/poster/${entry.id}">Ändra<span class="visually-hidden"> posten</span></a>
                ${postForm(
                  `${weekPath(week)}/poster/${entry.id}/ta-bort`,
                  csrf,
                  html`<button type="submit" class="link">Ta bort<span class="visually-hidden"> posten</span></button>`,
                  html`class="inline"`,
                )}
              </div>`
          : undefined,
      )}
      <section aria-labelledby="anteckningar-rubrik">
        <h2 id="anteckningar-rubrik">Mötesanteckningar</h2>
        ${notesText(live.picture.notes)}
      </section>
      <section aria-labelledby="atgarder-rubrik">
        <h2 id="atgarder-rubrik">Överenskomna åtgärder</h2>
        ${actionsTable(
          live.actions,
          handler
            ? (action) =>
                html`<a href="${weekPath(week)}/atgarder/${action.id}"
                    >Ändra<span class="visually-hidden"> åtgärden</span></a
                  >
                  ${postForm(
                    `${weekPath(week)}/atgarder/${action.id}/ta-bort`,
                    csrf,
                    html`<button type="submit" class="link">
                      Ta bort<span class="visually-hidden"> åtgärden</span>
                    </button>`,
                    html`class="inline"`,
                  )}`
            : undefined,
        )}
      </section>
      ${handler ? handlerForms(view) : ''} ${versionsList(view)} ${downloads(week)}`,
  );
}
