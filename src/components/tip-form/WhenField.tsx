import type { TipStrings } from '../../i18n/tip/sv.ts';
import type { TipFieldErrors, TipField } from '../../schemas/tip.ts';
import { TIMES_OF_DAY, WHEN_KINDS } from '../../schemas/tip-options.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { describedBy, errorId, inputId } from './field-ids.ts';
import type { TipPaths, TipValues } from './props.ts';
import { TextField } from './TextField.tsx';

export interface WhenFieldProps {
  t: TipStrings;
  paths: TipPaths;
  values: TipValues;
  errors: TipFieldErrors;
  /** With JavaScript the date fields show only under "on a date"; without, always (with a hint). */
  hydrated: boolean;
  onChange(field: TipField, value: string): void;
  onBlur(field: TipField): void;
}

const DATE_DETAILS_ID = 'tip-when-date-details';

/**
 * When it happened: now, on a date (revealing a date and a rough time of
 * day), recurring, or not said ("" — the default, last in the list).
 */
export function WhenField({ t, paths, values, errors, hydrated, onChange, onBlur }: WhenFieldProps) {
  const options = [
    ...WHEN_KINDS.map((kind) => ({ id: kind as string, label: t.when[kind] })),
    { id: '', label: t.when.unsaid },
  ];
  const showDetails = !hydrated || values.when === 'date';
  const timeId = inputId('whenTime');
  return (
    <ChoiceField
      t={t}
      paths={paths}
      field="when"
      legend={t.when.legend}
      optional
      options={options}
      value={values.when}
      error={errors.when}
      onChange={onChange}
    >
      <div id={DATE_DETAILS_ID} class="tip-conditional" hidden={!showDetails}>
        {!hydrated && <p class="tip-hint">{t.when.dateOnlyHint}</p>}
        {showDetails && (
          <>
            <TextField
              t={t}
              field="whenDate"
              label={t.when.dateLabel}
              type="date"
              dir="ltr"
              width="short"
              autocomplete="off"
              value={values.whenDate}
              error={errors.whenDate}
              onInput={onChange}
              onBlur={onBlur}
            />
            <div class={errors.whenTime ? 'tip-group tip-group--error' : 'tip-group'}>
              <label class="tip-label" for={timeId}>
                {t.when.timeLabel}
                <span class="tip-optional"> {t.optional}</span>
              </label>
              <ErrorMessage t={t} field="whenTime" code={errors.whenTime} />
              <select
                class="tip-select"
                id={timeId}
                name="whenTime"
                value={values.whenTime}
                aria-invalid={errors.whenTime ? 'true' : undefined}
                aria-describedby={describedBy(errors.whenTime && errorId('whenTime'))}
                onChange={(event) => onChange('whenTime', event.currentTarget.value)}
              >
                <option value="" selected={values.whenTime === ''}>
                  {t.when.times.unsaid}
                </option>
                {TIMES_OF_DAY.map((time) => (
                  <option key={time} value={time} selected={values.whenTime === time}>
                    {t.when.times[time]}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
      </div>
    </ChoiceField>
  );
}
