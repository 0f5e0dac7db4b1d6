import { useState } from 'preact/hooks';
import type { TipStrings } from '../../i18n/tip/sv.ts';

/** Copies the reference to the clipboard and says so in a polite live region; absent where the clipboard API is. */
export function CopyReference({ t, reference }: { t: TipStrings; reference: string }) {
  const [copied, setCopied] = useState(false);
  if (typeof navigator === 'undefined' || !navigator.clipboard) return null;
  return (
    <p class="tip-copy">
      <button
        type="button"
        class="tip-button tip-button--secondary"
        onClick={() => {
          navigator.clipboard.writeText(reference).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {t.confirmation.copy}
      </button>{' '}
      <span class="tip-copy__status" aria-live="polite">
        {copied ? t.confirmation.copied : ''}
      </span>
    </p>
  );
}
