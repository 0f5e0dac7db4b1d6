import type { TipStrings } from '../../i18n/tip/sv.ts';
import { waitText } from './messages.ts';
import type { TipPaths } from './props.ts';
import { RichText } from './RichText.tsx';

/**
 * The page a form post gets when the flood limit says no: what happened,
 * when to retry, other ways. Prerendered per language with a placeholder
 * for `wait` (src/pages/tip-form/refused/), which the edge fills in.
 */
export function RateLimitedPage({ t, paths, wait }: { t: TipStrings; paths: TipPaths; wait: string }) {
  return (
    <div class="tip-page">
      <h1>{t.rateLimited.heading}</h1>
      <p class="tip-lead">
        {t.rateLimited.notSent} {wait}
      </p>
      <p>
        <RichText text={t.rateLimited.alternatives} paths={paths} />
      </p>
      <p>
        <a href={paths.report}>{t.rateLimited.backToForm}</a>
      </p>
    </div>
  );
}

export const OUTCOME_ID = 'tip-outcome';

/**
 * The island's notice when a send did not go through (rate limited, or any
 * other failure); the form and the text stay below it. Focus moves here.
 */
export function OutcomeNotice({
  t,
  paths,
  outcome,
}: {
  t: TipStrings;
  paths: TipPaths;
  outcome: { kind: 'rate-limited'; retryAfterSeconds: number; overloaded: boolean } | { kind: 'failed' };
}) {
  if (outcome.kind === 'rate-limited') {
    return (
      <div id={OUTCOME_ID} class="tip-notice tip-notice--error" tabindex={-1}>
        <h2 class="tip-notice__heading">{t.rateLimited.heading}</h2>
        <p>
          {waitText(t, outcome.retryAfterSeconds, outcome.overloaded)} {t.rateLimited.textKept}
        </p>
        <p>
          <RichText text={t.rateLimited.alternatives} paths={paths} />
        </p>
      </div>
    );
  }
  return (
    <div id={OUTCOME_ID} class="tip-notice tip-notice--error" tabindex={-1}>
      <h2 class="tip-notice__heading">{t.failure.heading}</h2>
      <p>
        <RichText text={t.failure.text} paths={paths} />
      </p>
    </div>
  );
}
