import { Component } from 'preact';
import type { TipStrings } from '../../i18n/tip/sv.ts';

/** Copies the reference to the clipboard and says so in a polite live region; absent without the clipboard API. */
export class CopyReference extends Component<{ t: TipStrings; reference: string }, { copied: boolean }> {
  override state = { copied: false };

  override render() {
    const { t, reference } = this.props;
    if (typeof navigator === 'undefined' || !navigator.clipboard) return null;
    return (
      <p class="tip-copy">
        <button
          type="button"
          class="tip-button tip-button--secondary"
          onClick={() => {
            navigator.clipboard.writeText(reference).then(
              () => this.setState({ copied: true }),
              () => this.setState({ copied: false }),
            );
          }}
        >
          {t.confirmation.copy}
        </button>{' '}
        <span class="tip-copy__status" aria-live="polite">
          {this.state.copied ? t.confirmation.copied : ''}
        </span>
      </p>
    );
  }
}
