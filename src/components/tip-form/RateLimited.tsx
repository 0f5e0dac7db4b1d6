import type { TipStrings } from '../../i18n/tip/sv.ts';
import { formatNumber, interpolate, pluralForm } from './format.ts';
import { minutesToWait } from './messages.ts';
import type { TipPaths } from './props.ts';
import { RichText } from './RichText.tsx';

/** "Try again in about N minutes" in the language, with its plural form. */
function waitText(t: TipStrings, retryAfterSeconds: number): string {
  const minutes = minutesToWait(retryAfterSeconds);
  return interpolate(pluralForm(t.rateLimited.wait, minutes, t.numberLocale), {
    minutes: formatNumber(minutes, t.numberLocale),
  });
}

/** The page a no-JavaScript post gets when the limits say no: what happened, when to retry, other ways. */
export function RateLimitedPage({
  t,
  paths,
  retryAfterSeconds,
}: {
  t: TipStrings;
  paths: TipPaths;
  retryAfterSeconds: number;
}) {
  return (
    <div class="tip-page">
      <h1>{t.rateLimited.heading}</h1>
      <p class="tip-lead">
        {t.rateLimited.notSent} {waitText(t, retryAfterSeconds)}
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
  outcome: { kind: 'rate-limited'; retryAfterSeconds: number } | { kind: 'failed' };
}) {
  if (outcome.kind === 'rate-limited') {
    return (
      <div id={OUTCOME_ID} class="tip-notice tip-notice--error" tabindex={-1}>
        <h2 class="tip-notice__heading">{t.rateLimited.heading}</h2>
        <p>
          {waitText(t, outcome.retryAfterSeconds)} {t.rateLimited.textKept}
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
