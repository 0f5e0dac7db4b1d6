import type { SignedIn } from '../../../staff/actor.ts';
import { SUMMARY_MAX } from '../../../staff/triage.ts';
import { findPersonalData } from '../../../schemas/personal-data.ts';
import { CLOSE_REASONS, TIP_STATUSES, type StaffMember, type TipRecord } from '../../../store/staff-store.ts';
import { LAGESBILD_PATH, tipPath } from '../staff-paths.ts';
import { weekOf } from '../../../platform/stockholm-week.ts';
import { formatDay } from '../../../platform/stockholm-time.ts';
import { csrfField, errorSummary, html, timeTag, type FieldError, type Html } from './html.ts';
import {
  AREA_LABELS,
  CATEGORY_LABELS,
  CLOSE_REASON_LABELS,
  LANGUAGE_NAMES,
  PERSONAL_DATA_LABELS,
  STATUS_LABELS,
  TIME_OF_DAY_LABELS,
  focusAreaLabel,
} from './labels.ts';
import { staffPage } from './layout.ts';

export interface TipView {
  signedIn: SignedIn;
  record: TipRecord;
  assignees: StaffMember[];
  retentionDays: number;
  errors?: FieldError[];
  /** What the form held when it was refused. */
  values?: Record<string, string>;
  /** After a change (Post/Redirect/Get): what was done. */
  done?: string;
}

const DAY_MS = 86_400_000;

/** The description as text, isolated for bidi, with every detected phone number, email address and personnummer marked and named. */
export function highlightedDescription(description: string): Html {
  const spans = findPersonalData(description);
  const parts: Html[] = [];
  let from = 0;
  for (const span of spans) {
    parts.push(html`${description.slice(from, span.start)}`);
    parts.push(
      html`<mark class="pii">${span.text}</mark><span class="pii-kind"> [${PERSONAL_DATA_LABELS[span.kind]}]</span>`,
    );
    from = span.end;
  }
  parts.push(html`${description.slice(from)}`);
  return html`<div class="description" dir="auto">${parts}</div>`;
}

function when(record: TipRecord): string {
  const { when: kind, whenDate, whenTime } = record.tip.tip;
  if (kind === 'now') return 'Pågår just nu (när tipset skickades)';
  if (kind === 'recurring') return 'Återkommande';
  if (kind === 'date') {
    return (
      [whenDate, whenTime ? TIME_OF_DAY_LABELS[whenTime] : undefined].filter(Boolean).join(', ') || 'Ett visst datum'
    );
  }
  return 'Inte angivet';
}

function fieldError(errors: FieldError[], field: string): Html {
  const error = errors.find((candidate) => candidate.field === field);
  return error ? html`<span class="error-message" id="${field}-error">Fel: ${error.message}</span>` : html``;
}

function hasError(errors: FieldError[], field: string): boolean {
  return errors.some((error) => error.field === field);
}

function statusForm(view: TipView, errors: FieldError[]): Html {
  const { record, values = {} } = view;
  const current = values['status'] ?? record.triage.status;
  return html`<form method="post" action="${tipPath(record.tip.reference)}/status" class="panel">
    <h2 id="status-heading">Status</h2>
    ${csrfField(view.signedIn.csrfToken)}
    <fieldset class="${hasError(errors, 'status') ? 'field field--error' : 'field'}" aria-describedby="status-hint">
      <legend>Ny status</legend>
      <span class="hint" id="status-hint">Nu: ${STATUS_LABELS[record.triage.status]}</span>
      ${fieldError(errors, 'status')}
      ${TIP_STATUSES.map(
        (status, index) =>
          html`<div class="choice">
            <input
              type="radio"
              id="${index === 0 ? 'status' : `status-${status}`}"
              name="status"
              value="${status}"
              ${status === current ? html`checked` : ''}
            />
            <label for="${index === 0 ? 'status' : `status-${status}`}">${STATUS_LABELS[status]}</label>
          </div>`,
      )}
    </fieldset>
    <div class="${hasError(errors, 'summary') ? 'field field--error' : 'field'}">
      <label for="summary">Sammanfattning för lägesbilden</label>
      <span class="hint" id="summary-hint">
        Krävs för "I lägesbilden": en rad, högst ${SUMMARY_MAX} tecken, som samverkansparterna ser i stället för tipset.
        Inga namn eller personuppgifter.
      </span>
      ${fieldError(errors, 'summary')}
      <input
        type="text"
        id="summary"
        name="summary"
        maxlength="${SUMMARY_MAX}"
        value="${values['summary'] ?? record.triage.lagesbildSummary ?? ''}"
        aria-describedby="summary-hint${hasError(errors, 'summary') ? ' summary-error' : ''}"
      />
    </div>
    <div class="${hasError(errors, 'reason') ? 'field field--error' : 'field'}">
      <label for="reason">Skäl att avsluta</label>
      <span class="hint" id="reason-hint">Krävs för "Avslutad".</span>
      ${fieldError(errors, 'reason')}
      <select
        id="reason"
        name="reason"
        aria-describedby="reason-hint${hasError(errors, 'reason') ? ' reason-error' : ''}"
      >
        <option value="">Välj skäl</option>
        ${CLOSE_REASONS.map(
          (reason) =>
            html`<option
              value="${reason}"
              ${reason === (values['reason'] ?? record.triage.closeReason) ? html`selected` : ''}
            >
              ${CLOSE_REASON_LABELS[reason]}
            </option>`,
        )}
      </select>
    </div>
    <button type="submit">Spara status</button>
  </form>`;
}

