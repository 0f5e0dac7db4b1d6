import { html } from 'hono/html';

/** A fragment of escaped HTML (hono/html: every interpolated value is escaped unless it is itself a fragment). */
export type Html = ReturnType<typeof html>;

export { html };

/** A form field's error, for the error summary and the field itself. */
export interface FieldError {
  field: string;
  message: string;
}

/** GOV.UK's error summary: first in the main content, each message a link to its field. */
export function errorSummary(errors: readonly FieldError[]): Html {
  if (errors.length === 0) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
    <h2 id="error-summary-title">Det finns ett problem</h2>
    <ul>
      ${errors.map((error) => html`<li><a href="#${error.field}">${error.message}</a></li>`)}
    </ul>
  </div>`;
}

/** The hidden field every state-changing staff form carries. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}" />`;
}

const STOCKHOLM_MINUTE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const STOCKHOLM_DAY = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "2026-11-30 13:05", Swedish time, to the minute. */
export function formatMinute(ms: number): string {
  return STOCKHOLM_MINUTE.format(ms);
}

/** "2026-11-30", Swedish time. */
export function formatDay(ms: number): string {
  return STOCKHOLM_DAY.format(ms);
}

/** A `<time>` element for a moment, shown to the minute in Swedish time. */
export function timeTag(ms: number): Html {
  return html`<time datetime="${new Date(ms).toISOString()}">${formatMinute(ms)}</time>`;
}
