import type { TipStrings } from '../../i18n/tip/sv.ts';
import { DESCRIPTION_MAX } from '../../schemas/tip.ts';
import type { RefusalReason } from '../../schemas/tip-template.ts';
import { formatNumber, interpolate } from './format.ts';
import type { TipPaths } from './props.ts';
import { RichText } from './RichText.tsx';

/**
 * The page a form post gets when it could not be taken at all (from another
 * site, unreadable, too large, of a type the form never sends): what
 * happened, that nothing was sent, the way back to the form and other ways.
 * Prerendered per language (src/pages/tip-form/refused/).
 */
export function RefusedPage({
  t,
  paths,
  reason,
}: {
  t: TipStrings;
  paths: TipPaths;
  reason: Exclude<RefusalReason, 'too-many'>;
}) {
  const { heading, text } = t.refused[reason];
  return (
    <div class="tip-page">
      <h1>{heading}</h1>
      <p class="tip-lead">{interpolate(text, { max: formatNumber(DESCRIPTION_MAX, t.numberLocale) })}</p>
      <p>
        {t.refused.again} <a href={paths.report}>{t.rateLimited.backToForm}</a>
      </p>
      <p>
        <RichText text={t.rateLimited.alternatives} paths={paths} />
      </p>
    </div>
  );
}
