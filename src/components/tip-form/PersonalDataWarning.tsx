import type { TipStrings } from '../../i18n/tip/sv.ts';
import type { PersonalDataKind } from '../../schemas/personal-data.ts';
import { formatList, interpolate } from './format.ts';

export const PERSONAL_DATA_ID = 'tip-personal-data';

/**
 * Warns that the description seems to hold a personal identity number, a
 * phone number or an email address. A polite live region that is always in
 * the page, so the warning is heard when it appears; it never blocks sending.
 */
export function PersonalDataWarning({
  t,
  kinds,
  confirmStep,
}: {
  t: TipStrings;
  kinds: PersonalDataKind[];
  /** True after a send was held back for this warning: the next send goes through. */
  confirmStep: boolean;
}) {
  return (
    <div class="tip-live" aria-live="polite">
      {kinds.length > 0 && (
        <div id={PERSONAL_DATA_ID} class="tip-notice tip-notice--warning" tabindex={-1}>
          <p class="tip-notice__title">{t.personalData.heading}</p>
          <p>
            {interpolate(t.personalData.found, {
              kinds: formatList(
                kinds.map((kind) => t.personalData.kinds[kind]),
                t.numberLocale,
              ),
            })}
          </p>
          <p>{t.personalData.advice}</p>
          {confirmStep && (
            <p>
              <strong>{t.personalData.sendAgain}</strong>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
