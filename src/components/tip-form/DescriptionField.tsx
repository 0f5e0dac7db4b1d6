import type { TipStrings } from '../../i18n/tip/sv.ts';
import type { PersonalDataKind } from '../../schemas/personal-data.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, type TipErrorCode, type TipField } from '../../schemas/tip.ts';
import { CharacterCount } from './CharacterCount.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { describedBy, errorId, hintId, inputId } from './field-ids.ts';
import { formatNumber, interpolate } from './format.ts';
import { PersonalDataWarning } from './PersonalDataWarning.tsx';
import type { TipPaths } from './props.ts';
import { RichText } from './RichText.tsx';

export interface DescriptionFieldProps {
  t: TipStrings;
  paths: TipPaths;
  value: string;
  error: TipErrorCode | undefined;
  hydrated: boolean;
  personalData: PersonalDataKind[];
  personalDataConfirmStep: boolean;
  /** The server held a send without JavaScript for personal data: show the box to send it as it is. */
  confirmBox: boolean;
  onInput(field: TipField, value: string): void;
  onBlur(field: TipField): void;
}

const LIMITS_ID = 'tip-description-limits';

/**
 * The description: guidance as the hint (what, where, when; no names; 112),
 * the limits, a character count with JavaScript, and the personal-data warning.
 */
export function DescriptionField({
  t,
  paths,
  value,
  error,
  hydrated,
  personalData,
  personalDataConfirmStep,
  confirmBox,
  onInput,
  onBlur,
}: DescriptionFieldProps) {
  const id = inputId('description');
  const limits = interpolate(t.description.limits, {
    min: formatNumber(DESCRIPTION_MIN, t.numberLocale),
    max: formatNumber(DESCRIPTION_MAX, t.numberLocale),
  });
  return (
    <div class={error ? 'tip-group tip-group--error' : 'tip-group'}>
      <label class="tip-label tip-label--question" for={id}>
        {t.description.label}
      </label>
      <div id={hintId('description')} class="tip-hint">
        <p>{t.description.guidanceIntro}</p>
        <ul>
          {t.description.guidance.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p>
          <RichText text={t.description.avoid} paths={paths} />
        </p>
      </div>
      <p id={LIMITS_ID} class="tip-hint">
        {limits}
      </p>
      <ErrorMessage t={t} field="description" code={error} />
      <textarea
        class="tip-textarea"
        id={id}
        name="description"
        rows={8}
        dir="auto"
        autocomplete="off"
        spellcheck
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hintId('description'), LIMITS_ID, error && errorId('description'))}
        onInput={(event) => onInput('description', event.currentTarget.value)}
        onBlur={() => onBlur('description')}
      />
      {hydrated && <CharacterCount t={t} value={value} id="tip-description-count" />}
      <PersonalDataWarning t={t} kinds={personalData} confirmStep={personalDataConfirmStep} confirmBox={confirmBox} />
    </div>
  );
}
