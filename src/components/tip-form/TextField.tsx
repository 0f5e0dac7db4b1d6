import type { TipStrings } from '../../i18n/tip/sv.ts';
import type { TipErrorCode, TipField } from '../../schemas/tip.ts';
import { describedBy, errorId, hintId, inputId } from './field-ids.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export interface TextFieldProps {
  t: TipStrings;
  field: TipField;
  label: string;
  hint?: string;
  /** Ids of hints outside the group that describe this input too. */
  extraHintIds?: string[];
  optional?: boolean;
  type?: 'text' | 'email' | 'tel' | 'date';
  autocomplete: string;
  inputMode?: 'text' | 'email' | 'tel';
  /** Email, phone and date read left to right in every language. */
  dir?: 'ltr' | 'auto';
  width?: 'full' | 'medium' | 'short';
  value: string;
  error: TipErrorCode | undefined;
  onInput(field: TipField, value: string): void;
  onBlur(field: TipField): void;
}

/**
 * A labelled one-line input with its hint and inline error (GOV.UK text input).
 * No maxlength: it counts UTF-16 units, not the characters the schema counts.
 */
export function TextField({
  t,
  field,
  label,
  hint,
  extraHintIds = [],
  optional = false,
  type = 'text',
  autocomplete,
  inputMode,
  dir = 'auto',
  width = 'full',
  value,
  error,
  onInput,
  onBlur,
}: TextFieldProps) {
  const id = inputId(field);
  return (
    <div class={error ? 'tip-group tip-group--error' : 'tip-group'}>
      <label class="tip-label" for={id}>
        {label}
        {optional && <span class="tip-optional"> {t.optional}</span>}
      </label>
      {hint && (
        <p id={hintId(field)} class="tip-hint">
          {hint}
        </p>
      )}
      <ErrorMessage t={t} field={field} code={error} />
      <input
        class={`tip-input tip-input--${width}`}
        id={id}
        name={field}
        type={type}
        value={value}
        dir={dir}
        autocomplete={autocomplete}
        inputMode={inputMode}
        spellcheck={type === 'text'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && hintId(field), ...extraHintIds, error && errorId(field))}
        onInput={(event) => onInput(field, event.currentTarget.value)}
        onBlur={() => onBlur(field)}
      />
    </div>
  );
}
