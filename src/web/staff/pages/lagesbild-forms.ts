import { PARTNER_LABELS, SOURCE_LABELS } from '../../../lagesbild/labels.ts';
import {
  ACTION_WHAT_MAX,
  NOTES_MAX,
  OBSERVATION_SOURCES,
  PARTNER_IDS,
  PLACE_NAME_MAX,
  SUMMARY_MAX,
} from '../../../schemas/lagesbild-options.ts';
import { AREA_IDS, CATEGORY_IDS } from '../../../schemas/tip-options.ts';
import { csrfField, html, type FieldError, type Html } from './html.ts';
import { AREA_LABELS, CATEGORY_LABELS } from './labels.ts';

/**
 * The lägesbild's forms, GOV.UK-style: a label, a hint, the error next to
 * the field (and in the page's error summary, linking to it by id), the
 * value the handler typed kept after a refusal. No script.
 */

/** What a refused form held, and what was wrong, field by field (keys are the form's field names). */
export interface FormState {
  errors: FieldError[];
  values: Record<string, string>;
}

/** What each ValidationError code of src/lagesbild/inputs.ts means, in Swedish. */
export const LAGESBILD_MESSAGES: Readonly<Record<string, string>> = {
  'source.required': 'Välj vem som rapporterade observationen',
  'category.required': 'Välj en händelse',
  'area.required': 'Välj ett område',
  'place.tooLong': `Platsen får vara högst ${PLACE_NAME_MAX} tecken`,
  'place.invalidCharacters': 'Platsen ska vara en rad utan styrtecken',
  'date.required': 'Skriv datumet',
  'date.invalid': 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-24',
  'date.future': 'Datumet kan inte vara senare än i dag',
  'time.invalid': 'Skriv tiden som TT:MM, till exempel 21:30, eller lämna fältet tomt',
  'summary.required': 'Skriv en sammanfattning',
  'summary.tooLong': `Sammanfattningen får vara högst ${SUMMARY_MAX} tecken`,
  'summary.invalidCharacters': 'Sammanfattningen innehåller otillåtna tecken',
  'notes.required': 'Skriv anteckningarna',
  'notes.tooLong': `Anteckningarna får vara högst ${NOTES_MAX.toLocaleString('sv-SE')} tecken`,
  'notes.invalidCharacters': 'Anteckningarna innehåller otillåtna tecken',
  'what.required': 'Skriv vad som ska göras',
  'what.tooLong': `Åtgärden får vara högst ${ACTION_WHAT_MAX} tecken`,
  'what.invalidCharacters': 'Åtgärden innehåller otillåtna tecken',
  'who.required': 'Välj vilken part som ska göra det',
  'dueOn.required': 'Skriv när det ska vara gjort',
  'dueOn.invalid': 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-15',
  'week.notStarted': 'Veckan har inte börjat än och kan inte fastställas',
  'form.invalid': 'Något i formuläret behöver rättas',
};

/** Field errors from a ValidationError's codes; `idOf` turns a field name into its element's id. */
export function fieldErrors(fields: Readonly<Record<string, string>>, idOf: (field: string) => string): FieldError[] {
  return Object.entries(fields).map(([field, code]) => ({
    field: idOf(field),
    message: LAGESBILD_MESSAGES[code] ?? LAGESBILD_MESSAGES['form.invalid'] ?? '',
  }));
}

function errorOf(state: FormState | undefined, id: string): FieldError | undefined {
  return state?.errors.find((error) => error.field === id);
}

/** A field's wrapper, its label, hint and error; `control` gets the aria-describedby value. */
function field(
  state: FormState | undefined,
  id: string,
  label: string,
  hint: string | undefined,
  control: (describedBy: string | undefined) => Html,
): Html {
  const error = errorOf(state, id);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return html`<div class="${error ? 'field field--error' : 'field'}">
    <label for="${id}">${label}</label>
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : ''}
    ${error ? html`<span class="error-message" id="${id}-error">Fel: ${error.message}</span>` : ''}
    ${control(describedBy)}
  </div>`;
}

function describedByAttr(describedBy: string | undefined): Html {
  return describedBy ? html`aria-describedby="${describedBy}"` : html``;
}

function textInput(
  state: FormState | undefined,
  id: string,
  name: string,
  label: string,
  options: { hint?: string; value?: string; maxlength?: number; width?: string },
): Html {
  return field(state, id, label, options.hint, (describedBy) => {
    const value = state?.values[name] ?? options.value ?? '';
    return html`<input
      type="text"
      id="${id}"
      name="${name}"
      value="${value}"
      class="${options.width ?? ''}"
      ${options.maxlength ? html`maxlength="${options.maxlength}"` : ''}
      ${describedByAttr(describedBy)}
    />`;
  });
}

function textArea(
  state: FormState | undefined,
  id: string,
  name: string,
  label: string,
  options: { hint?: string; value?: string; maxlength: number; rows: number },
): Html {
  return field(
    state,
    id,
    label,
    options.hint,
    (describedBy) =>
      html`<textarea
        id="${id}"
        name="${name}"
        rows="${options.rows}"
        maxlength="${options.maxlength}"
        ${describedByAttr(describedBy)}
      >
${state?.values[name] ?? options.value ?? ''}</textarea>`,
  );
}

