import type { SignedIn } from '../../../staff/actor.ts';
import { inboxQueryParams, searchTooShort, type InboxQuery } from '../../../staff/inbox.ts';
import { AREA_IDS, CATEGORY_IDS, FOCUS_AREA_IDS } from '../../../schemas/tip-options.ts';
import { SEARCH_MIN_CHARACTERS, TIP_STATUSES, type InboxRow, type StaffMember } from '../../../store/staff-store.ts';
import { tipPath } from '../staff-paths.ts';
import { html, timeTag, type Html } from './html.ts';
import { AREA_LABELS, CATEGORY_LABELS, FOCUS_AREA_LABELS, STATUS_LABELS, focusAreaLabel } from './labels.ts';
import { staffPage } from './layout.ts';

export interface InboxView {
  signedIn: SignedIn;
  query: InboxQuery;
  rows: InboxRow[];
  total: number;
  totalCapped: boolean;
  pageCount: number;
  /** Handlers and admins, for the assignee filter. */
  assignees: StaffMember[];
}

function option(value: string, label: string, selected: string | undefined): Html {
  return html`<option value="${value}" ${value === (selected ?? '') ? html`selected` : ''}>${label}</option>`;
}

function select(id: string, label: string, selected: string | undefined, options: Html[]): Html {
  return html`<div class="field">
    <label for="${id}">${label}</label>
    <select id="${id}" name="${id}">
      ${options}
    </select>
  </div>`;
}

function filters(view: InboxView): Html {
  const { query } = view;
  return html`<form method="get" action="/personal/inkorg" class="filters" aria-labelledby="filter-heading">
    <h2 id="filter-heading" class="visually-hidden">Filtrera tipsen</h2>
    ${select('status', 'Status', query.status, [
      option('', 'Alla', query.status),
      ...TIP_STATUSES.map((status) => option(status, STATUS_LABELS[status], query.status)),
    ])}
    ${select('omrade', 'Område', query.omrade, [
      option('', 'Alla', query.omrade),
      ...AREA_IDS.map((area) => option(area, AREA_LABELS[area], query.omrade)),
    ])}
    ${select('handelse', 'Händelse eller fokusområde', query.handelse, [
      option('', 'Alla', query.handelse),
      html`<optgroup label="Fokusområden">
        ${FOCUS_AREA_IDS.map((focus) => option(`fokus:${focus}`, FOCUS_AREA_LABELS[focus], query.handelse))}
      </optgroup>`,
      html`<optgroup label="Händelser">
        ${CATEGORY_IDS.map((category) => option(category, CATEGORY_LABELS[category], query.handelse))}
      </optgroup>`,
    ])}
    <div class="field">
      <label for="vecka">Vecka</label>
      <span class="hint" id="vecka-hint">Till exempel 2026-W48</span>
      <input type="text" id="vecka" name="vecka" value="${query.vecka ?? ''}" aria-describedby="vecka-hint" />
    </div>
    ${select('tilldelad', 'Handläggare', query.tilldelad, [
      option('', 'Alla', query.tilldelad),
      option('mig', 'Mina', query.tilldelad),
      option('ingen', 'Ingen tilldelad', query.tilldelad),
      ...view.assignees.map((member) => option(String(member.id), member.email, query.tilldelad)),
    ])}
    <div class="field">
      <label for="sok">Sök i text eller referens</label>
      <span class="hint" id="sok-hint"
        >Minst ${SEARCH_MIN_CHARACTERS} tecken, till exempel ett ord ur beskrivningen eller platsen</span
      >
      <input type="search" id="sok" name="sok" value="${query.sok ?? ''}" aria-describedby="sok-hint" />
    </div>
    <div class="actions">
      <button type="submit">Filtrera</button>
      <a href="/personal/inkorg">Rensa filter</a>
    </div>
  </form>`;
}

function row(tip: InboxRow): Html {
  return html`<tr class="${tip.unread ? 'unread' : ''}">
    <td>
      <a href="${tipPath(tip.reference)}">${tip.reference}</a>
      ${tip.unread ? html` <span class="tag">Oläst</span>` : ''}
    </td>
    <td>${timeTag(tip.acceptedAt)}</td>
    <td>${CATEGORY_LABELS[tip.category as keyof typeof CATEGORY_LABELS] ?? tip.category}</td>
    <td>${focusAreaLabel(tip.category as keyof typeof CATEGORY_LABELS)}</td>
    <td>${AREA_LABELS[tip.area as keyof typeof AREA_LABELS] ?? tip.area}</td>
    <td>${tip.happeningNow ? html`<span class="tag">Pågår nu</span>` : 'Nej'}</td>
    <td>${tip.personalData ? html`<span class="tag">Möjliga personuppgifter</span>` : 'Nej'}</td>
    <td>${STATUS_LABELS[tip.status]}</td>
    <td>${tip.assigneeEmail ?? 'Ingen'}</td>
  </tr>`;
}

function pager(view: InboxView): Html {
  const page = view.query.sida;
  const link = (to: number) => {
    const params = inboxQueryParams(view.query, to).toString();
    return `/personal/inkorg${params ? `?${params}` : ''}`;
  };
  return html`<nav class="pager" aria-label="Sidor">
    ${page > 1 ? html`<a href="${link(page - 1)}" rel="prev">Föregående sida</a>` : ''}
    <span>Sida ${page} av ${view.pageCount}${view.totalCapped ? ' eller fler' : ''}</span>
    ${
      page < view.pageCount || (view.totalCapped && view.rows.length > 0)
        ? html`<a href="${link(page + 1)}" rel="next">Nästa sida</a>`
        : ''
    }
  </nav>`;
}

function countText(view: InboxView): string {
  if (view.total === 0) return 'Inga tips';
  return view.totalCapped ? `Över ${view.total.toLocaleString('sv-SE')} tips` : `${view.total} tips`;
}

/** The inbox: filters (in the URL), then the tips newest first; unread ones bold and marked "Oläst". */
export function inboxPage(view: InboxView): Html {
  const filtered = inboxQueryParams(view.query).toString() !== '';
  return staffPage(
    { title: 'Inkorg', signedIn: view.signedIn, section: 'inbox' },
    html`<h1>Inkorg</h1>
      ${filters(view)}
      <p role="status">
        ${countText(view)}${filtered ? ' med de här filtren' : ''}.${
          searchTooShort(view.query)
            ? ` Sökningen letar bara efter en referens: skriv minst ${SEARCH_MIN_CHARACTERS} tecken för att söka i texten.`
            : ''
        }
      </p>
      ${
        view.rows.length > 0
          ? html`<div class="table-wrap">
                <table>
                  <caption class="visually-hidden">
                    Tips, nyast först
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Referens</th>
                      <th scope="col">Mottaget</th>
                      <th scope="col">Händelse</th>
                      <th scope="col">Fokusområde</th>
                      <th scope="col">Område</th>
                      <th scope="col">Pågår nu</th>
                      <th scope="col">Personuppgifter</th>
                      <th scope="col">Status</th>
                      <th scope="col">Handläggare</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${view.rows.map(row)}
                  </tbody>
                </table>
              </div>
              ${pager(view)}`
          : ''
      }`,
  );
}
