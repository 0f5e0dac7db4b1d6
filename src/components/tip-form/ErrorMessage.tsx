import type { TipStrings } from '../../i18n/tip/sv.ts';
import type { TipErrorCode, TipField } from '../../schemas/tip.ts';
import { errorId } from './field-ids.ts';
import { errorText } from './messages.ts';

/** An inline error beside its field (GOV.UK error message: a hidden "Error:" prefix for screen readers). */
export function ErrorMessage({
  t,
  field,
  code,
}: {
  t: TipStrings;
  field: TipField | 'form';
  code: TipErrorCode | undefined;
}) {
  if (!code) return null;
  return (
    <p id={errorId(field)} class="tip-error-message">
      <span class="tip-visually-hidden">{t.errorPrefix} </span>
      {errorText(t, code)}
    </p>
  );
}