function assignForm(view: TipView, errors: FieldError[]): Html {
  const { record } = view;
  return html`<form method="post" action="${tipPath(record.tip.reference)}/tilldela" class="panel">
    <h2>Handläggare</h2>
    ${csrfField(view.signedIn.csrfToken)}
    <div class="${hasError(errors, 'assignee') ? 'field field--error' : 'field'}">
      <label for="assignee">Tilldela</label>
      ${fieldError(errors, 'assignee')}
      <select id="assignee" name="assignee">
        <option value="">Ingen</option>
        ${view.assignees.map(
          (member) =>
            html`<option value="${member.id}" ${member.id === record.triage.assigneeId ? html`selected` : ''}>
              ${member.email}${member.id === view.signedIn.member.id ? ' (du)' : ''}
            </option>`,
        )}
      </select>
    </div>
    <button type="submit">Spara handläggare</button>
  </form>`;
}

function noteForm(view: TipView, errors: FieldError[]): Html {
  const { record, values = {} } = view;
  return html`<section class="panel" aria-labelledby="notes-heading">
    <h2 id="notes-heading">Interna anteckningar</h2>
    <p class="muted">Syns bara på personalsidorna, aldrig för samverkansparterna.</p>
    ${
      record.notes.length === 0
        ? html`<p>Inga anteckningar än.</p>`
        : html`<ul class="notes">
            ${record.notes.map(
              (note) =>
                html`<li>
                  <span class="muted">${note.authorEmail}, ${timeTag(note.createdAt)}</span>
                  <div class="note-body" dir="auto">${note.body}</div>
                </li>`,
            )}
          </ul>`
    }
    <form method="post" action="${tipPath(record.tip.reference)}/anteckningar">
      ${csrfField(view.signedIn.csrfToken)}
      <div class="${hasError(errors, 'note') ? 'field field--error' : 'field'}">
        <label for="note">Ny anteckning</label>
        ${fieldError(errors, 'note')}
        <textarea id="note" name="note" rows="4" maxlength="4000">${values['note'] ?? ''}</textarea>
      </div>
      <button type="submit">Spara anteckning</button>
    </form>
  </section>`;
}

function redactForm(view: TipView, errors: FieldError[]): Html {
  const { record, values = {} } = view;
  const spans = findPersonalData(record.tip.tip.description);
  return html`<form method="post" action="${tipPath(record.tip.reference)}/maskera" class="panel">
    <h2 id="redact-heading">Ta bort uppgifter ur beskrivningen</h2>
    ${csrfField(view.signedIn.csrfToken)}
    <p>
      Det som tas bort raderas ur det lagrade tipset och ersätts med [borttaget]. Det går inte att ångra. Mejlet som
      redan skickats till tipsadressen påverkas inte.
    </p>
    ${fieldError(errors, 'redact')}
    ${
      spans.length > 0
        ? html`<fieldset id="redact">
            <legend>Hittade personuppgifter</legend>
            <div class="choice">
              <input type="checkbox" id="redact-all" name="alla" value="ja" />
              <label for="redact-all">Alla ${spans.length} som hittades</label>
            </div>
            ${spans.map(
              (span, index) =>
                html`<div class="choice">
                  <input type="checkbox" id="redact-${index}" name="del" value="${span.start}-${span.end}" />
                  <label for="redact-${index}"><bdi>${span.text}</bdi> (${PERSONAL_DATA_LABELS[span.kind]})</label>
                </div>`,
            )}
          </fieldset>`
        : html`<p id="redact">Inga telefonnummer, e-postadresser eller personnummer hittades.</p>`
    }
    <div class="field">
      <label for="redact-text">Annan text att ta bort</label>
      <span class="hint" id="redact-text-hint"
        >Skriv den exakt som den står, till exempel ett namn. Varje förekomst tas bort.</span
      >
      <input
        type="text"
        id="redact-text"
        name="text"
        value="${values['text'] ?? ''}"
        aria-describedby="redact-text-hint"
      />
    </div>
    <button type="submit" class="warning">Ta bort</button>
  </form>`;
}

