import type { TipStrings } from '../../i18n/tip/sv.ts';
import { TIP_FIELDS, type TipField, type TipFieldErrors } from '../../schemas/tip.ts';
import { SUMMARY_ID } from './field-ids.ts';
import { errorText } from './messages.ts';

export interface ErrorSummaryProps {
  t: TipStrings;
  errors: TipFieldErrors;
  /** The input each field's link goes to. */
  targetOf(field: TipField | 'form'): string;
}

/**
 * GOV.UK error summary: a heading and a link to each field with a problem,
 * in form order. The page moves focus here after a send with errors. Links
 * work without JavaScript (fragment); with it, the field is focused and its
 * label or legend scrolled into view, so the question is visible too.
 */
export function ErrorSummary({ t, errors, targetOf }: ErrorSummaryProps) {
  const fields = [...TIP_FIELDS, 'form' as const].filter((field) => errors[field]);
  if (fields.length === 0) return null;
  return (
    <div id={SUMMARY_ID} class="tip-error-summary" tabindex={-1}>
      <div role="alert">
        <h2 class="tip-error-summary__title">{t.summaryHeading}</h2>
        <ul class="tip-error-summary__list">
          {fields.map((field) => {
            const code = errors[field];
            const target = targetOf(field);
            return (
              code && (
                <li key={field}>
                  <a href={`#${target}`} onClick={(event) => focusTarget(event, target)}>
                    {errorText(t, code)}
                  </a>
                </li>
              )
            );
          })}
        </ul>
      </div>
    </div>
  );
}

function focusTarget(event: MouseEvent, id: string): void {
  const input = document.getElementById(id);
  if (!input) return;
  event.preventDefault();
  // A choice's question is its group's legend; a text field's is its label.
  const choice = input instanceof HTMLInputElement && (input.type === 'radio' || input.type === 'checkbox');
  const caption = choice
    ? input.closest('fieldset')?.querySelector('legend')
    : document.querySelector(`label[for="${id}"]`);
  (caption ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}
