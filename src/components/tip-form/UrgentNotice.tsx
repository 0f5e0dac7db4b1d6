import type { TipStrings } from '../../i18n/tip/sv.ts';
import type { TipPaths } from './props.ts';
import { RichText } from './RichText.tsx';

/**
 * The 112 / Kvinnofridslinjen guidance that appears under the answer that
 * calls for it ("happening now", or the close-relationship category). A
 * polite live region that is always present, so it is announced when it
 * appears; it informs and never blocks sending.
 */
export function UrgentNotice({
  t,
  paths,
  kind,
  show,
}: {
  t: TipStrings;
  paths: TipPaths;
  kind: 'now' | 'close';
  show: boolean;
}) {
  const heading = kind === 'now' ? t.urgent.nowHeading : t.urgent.closeHeading;
  const text = kind === 'now' ? t.urgent.now : t.urgent.close;
  return (
    <div class="tip-live" aria-live="polite">
      {show && (
        <div id={`tip-urgent-${kind}`} class="tip-notice tip-notice--urgent">
          <p class="tip-notice__title">{heading}</p>
          <p>
            <RichText text={text} paths={paths} />
          </p>
          <p>{t.urgent.stillSend}</p>
        </div>
      )}
    </div>
  );
}
