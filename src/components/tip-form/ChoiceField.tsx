import type { ComponentChildren } from 'preact';
import type { TipStrings } from '../../i18n/tip/sv.ts';
import type { TipErrorCode, TipField } from '../../schemas/tip.ts';
import { describedBy, errorId, hintId, inputId } from './field-ids.ts';
import type { TipOption, TipPaths } from './props.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { RichText } from './RichText.tsx';

export interface ChoiceFieldProps {
  t: TipStrings;
  paths: TipPaths;
  field: TipField;
  legend: string;
  /** Rich text. */
  hint?: string;
  optional?: boolean;
  options: TipOption<string>[];
  value: string;
  error: TipErrorCode | undefined;
  onChange(field: TipField, value: string): void;
  /** Revealed content (e.g. the date fields under "on a date"), inside the group. */
  children?: ComponentChildren;
}

/** A question answered with radios: a fieldset whose legend is the question (GOV.UK radios). */
export function ChoiceField({
  t,
  paths,
  field,
  legend,
  hint,
  optional = false,
  options,
  value,
  error,
  onChange,
  children,
}: ChoiceFieldProps) {
  return (
    <div class={error ? 'tip-group tip-group--error' : 'tip-group'}>
      <fieldset class="tip-fieldset" aria-describedby={describedBy(hint && hintId(field), error && errorId(field))}>
        <legend class="tip-legend">
          {legend}
          {optional && <span class="tip-optional"> {t.optional}</span>}
        </legend>
        {hint && (
          <p id={hintId(field)} class="tip-hint">
            <RichText text={hint} paths={paths} />
          </p>
        )}
        <ErrorMessage t={t} field={field} code={error} />
        <div class="tip-radios">
          {options.map((option) => (
            <div class="tip-radio" key={option.id}>
              <input
                class="tip-radio__input"
                type="radio"
                id={inputId(field, option.id)}
                name={field}
                value={option.id}
                checked={value === option.id}
                onChange={() => onChange(field, option.id)}
              />
              <label class="tip-radio__label" for={inputId(field, option.id)}>
                {option.label}
              </label>
            </div>
          ))}
        </div>
        {children}
      </fieldset>
    </div>
  );
}
