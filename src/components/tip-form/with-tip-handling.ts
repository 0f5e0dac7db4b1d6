import type { TipStrings } from '../../i18n/tip/sv.ts';

/** The point in `about.points` and in `confirmation.next` that says where a tip is sent. */
export const SENT_TO_POINT = { about: 1, next: 0 } as const;

/**
 * The tip form's strings with Huge's confirmed sentences on how tips are
 * handled (content/facts.yaml `tipHandling`, see src/content/tip-handling.ts)
 * added to the points that say where a tip is sent: beside the form and on
 * the confirmation. With no confirmed sentences the strings are unchanged.
 */
export function withTipHandling(t: TipStrings, sentences: readonly string[]): TipStrings {
  if (sentences.length === 0) return t;
  const extend = (points: readonly string[], index: number) =>
    points.map((point, at) => (at === index ? [point, ...sentences].join(' ') : point));
  return {
    ...t,
    about: { ...t.about, points: extend(t.about.points, SENT_TO_POINT.about) },
    confirmation: { ...t.confirmation, next: extend(t.confirmation.next, SENT_TO_POINT.next) },
  };
}
