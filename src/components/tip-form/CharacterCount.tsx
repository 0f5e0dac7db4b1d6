import { useEffect, useRef, useState } from 'preact/hooks';
import type { TipStrings } from '../../i18n/tip/sv.ts';
import { countCharacters } from '../../schemas/text.ts';
import { DESCRIPTION_MAX } from '../../schemas/tip.ts';
import { formatNumber, interpolate, pluralForm } from './format.ts';

/** How long typing must pause before screen readers hear the count (GOV.UK uses 1 s). */
const ANNOUNCE_AFTER_MS = 1000;

/**
 * GOV.UK character count: a visible message that follows every keystroke,
 * and a polite live region that repeats it once typing pauses, so a screen
 * reader is not interrupted on every character. Counts with the schema's
 * own countCharacters, so the count and the server never disagree.
 * Rendered only with JavaScript; the static hint states the limits.
 */
export function CharacterCount({ t, value, id }: { t: TipStrings; value: string; id: string }) {
  const remaining = DESCRIPTION_MAX - countCharacters(value);
  const forms = remaining >= 0 ? t.description.counterRemaining : t.description.counterTooMany;
  const count = Math.abs(remaining);
  const message = interpolate(pluralForm(forms, count, t.numberLocale), {
    count: formatNumber(count, t.numberLocale),
  });
  const [announced, setAnnounced] = useState('');
  const first = useRef(true);
  useEffect(() => {
    // Not on page load: only once the person has typed.
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => setAnnounced(message), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <>
      <p id={id} class={remaining < 0 ? 'tip-count tip-count--over' : 'tip-count'} aria-hidden="true">
        {message}
      </p>
      <p class="tip-visually-hidden" aria-live="polite">
        {announced}
      </p>
    </>
  );
}
