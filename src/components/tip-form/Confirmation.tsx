import type { TipStrings } from '../../i18n/tip/sv.ts';
import { CopyReference } from './CopyReference.tsx';
import { spellReference } from './messages.ts';
import type { TipPaths } from './props.ts';
import { RichText } from './RichText.tsx';

export const CONFIRMATION_HEADING_ID = 'tip-confirmation-heading';

export interface ConfirmationProps {
  t: TipStrings;
  paths: TipPaths;
  reference: string;
  /** Offer a copy button (only where JavaScript runs: the island). */
  copyButton?: boolean;
}

/**
 * GOV.UK confirmation: a panel with the reference, then what happens next.
 * Rendered by the island after a fetch and by the page after a no-JavaScript
 * post, so both paths show the same thing. The reference is shown large and
 * left to right, and spelled out for screen readers ("K 7 M X, 4 R D P").
 */
export function Confirmation({ t, paths, reference, copyButton = false }: ConfirmationProps) {
  const c = t.confirmation;
  return (
    <div class="tip-confirmation">
      <div class="tip-panel">
        <h1 id={CONFIRMATION_HEADING_ID} class="tip-panel__title" tabindex={-1}>
          {c.heading}
        </h1>
        <p class="tip-panel__label">{c.referenceLabel}</p>
        <p class="tip-panel__reference">
          <span class="tip-reference notranslate" dir="ltr" aria-hidden="true">
            {reference}
          </span>
          <span class="tip-visually-hidden" dir="ltr">
            {spellReference(reference)}
          </span>
        </p>
      </div>
      <p>{c.referenceHint}</p>
      {copyButton && <CopyReference t={t} reference={reference} />}
      <h2>{c.nextHeading}</h2>
      <ul class="tip-next">
        {c.next.map((item) => (
          <li key={item}>
            <RichText text={item} paths={paths} />
          </li>
        ))}
      </ul>
      <p>{c.sharedDevice}</p>
      <ul class="tip-links">
        <li>
          <a href={paths.report}>{c.anotherTip}</a>
        </li>
        <li>
          <a href={paths.home}>{c.home}</a>
        </li>
      </ul>
    </div>
  );
}
