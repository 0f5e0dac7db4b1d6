import type { TipStrings } from '../../i18n/tip/sv.ts';
import type { TipPaths } from './props.ts';
import { RichText } from './RichText.tsx';

/** What to know before writing: not a police report, not read around the clock, who reads it when, help lines. */
export function AboutTips({ t, paths }: { t: TipStrings; paths: TipPaths }) {
  return (
    <section class="tip-about" aria-labelledby="tip-about-heading">
      <h2 id="tip-about-heading" class="tip-about__heading">
        {t.about.heading}
      </h2>
      <ul class="tip-about__list">
        {t.about.points.map((point) => (
          <li key={point}>
            <RichText text={point} paths={paths} />
          </li>
        ))}
      </ul>
    </section>
  );
}
