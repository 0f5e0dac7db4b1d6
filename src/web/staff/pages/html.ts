import { html } from 'hono/html';
import { formatMinute } from '../../../platform/stockholm-time.ts';

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

/** A `<time>` element for a moment, shown to the minute in Swedish time. */
export function timeTag(ms: number): Html {
  return html`<time datetime="${new Date(ms).toISOString()}">${formatMinute(ms)}</time>`;
}
