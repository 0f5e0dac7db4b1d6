import { Component } from 'preact';
import type { TipStrings } from '../../i18n/tip/sv.ts';
import { countCharacters } from '../../schemas/text.ts';
import { DESCRIPTION_MAX } from '../../schemas/tip.ts';
import { formatNumber, interpolate, pluralForm } from './format.ts';

/** How long typing must pause before screen readers hear the count (GOV.UK uses 1 s). */
const ANNOUNCE_AFTER_MS = 1000;

interface CharacterCountProps {
  t: TipStrings;
  value: string;
  id: string;
}

/** "You have N characters remaining" / "… too many", counted as the schema counts. */
function countMessage({ t, value }: CharacterCountProps): { text: string; over: boolean } {
  const remaining = DESCRIPTION_MAX - countCharacters(value);
  const forms = remaining >= 0 ? t.description.counterRemaining : t.description.counterTooMany;
  const count = Math.abs(remaining);
  const text = interpolate(pluralForm(forms, count, t.numberLocale), { count: formatNumber(count, t.numberLocale) });
  return { text, over: remaining < 0 };
}

/**
 * GOV.UK character count: a visible message that follows every keystroke,
 * and a polite live region that repeats it once typing pauses, so a screen
 * reader is not interrupted on every character (and hears nothing on page
 * load). Counts with the schema's own countCharacters, so the count and the
 * server never disagree. Rendered only with JavaScript; the static hint
 * states the limits.
 */
export class CharacterCount extends Component<CharacterCountProps, { announced: string }> {
  private timer: ReturnType<typeof setTimeout> | undefined;

  override state = { announced: '' };

  override componentDidUpdate(previous: CharacterCountProps): void {
    if (previous.value === this.props.value) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.setState({ announced: countMessage(this.props).text }), ANNOUNCE_AFTER_MS);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  override render() {
    const { text, over } = countMessage(this.props);
    return (
      <>
        <p id={this.props.id} class={over ? 'tip-count tip-count--over' : 'tip-count'} aria-hidden="true">
          {text}
        </p>
        <p class="tip-visually-hidden" aria-live="polite">
          {this.state.announced}
        </p>
      </>
    );
  }
}