const DONE_MESSAGES: Readonly<Record<string, string>> = {
  status: 'Statusen är sparad.',
  tilldelad: 'Handläggaren är sparad.',
  anteckning: 'Anteckningen är sparad.',
  maskerat: 'Uppgifterna är borttagna ur tipset.',
};

/** One tip: every field, the description with personal data marked, its triage, notes and the forms that change it. */
export function tipPage(view: TipView): Html {
  const { record, signedIn } = view;
  const { tip, flags, reference, acceptedAt, language } = record.tip;
  const errors = view.errors ?? [];
  const purgeFrom = acceptedAt + view.retentionDays * DAY_MS;
  const category = tip.category;
  return staffPage(
    { title: `${errors.length > 0 ? 'Fel: ' : ''}Tips ${reference}`, signedIn, section: 'inbox' },
    html`${errorSummary(errors)}
      <p><a href="/personal/inkorg">Tillbaka till inkorgen</a></p>
      <h1>Tips ${reference}</h1>
      ${
        view.done && DONE_MESSAGES[view.done]
          ? html`<p class="notice notice--success" role="status">${DONE_MESSAGES[view.done]}</p>`
          : ''
      }
      <dl class="fields">
        <dt>Mottaget</dt>
        <dd>${timeTag(acceptedAt)}</dd>
        <dt>Status</dt>
        <dd>
          ${STATUS_LABELS[record.triage.status]}${
            record.triage.closeReason ? ` (${CLOSE_REASON_LABELS[record.triage.closeReason]})` : ''
          }
        </dd>
        <dt>Handläggare</dt>
        <dd>${record.triage.assigneeEmail ?? 'Ingen'}</dd>
        <dt>Händelse</dt>
        <dd>${CATEGORY_LABELS[category]}</dd>
        <dt>Fokusområde</dt>
        <dd>${focusAreaLabel(category)}</dd>
        <dt>Område</dt>
        <dd>${AREA_LABELS[tip.area]}</dd>
        <dt>Plats</dt>
        <dd>${tip.place === undefined ? 'Inte angiven' : html`<bdi>${tip.place}</bdi>`}</dd>
        <dt>När</dt>
        <dd>${when(record)}</dd>
        <dt>Pågår nu</dt>
        <dd>${flags.happeningNow ? 'Ja, enligt tipsaren' : 'Nej'}</dd>
        <dt>Personuppgifter</dt>
        <dd>
          ${
            flags.personalData.length > 0
              ? `Möjliga: ${flags.personalData.map((kind) => PERSONAL_DATA_LABELS[kind]).join(', ')}`
              : 'Inga hittade'
          }
        </dd>
        <dt>Kontakt</dt>
        <dd>
          ${
            flags.contactWanted
              ? html`Vill bli kontaktad. ${tip.contactEmail ? html`E-post: <bdi>${tip.contactEmail}</bdi>.` : ''}
                ${tip.contactPhone ? html`Telefon: <bdi>${tip.contactPhone}</bdi>.` : ''}`
              : 'Anonymt – kan inte besvaras'
          }
        </dd>
        <dt>Formulärets språk</dt>
        <dd>${LANGUAGE_NAMES[language]}</dd>
        ${
          record.triage.lagesbildSummary
            ? html`<dt>Sammanfattning för lägesbilden</dt>
                <dd>
                  <bdi>${record.triage.lagesbildSummary}</bdi>
                  ${
                    record.triage.status === 'in-lagesbild'
                      ? html`(<a href="${LAGESBILD_PATH}/${weekOf(acceptedAt)}">lägesbilden ${weekOf(acceptedAt)}</a>)`
                      : ''
                  }
                </dd>`
            : ''
        }
        <dt>Raderas</dt>
        <dd>
          Tidigast ${formatDay(purgeFrom)} (${view.retentionDays} dagar efter att det kom
          in)${record.deliveryPending ? ', men inte förrän mejlet har levererats' : ''}.
        </dd>
      </dl>
      <h2>Beskrivning</h2>
      ${highlightedDescription(tip.description)}
      <div class="panels">
        ${statusForm(view, errors)} ${assignForm(view, errors)} ${noteForm(view, errors)} ${redactForm(view, errors)}
      </div>`,
  );
}
