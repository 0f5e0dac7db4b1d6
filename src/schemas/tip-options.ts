/**
 * The closed lists a tip chooses from. Ids are stable (they are stored and
 * used in links); the labels in each language live in content/tip-options/.
 */

export const FOCUS_AREA_IDS = ['gang-crime', 'public-spaces', 'close-relationships', 'andts'] as const;
export type FocusAreaId = (typeof FOCUS_AREA_IDS)[number];

export const CATEGORY_IDS = [
  'unsafe-place',
  'disturbance',
  'vandalism',
  'fire-setting',
  'drugs',
  'alcohol-doping-tobacco-gambling',
  'gang-activity',
  'close-relationship-violence',
  'other',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** Each event belongs to exactly one focus area; "other" deliberately to none. */
export const CATEGORY_FOCUS_AREA: Readonly<Record<CategoryId, FocusAreaId | null>> = {
  'unsafe-place': 'public-spaces',
  disturbance: 'public-spaces',
  vandalism: 'public-spaces',
  'fire-setting': 'public-spaces',
  drugs: 'andts',
  'alcohol-doping-tobacco-gambling': 'andts',
  'gang-activity': 'gang-crime',
  'close-relationship-violence': 'close-relationships',
  other: null,
};

/** The categories of a focus area, in list order: what its page preselects or offers first. */
export function categoriesOf(focusArea: FocusAreaId): CategoryId[] {
  return CATEGORY_IDS.filter((id) => CATEGORY_FOCUS_AREA[id] === focusArea);
}

/** Huddinge's seven districts, then the two catch-alls. */
export const AREA_IDS = [
  'flemingsberg',
  'segeltorp',
  'sjodalen-fullersta',
  'skogas',
  'stuvsta-snattringe',
  'trangsund',
  'varby',
  'other-huddinge',
  'unknown',
] as const;
export type AreaId = (typeof AREA_IDS)[number];

/** When it happened: not said (""), happening now, on a date, or something that keeps happening. */
export const WHEN_KINDS = ['now', 'date', 'recurring'] as const;
export type WhenKind = (typeof WHEN_KINDS)[number];

export const TIMES_OF_DAY = ['morning', 'daytime', 'evening', 'night'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];
