/**
 * The closed lists of the weekly lägesbild beside the tip form's (events and
 * districts come from tip-options.ts, the one source for both). Ids are
 * stable: they are stored, exported and used in links. Browser-safe: no imports.
 */

/** The parties to the agreement, with the ids of content/partners.yaml: who an agreed action falls to. */
export const PARTNER_IDS = [
  'huge-bostader',
  'huddinge-kommun',
  'polisen',
  'sbff',
  'huddinge-samhallsfastigheter',
  'kriminalvarden',
] as const;
export type PartnerId = (typeof PARTNER_IDS)[number];

/** Who reported an observation a handler adds: a partner or someone else. */
export const OBSERVATION_SOURCES = [...PARTNER_IDS, 'other'] as const;
export type ObservationSource = (typeof OBSERVATION_SOURCES)[number];

/** Where a count comes from: a tip through this service, or an observation's source. */
export const COUNT_SOURCES = ['tip', ...OBSERVATION_SOURCES] as const;
export type CountSource = (typeof COUNT_SOURCES)[number];

/** Limits of what handlers write. */
export const SUMMARY_MAX = 500;
export const PLACE_NAME_MAX = 200;
export const NOTES_MAX = 20_000;
export const ACTION_WHAT_MAX = 500;

/**
 * Every lägesbild act the staff audit trail records, by a stable name (part
 * of the trail's AUDIT_ACTIONS, src/store/staff-store.ts).
 */
export const LAGESBILD_AUDIT_ACTIONS = [
  'lagesbild.week.view',
  'lagesbild.trend.view',
  'lagesbild.rollup.view',
  'lagesbild.version.view',
  'lagesbild.export.counts',
  'lagesbild.export.entries',
  'lagesbild.export.rollup',
  'lagesbild.entry.add-tip',
  'lagesbild.entry.add-observation',
  'lagesbild.entry.edit',
  'lagesbild.entry.remove',
  'lagesbild.notes.set',
  'lagesbild.action.add',
  'lagesbild.action.edit',
  'lagesbild.action.remove',
  'lagesbild.week.freeze',
] as const;
export type LagesbildAuditAction = (typeof LAGESBILD_AUDIT_ACTIONS)[number];
