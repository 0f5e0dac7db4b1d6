import type { SignedIn } from '../../../staff/actor.ts';
import type { AuditQuery } from '../../../staff/staff-admin.ts';
import {
  AUDIT_ACTIONS,
  STAFF_ROLES,
  type AuditAction,
  type AuditEntry,
  type StaffMember,
} from '../../../store/staff-store.ts';
import { tipPath } from '../staff-paths.ts';
import { csrfField, errorSummary, html, timeTag, type FieldError, type Html } from './html.ts';
import { CLOSE_REASON_LABELS, STATUS_LABELS } from './labels.ts';
import { staffPage } from './layout.ts';

export const ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'sign-in': 'Loggade in',
  'sign-out': 'Loggade ut',
  view: 'Öppnade tips',
  status: 'Ändrade status',
  assign: 'Tilldelade',
  note: 'Skrev anteckning',
  redact: 'Tog bort uppgifter',
  export: 'Exporterade',
  'staff-add': 'La till personal',
  'staff-role': 'Ändrade roll',
  'staff-oidc': 'Ändrade OIDC-koppling',
  'staff-deactivate': 'Avaktiverade personal',
  'staff-reactivate': 'Aktiverade personal',
  'lagesbild.week.view': 'Öppnade lägesbildens vecka',
  'lagesbild.trend.view': 'Öppnade lägesbildens trend',
  'lagesbild.rollup.view': 'Öppnade lägesbildens sammanställning',
  'lagesbild.version.view': 'Öppnade en fastställd version',
  'lagesbild.export.counts': 'Exporterade veckans antal',
  'lagesbild.export.entries': 'Exporterade veckans poster',
  'lagesbild.export.rollup': 'Exporterade sammanställningen',
  'lagesbild.entry.add-tip': 'Lade tips i lägesbilden',
  'lagesbild.entry.add-observation': 'Lade till observation',
  'lagesbild.entry.edit': 'Ändrade post i lägesbilden',
  'lagesbild.entry.remove': 'Tog bort post ur lägesbilden',
  'lagesbild.notes.set': 'Skrev mötesanteckningar',
  'lagesbild.action.add': 'Lade till åtgärd',
  'lagesbild.action.edit': 'Ändrade åtgärd',
  'lagesbild.action.remove': 'Tog bort åtgärd',
  'lagesbild.week.freeze': 'Fastställde vecka',
};

const ROLE_LABELS = { reader: 'Läsare', handler: 'Handläggare', admin: 'Administratör' } as const;

/** An entry's details in words: codes and counts only (the trail holds nothing else). */
function detailText(entry: AuditEntry, names: Map<number, string>): string {
  const d = entry.detail ?? {};
  const who = (id: unknown) => (typeof id === 'number' ? (names.get(id) ?? `#${id}`) : 'ingen');
  switch (entry.action) {
    case 'sign-in':
      return d['method'] === 'oidc' ? 'med OpenID Connect' : 'med e-postlänk';
    case 'status': {
      const to = STATUS_LABELS[d['to'] as keyof typeof STATUS_LABELS] ?? String(d['to']);
      const reason = d['reason']
        ? ` (${CLOSE_REASON_LABELS[d['reason'] as keyof typeof CLOSE_REASON_LABELS] ?? String(d['reason'])})`
        : '';
      return `till ${to}${reason}`;
    }
    case 'assign':
      return `till ${who(d['to'])}`;
    case 'note':
      return `${String(d['characters'])} tecken`;
    case 'redact':
      return `${String(d['characters'])} tecken på ${String(d['spans'])} ställen`;
    case 'staff-add':
    case 'staff-deactivate':
    case 'staff-reactivate':
    case 'staff-oidc':
      return `${who(d['staffId'])}${d['role'] ? `, ${ROLE_LABELS[d['role'] as keyof typeof ROLE_LABELS] ?? String(d['role'])}` : ''}`;
    case 'staff-role':
      return `${who(d['staffId'])}: ${String(d['from'])} → ${String(d['to'])}`;
    default:
      if (typeof d['week'] === 'string') return `vecka ${d['week']}`;
      if (typeof d['period'] === 'string') return `period ${d['period']}`;
      return Object.entries(d)
        .map(([key, value]) => `${key}: ${String(value)}`)
        .join(', ');
  }
}

