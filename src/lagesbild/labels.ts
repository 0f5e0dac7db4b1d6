import { AREA_LABELS, CATEGORY_LABELS, FOCUS_AREA_LABELS } from '../delivery/mail/labels.ts';
import type { CountSource, PartnerId } from '../schemas/lagesbild-options.ts';
import type { FocusAreaId } from '../schemas/tip-options.ts';

/**
 * The Swedish words of the lägesbild's exports and charts. Districts, events
 * and focus areas are the tip form's (content/tip-options/, the one source);
 * the partners' short names are the ones the operative group uses.
 */

export { AREA_LABELS, CATEGORY_LABELS };

export const PARTNER_LABELS: Readonly<Record<PartnerId, string>> = {
  'huge-bostader': 'Huge',
  'huddinge-kommun': 'Huddinge kommun',
  polisen: 'Polisen',
  sbff: 'Södertörns brandförsvarsförbund',
  'huddinge-samhallsfastigheter': 'Huddinge Samhällsfastigheter',
  kriminalvarden: 'Kriminalvården',
};

export const SOURCE_LABELS: Readonly<Record<CountSource, string>> = {
  tip: 'Tips via webbplatsen',
  ...PARTNER_LABELS,
  other: 'Annan källa',
};

/** Focus areas, and "none" for the events that belong to none ("other"). */
export type FocusAreaKey = FocusAreaId | 'none';

export const FOCUS_KEY_LABELS: Readonly<Record<FocusAreaKey, string>> = {
  ...FOCUS_AREA_LABELS,
  none: 'Inget fokusområde (övrigt)',
};