function selectField(
  state: FormState | undefined,
  id: string,
  name: string,
  label: string,
  choices: readonly { value: string; label: string }[],
  current: string | undefined,
): Html {
  const selected = state?.values[name] ?? current ?? '';
  return field(
    state,
    id,
    label,
    undefined,
    (describedBy) =>
      html`<select id="${id}" name="${name}" ${describedByAttr(describedBy)}>
        <option value="">Välj</option>
        ${choices.map(
          (choice) =>
            html`<option value="${choice.value}" ${choice.value === selected ? html`selected` : ''}>
              ${choice.label}
            </option>`,
        )}
      </select>`,
  );
}

/** An observation's current values, when the form edits one. */
export interface ObservationValues {
  source?: string;
  category?: string;
  area?: string;
  place?: string | null;
  occurredOn?: string | null;
  occurredTime?: string | null;
  summary?: string;
}

/** The observation fields (ids `${prefix}-source`, …). */
export function observationFields(
  prefix: string,
  state: FormState | undefined,
  current: ObservationValues = {},
  today: string,
): Html {
  const id = (name: string) => `${prefix}-${name}`;
  return html`${selectField(
    state,
    id('source'),
    'source',
    'Vem rapporterade',
    OBSERVATION_SOURCES.map((source) => ({ value: source, label: SOURCE_LABELS[source] })),
    current.source,
  )}
  ${selectField(
    state,
    id('category'),
    'category',
    'Händelse',
    CATEGORY_IDS.map((category) => ({ value: category, label: CATEGORY_LABELS[category] })),
    current.category,
  )}
  ${selectField(
    state,
    id('area'),
    'area',
    'Område',
    AREA_IDS.map((area) => ({ value: area, label: AREA_LABELS[area] })),
    current.area,
  )}
  ${textInput(state, id('place'), 'place', 'Plats (valfritt)', {
    hint: 'Till exempel en gata, en gård eller en hållplats. Inga namn på personer.',
    value: current.place ?? '',
    maxlength: PLACE_NAME_MAX,
  })}
  ${textInput(state, id('date'), 'date', 'Datum', {
    hint: `När det hände, ÅÅÅÅ-MM-DD (i dag är ${today}). Observationen hamnar i datumets vecka.`,
    value: current.occurredOn ?? '',
    width: 'short',
  })}
  ${textInput(state, id('time'), 'time', 'Klockslag (valfritt)', {
    hint: 'TT:MM, till exempel 21:30',
    value: current.occurredTime ?? '',
    width: 'short',
  })}
  ${textArea(state, id('summary'), 'summary', 'Sammanfattning', {
    hint: `Vad som hände, högst ${SUMMARY_MAX} tecken. Samverkansparterna läser den. Inga namn eller personuppgifter.`,
    value: current.summary ?? '',
    maxlength: SUMMARY_MAX,
    rows: 3,
  })}`;
}

/** A tip entry's only editable field: the handler's summary. */
export function tipSummaryField(prefix: string, state: FormState | undefined, summary: string): Html {
  return textArea(state, `${prefix}-summary`, 'summary', 'Sammanfattning', {
    hint: `Det samverkansparterna ser i stället för tipset, högst ${SUMMARY_MAX} tecken. Inga namn eller personuppgifter.`,
    value: summary,
    maxlength: SUMMARY_MAX,
    rows: 3,
  });
}

export function notesField(prefix: string, state: FormState | undefined, notes: string): Html {
  return textArea(state, `${prefix}-text`, 'text', 'Mötesanteckningar', {
    hint: 'Det gruppen kom fram till. Samverkansparterna läser dem. Inga namn eller personuppgifter.',
    value: notes,
    maxlength: NOTES_MAX,
    rows: 6,
  });
}

export function actionFields(
  prefix: string,
  state: FormState | undefined,
  current: { what?: string; who?: string; dueOn?: string } = {},
): Html {
  const id = (name: string) => `${prefix}-${name}`;
  return html`${textInput(state, id('what'), 'what', 'Vad ska göras', {
    value: current.what ?? '',
    maxlength: ACTION_WHAT_MAX,
  })}
  ${selectField(
    state,
    id('who'),
    'who',
    'Vem (part)',
    PARTNER_IDS.map((partner) => ({ value: partner, label: PARTNER_LABELS[partner] })),
    current.who,
  )}
  ${textInput(state, id('dueOn'), 'dueOn', 'Senast', {
    hint: 'ÅÅÅÅ-MM-DD',
    value: current.dueOn ?? '',
    width: 'short',
  })}`;
}

/** A form that posts to `action` with the session's CSRF token. */
export function postForm(action: string, csrf: string, body: Html, attributes: Html = html``): Html {
  return html`<form method="post" action="${action}" ${attributes}>${csrfField(csrf)}${body}</form>`;
}
