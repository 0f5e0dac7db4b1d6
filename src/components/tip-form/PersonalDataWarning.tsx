import type { TipStrings } from '../../i18n/tip/sv.ts';
import type { PersonalDataKind } from '../../schemas/personal-data.ts';
import { CONFIRM_PERSONAL_DATA_FIELD, CONFIRM_PERSONAL_DATA_ID, inputId } from './field-ids.ts';
import { formatList, interpolate } from './format.ts';

export const PERSONAL_DATA_ID = 'tip-personal-data';
export const PERSONAL_DATA_HELD_ID = 'tip-personal-data-held';

/** "It looks like a phone number and an email address." */
function foundText(t: TipStrings, kinds: PersonalDataKind[]): string {
  return interpolate(t.personalData.found, {
    kinds: formatList(
      kinds.map((kind) => t.personalData.kinds[kind]),
      t.numberLocale,
    ),
  });
}

/**
 * Warns that the description seems to hold a personal identity number, a
 * phone number or an email address. A polite live region that is always in
 * the page, so the warning is heard when it appears. With JavaScript the
 * first send is held once (`confirmStep`: the next send goes through);
 * without it the server holds the send and the form comes back with a box
 * to tick (`confirmBox`) — one rule for both (`personalDataToConfirm`).
 */
export function PersonalDataWarning({
  t,
  kinds,
  confirmStep,
  confirmBox,
}: {
  t: TipStrings;
  kinds: PersonalDataKind[];
  /** True after a send was held back for this warning: the next send goes through. */
  confirmStep: boolean;
  /** The server held a send without JavaScript: offer the box that lets the next one through. */
  confirmBox: boolean;
}) {
  return (
    <div class="tip-live" aria-live="polite">
      {kinds.length > 0 && (
        <div id={PERSONAL_DATA_ID} class="tip-notice tip-notice--warning" tabindex={-1}>
          <p class="tip-notice__title">{t.personalData.heading}</p>
          <p>{foundText(t, kinds)}</p>
          <p>{t.personalData.advice}</p>
          {confirmStep && !confirmBox && (
            <p>
              <strong>{t.personalData.sendAgain}</strong>
            </p>
          )}
          {confirmBox && (
            <div class="tip-checkbox">
              <input
                class="tip-checkbox__input"
                type="checkbox"
                id={CONFIRM_PERSONAL_DATA_ID}
                name={CONFIRM_PERSONAL_DATA_FIELD}
                value="on"
              />
              <label class="tip-checkbox__label" for={CONFIRM_PERSONAL_DATA_ID}>
                {t.personalData.confirmLabel}
              </label>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * The answer at the top of the page when the server held a send without
 * JavaScript for personal data: what was found, that nothing was sent yet,
 * and links to the two ways on (change the text, or tick the box and send).
 */
export function PersonalDataHeld({ t, kinds }: { t: TipStrings; kinds: PersonalDataKind[] }) {
  return (
    <div id={PERSONAL_DATA_HELD_ID} class="tip-notice tip-notice--warning" tabindex={-1}>
      <h2 class="tip-notice__heading">{t.personalData.heading}</h2>
      <p>{foundText(t, kinds)}</p>
      <p>{t.personalData.notSentYet}</p>
      <ul>
        <li>
          <a href={`#${inputId('description')}`}>{t.personalData.editText}</a>
        </li>
        <li>
          <a href={`#${CONFIRM_PERSONAL_DATA_ID}`}>{t.personalData.tickAndSend}</a>
        </li>
      </ul>
    </div>
  );
}