export interface AuditView {
  signedIn: SignedIn;
  query: AuditQuery;
  entries: AuditEntry[];
  total: number;
  pageCount: number;
  members: StaffMember[];
}

/** The tip column: a link while the tip is stored; "Gallrat" once the retention purge deleted it and its reference. */
function tipCell(entry: AuditEntry): Html | string {
  if (entry.tipReference) return html`<a href="${tipPath(entry.tipReference)}">${entry.tipReference}</a>`;
  return entry.tipPurged ? 'Gallrat' : '';
}

/** The audit trail: who did what with which tip and when. Read-only: no page or route changes an entry. */
export function auditPage(view: AuditView): Html {
  const names = new Map(view.members.map((member) => [member.id, member.email]));
  const { query } = view;
  const params = (page: number) => {
    const p = new URLSearchParams();
    if (query.handling) p.set('handling', query.handling);
    if (query.referens) p.set('referens', query.referens);
    if (query.person) p.set('person', query.person);
    if (query.vecka) p.set('vecka', query.vecka);
    if (page > 1) p.set('sida', String(page));
    const text = p.toString();
    return `/personal/logg${text ? `?${text}` : ''}`;
  };
  return staffPage(
    { title: 'Logg', signedIn: view.signedIn, section: 'audit' },
    html`<h1>Logg</h1>
      <p>Vem som gjorde vad och när. Loggen innehåller aldrig tipsens text, IP-adresser eller webbläsaruppgifter.</p>
      <p>
        När ett tips gallras tas dess referens bort även här. Händelserna finns kvar och visas med ”Gallrat” i stället
        för referensen.
      </p>
      <form method="get" action="/personal/logg" class="filters">
        <div class="field">
          <label for="handling">Handling</label>
          <select id="handling" name="handling">
            <option value="">Alla</option>
            ${AUDIT_ACTIONS.map(
              (action) =>
                html`<option value="${action}" ${action === query.handling ? html`selected` : ''}>
                  ${ACTION_LABELS[action]}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="person">Vem</label>
          <select id="person" name="person">
            <option value="">Alla</option>
            ${view.members.map(
              (member) =>
                html`<option value="${member.id}" ${String(member.id) === query.person ? html`selected` : ''}>
                  ${member.email}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="referens">Tipsets referens</label>
          <input type="text" id="referens" name="referens" value="${query.referens ?? ''}" />
        </div>
        <div class="field">
          <label for="vecka">Vecka</label>
          <span class="hint" id="logg-vecka-hint">Till exempel 2026-W48</span>
          <input type="text" id="vecka" name="vecka" value="${query.vecka ?? ''}" aria-describedby="logg-vecka-hint" />
        </div>
        <div class="actions">
          <button type="submit">Filtrera</button>
          <a href="/personal/logg">Rensa filter</a>
        </div>
      </form>
      <p role="status">${view.total} händelser.</p>
      ${
        view.entries.length > 0
          ? html`<div class="table-wrap">
              <table>
                <caption class="visually-hidden">
                  Loggen, senaste först
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Tid</th>
                    <th scope="col">Vem</th>
                    <th scope="col">Handling</th>
                    <th scope="col">Tips</th>
                    <th scope="col">Detaljer</th>
                  </tr>
                </thead>
                <tbody>
                  ${view.entries.map(
                    (entry) =>
                      html`<tr>
                        <td>${timeTag(entry.at)}</td>
                        <td>${entry.actor}</td>
                        <td>${ACTION_LABELS[entry.action] ?? entry.action}</td>
                        <td>${tipCell(entry)}</td>
                        <td>${detailText(entry, names)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : ''
      }
      <nav class="pager" aria-label="Sidor">
        ${query.sida > 1 ? html`<a href="${params(query.sida - 1)}" rel="prev">Föregående sida</a>` : ''}
        <span>Sida ${query.sida} av ${view.pageCount}</span>
        ${query.sida < view.pageCount ? html`<a href="${params(query.sida + 1)}" rel="next">Nästa sida</a>` : ''}
      </nav>`,
  );
}

export interface StaffListView {
  signedIn: SignedIn;
  members: StaffMember[];
  errors?: FieldError[];
  values?: Record<string, string>;
  done?: string;
}

function roleSelect(id: string, selected: string | undefined): Html {
  return html`<select id="${id}" name="role">
    ${STAFF_ROLES.map((role) => html`<option value="${role}" ${role === selected ? html`selected` : ''}>${ROLE_LABELS[role]}</option>`)}
  </select>`;
}

/** The staff list: who may sign in, with which role; add, change role, link OIDC, deactivate. */
export function staffListPage(view: StaffListView): Html {
  const errors = view.errors ?? [];
  const values = view.values ?? {};
  const csrf = csrfField(view.signedIn.csrfToken);
  const emailError = errors.find((error) => error.field === 'email');
  return staffPage(
    { title: `${errors.length > 0 ? 'Fel: ' : ''}Personal`, signedIn: view.signedIn, section: 'staff' },
    html`${errorSummary(errors)}
      <h1>Personal</h1>
      ${view.done ? html`<p class="notice notice--success" role="status">Ändringen är sparad.</p>` : ''}
      <p>
        Läsare ser lägesbilden, handläggare också tipsen, administratörer också loggen och personallistan. Den som
        avaktiveras loggas ut direkt.
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">
            Personallistan
          </caption>
          <thead>
            <tr>
              <th scope="col">E-post</th>
              <th scope="col">Roll</th>
              <th scope="col">OIDC-id</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            ${view.members.map((member) => {
              const self = member.id === view.signedIn.member.id;
              return html`<tr>
                <th scope="row">
                  ${member.email}${member.displayName ? html`<br /><span class="muted">${member.displayName}</span>` : ''}
                </th>
                <td>
                  ${
                    self
                      ? html`${ROLE_LABELS[member.role]} (du)`
                      : html`<form method="post" action="/personal/personal/${member.id}/roll">
                          ${csrf}
                          <label class="visually-hidden" for="role-${member.id}">Roll för ${member.email}</label>
                          ${roleSelect(`role-${member.id}`, member.role)}
                          <button type="submit" class="secondary">Byt roll</button>
                        </form>`
                  }
                </td>
                <td>
                  <form method="post" action="/personal/personal/${member.id}/oidc">
                    ${csrf}
                    <label class="visually-hidden" for="oidc-${member.id}">OIDC-id för ${member.email}</label>
                    <input type="text" id="oidc-${member.id}" name="oidc" value="${member.oidcSubject ?? ''}" />
                    <button type="submit" class="secondary">Spara</button>
                  </form>
                </td>
                <td>
                  ${member.active ? 'Aktiv' : 'Avaktiverad'}
                  ${
                    self
                      ? ''
                      : html`<form
                          method="post"
                          action="/personal/personal/${member.id}/${member.active ? 'avaktivera' : 'aktivera'}"
                        >
                          ${csrf}
                          <button type="submit" class="${member.active ? 'warning' : 'secondary'}">
                            ${member.active ? 'Avaktivera' : 'Aktivera'}<span class="visually-hidden">
                              ${member.email}</span
                            >
                          </button>
                        </form>`
                  }
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <h2>Lägg till</h2>
      <form method="post" action="/personal/personal" novalidate>
        ${csrf}
        <div class="field ${emailError ? 'field--error' : ''}">
          <label for="email">E-postadress</label>
          ${emailError ? html`<span class="error-message" id="email-error">Fel: ${emailError.message}</span>` : ''}
          <input
            type="email"
            id="email"
            name="email"
            value="${values['email'] ?? ''}"
            spellcheck="false"
            ${emailError ? html`aria-describedby="email-error"` : ''}
          />
        </div>
        <div class="field">
          <label for="name">Namn (valfritt)</label>
          <input type="text" id="name" name="name" value="${values['name'] ?? ''}" />
        </div>
        <div class="field">
          <label for="role">Roll</label>
          ${roleSelect('role', values['role'] ?? 'handler')}
        </div>
        <button type="submit">Lägg till</button>
      </form>`,
  );
}
