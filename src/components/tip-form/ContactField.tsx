import type { TipStrings } from '../../i18n/tip/sv.ts';
import type { TipField, TipFieldErrors } from '../../schemas/tip.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { describedBy, errorId, hintId, inputId } from './field-ids.ts';
import type { TipPaths, TipValues } from './props.ts';
import { RichText } from './RichText.tsx';
import { TextField } from './TextField.tsx';

export interface ContactFieldProps {
  t: TipStrings;
  paths: TipPaths;
  values: TipValues;
  errors: TipFieldErrors;
  hydrated: boolean;
  onChange(field: TipField, value: string): void;
  onBlur(field: TipField): void;
}

const DETAILS_ID = 'tip-contact-details';
const DETAILS_HINT_ID = 'tip-contact-details-hint';

/**
 * Contact, off by default: a plain warning that it ends anonymity towards
 * Huge, a checkbox, and email and phone. With JavaScript the two fields are
 * revealed by the checkbox (GOV.UK conditional reveal); without, they are
 * always visible with a hint, and the server checks the combination.
 */
export function ContactField({ t, paths, values, errors, hydrated, onChange, onBlur }: ContactFieldProps) {
  const wanted = values.contactWanted === 'on';
  const showDetails = !hydrated || wanted;
  const checkboxId = inputId('contactWanted');
  const error = errors.contactWanted;
  return (
    <div class={error ? 'tip-group tip-group--error' : 'tip-group'}>
      <fieldset
        class="tip-fieldset"
        aria-describedby={describedBy(hintId('contactWanted'), error && errorId('contactWanted'))}
      >
        <legend class="tip-legend">
          {t.contact.legend}
          <span class="tip-optional"> {t.optional}</span>
        </legend>
        <div id={hintId('contactWanted')} class="tip-hint">
          <p class="tip-warning">
            <span class="tip-warning__icon" aria-hidden="true">
              !
            </span>
            <strong class="tip-warning__text">
              <RichText text={t.contact.warning} paths={paths} />
            </strong>
          </p>
          <p>{t.contact.noReply}</p>
        </div>
        <ErrorMessage t={t} field="contactWanted" code={error} />
        <div class="tip-checkbox">
          <input
            class="tip-checkbox__input"
            type="checkbox"
            id={checkboxId}
            name="contactWanted"
            value="on"
            checked={wanted}
            aria-controls={hydrated ? DETAILS_ID : undefined}
            onChange={(event) => onChange('contactWanted', event.currentTarget.checked ? 'on' : '')}
          />
          <label class="tip-checkbox__label" for={checkboxId}>
            {t.contact.checkbox}
          </label>
        </div>
        <div id={DETAILS_ID} class="tip-conditional" hidden={!showDetails}>
          <p id={DETAILS_HINT_ID} class="tip-hint">
            {hydrated ? t.contact.detailsHint : `${t.contact.checkboxOnlyHint} ${t.contact.detailsHint}`}
          </p>
          {showDetails && (
            <>
              <TextField
                t={t}
                field="contactEmail"
                label={t.contact.emailLabel}
                extraHintIds={[DETAILS_HINT_ID]}
                type="email"
                inputMode="email"
                autocomplete="email"
                dir="ltr"
                value={values.contactEmail}
                error={errors.contactEmail}
                onInput={onChange}
                onBlur={onBlur}
              />
              <TextField
                t={t}
                field="contactPhone"
                label={t.contact.phoneLabel}
                extraHintIds={[DETAILS_HINT_ID]}
                type="tel"
                inputMode="tel"
                autocomplete="tel"
                dir="ltr"
                width="medium"
                value={values.contactPhone}
                error={errors.contactPhone}
                onInput={onChange}
                onBlur={onBlur}
              />
            </>
          )}
        </div>
      </fieldset>
    </div>
  );
}
