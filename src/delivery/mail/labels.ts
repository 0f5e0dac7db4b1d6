import areas from '../../../content/tip-options/areas.json' with { type: 'json' };
import categories from '../../../content/tip-options/categories.json' with { type: 'json' };
import type { Locale } from '../../i18n/locales.ts';
import type { PersonalDataKind } from '../../schemas/personal-data.ts';
import {
  AREA_IDS,
  CATEGORY_FOCUS_AREA,
  CATEGORY_IDS,
  type AreaId,
  type CategoryId,
  type FocusAreaId,
  type TimeOfDay,
} from '../../schemas/tip-options.ts';

/**
 * The Swedish words the forwarded email is built from. Every label is looked
 * up by an allow-listed id; nothing a tipster typed ever becomes a label, so
 * the subject line cannot carry user text (THREATS #3).
 */

function swedishLabels<T extends string>(
  ids: readonly T[],
  entries: readonly { id: string; label: { sv: string } }[],
): Readonly<Record<T, string>> {
  const byId = new Map(entries.map((entry) => [entry.id, entry.label.sv]));
  const labels = {} as Record<T, string>;
  for (const id of ids) {
    const label = byId.get(id);
    if (!label) throw new Error(`content/tip-options: no Swedish label for "${id}"`);
    labels[id] = label;
  }
  return labels;
}

export const CATEGORY_LABELS = swedishLabels(CATEGORY_IDS, categories);
export const AREA_LABELS = swedishLabels(AREA_IDS, areas);

/**
 * Short event names for the subject line: a phone's list view shows about
 * forty characters, and the form's labels carry examples ("…, till exempel
 * bråk eller stök") that push the rest of the subject out of sight.
 */
export const CATEGORY_SHORT_LABELS: Readonly<Record<CategoryId, string>> = {
  'unsafe-place': 'Otrygg plats',
  disturbance: 'Ordningsstörning',
  vandalism: 'Skadegörelse',
  'fire-setting': 'Anlagd brand',
  drugs: 'Narkotika',
  'alcohol-doping-tobacco-gambling': 'Alkohol, dopning m.m.',
  'gang-activity': 'Gängaktivitet',
  'close-relationship-violence': 'Våld i nära relation',
  other: 'Övrigt',
};

/**
 * The district's name without the places the form adds in brackets, for the
 * subject line; undefined for "another place" and "don't know" (no district).
 */
export const DISTRICT_NAMES: Readonly<Partial<Record<AreaId, string>>> = {
  flemingsberg: 'Flemingsberg',
  segeltorp: 'Segeltorp',
  'sjodalen-fullersta': 'Sjödalen-Fullersta',
  skogas: 'Skogås',
  'stuvsta-snattringe': 'Stuvsta-Snättringe',
  trangsund: 'Trångsund',
  varby: 'Vårby',
};

/** The four focus areas of the collaboration agreement (FACTS.md). */
export const FOCUS_AREA_LABELS: Readonly<Record<FocusAreaId, string>> = {
  'gang-crime': 'Gängkriminalitet',
  'public-spaces': 'Tryggheten i det offentliga rummet',
  'close-relationships': 'Våld i nära relationer',
  andts: 'Alkohol, narkotika, dopning, tobak och spel (ANDTS)',
};

/** The focus area an event belongs to, in words ("other" belongs to none). */
export function focusAreaLabel(category: CategoryId): string {
  const focusArea = CATEGORY_FOCUS_AREA[category];
  return focusArea ? FOCUS_AREA_LABELS[focusArea] : 'Inget särskilt (övrigt)';
}

export function categoryLabel(category: CategoryId): string {
  return CATEGORY_LABELS[category];
}

export function areaLabel(area: AreaId): string {
  return AREA_LABELS[area];
}

/** The form's language as a Swedish adjective: "formuläret på arabiska". */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  sv: 'svenska',
  en: 'engelska',
  ar: 'arabiska',
  fi: 'finska',
  so: 'somaliska',
};

export const TIME_OF_DAY_LABELS: Readonly<Record<TimeOfDay, string>> = {
  morning: 'morgon',
  daytime: 'dagtid',
  evening: 'kväll',
  night: 'natt',
};

export const PERSONAL_DATA_LABELS: Readonly<Record<PersonalDataKind, string>> = {
  'personal-identity-number': 'personnummer',
  'phone-number': 'telefonnummer',
  'email-address': 'e-postadress',
};
