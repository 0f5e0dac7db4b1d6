import { LOCALE_INFO, LOCALES, type Locale } from './locales.ts';

/**
 * Every public page, by a language-neutral id, with its slug in each language.
 * Pages, the language switcher, hreflang links, the sitemap and the front
 * layer's routing all derive their URLs from this one table.
 *
 * A published slug is permanent. Swedish and Finnish have slugs in their own
 * words (the Finnish ones are everyday words a review is unlikely to change:
 * sopimus, apua, vihje …). English, Arabic and Somali use the English slugs;
 * Arabic and Somali get their own once a native speaker has chosen them.
 */
export const PAGE_SLUGS = {
  home: { sv: '', en: '', ar: '', fi: '', so: '' },
  agreement: { sv: 'overenskommelsen', en: 'agreement', ar: 'agreement', fi: 'sopimus', so: 'agreement' },
  'focus/gang-crime': {
    sv: 'fokus/gangkriminalitet',
    en: 'focus/gang-crime',
    ar: 'focus/gang-crime',
    fi: 'painopisteet/jengirikollisuus',
    so: 'focus/gang-crime',
  },
  'focus/public-spaces': {
    sv: 'fokus/offentliga-rummet',
    en: 'focus/public-spaces',
    ar: 'focus/public-spaces',
    fi: 'painopisteet/julkiset-tilat',
    so: 'focus/public-spaces',
  },
  'focus/close-relationships': {
    sv: 'fokus/vald-i-nara-relationer',
    en: 'focus/close-relationships',
    ar: 'focus/close-relationships',
    fi: 'painopisteet/lahisuhdevakivalta',
    so: 'focus/close-relationships',
  },
  'focus/andts': {
    sv: 'fokus/andts',
    en: 'focus/andts',
    ar: 'focus/andts',
    fi: 'painopisteet/paihteet-ja-rahapelit',
    so: 'focus/andts',
  },
  partners: { sv: 'parter', en: 'partners', ar: 'partners', fi: 'osapuolet', so: 'partners' },
  'situational-picture': {
    sv: 'lagesbild',
    en: 'situational-picture',
    ar: 'situational-picture',
    fi: 'tilannekuva',
    so: 'situational-picture',
  },
  privacy: { sv: 'integritet', en: 'privacy', ar: 'privacy', fi: 'yksityisyys', so: 'privacy' },
  accessibility: {
    sv: 'tillganglighet',
    en: 'accessibility',
    ar: 'accessibility',
    fi: 'saavutettavuus',
    so: 'accessibility',
  },
  help: { sv: 'hjalp', en: 'help', ar: 'help', fi: 'apua', so: 'help' },
  report: { sv: 'tipsa', en: 'report', ar: 'report', fi: 'vihje', so: 'report' },
} as const satisfies Record<string, Record<Locale, string>>;

export type PageId = keyof typeof PAGE_SLUGS;
export const PAGE_IDS = Object.keys(PAGE_SLUGS) as PageId[];

/** Pages rendered per request by the server (they carry a fresh form token). */
export const DYNAMIC_PAGE_IDS: readonly PageId[] = ['report'];

/** The public path of a page in a language, always with a trailing slash. */
export function pathFor(page: PageId, locale: Locale): string {
  const slug = PAGE_SLUGS[page][locale];
  return LOCALE_INFO[locale].pathPrefix + (slug ? `${slug}/` : '');
}

/** Finds the page and language a public path names; undefined when none does. */
export function pageForPath(pathname: string): { page: PageId; locale: Locale } | undefined {
  return PATH_INDEX.get(pathname);
}

const PATH_INDEX = new Map<string, { page: PageId; locale: Locale }>(
  PAGE_IDS.flatMap((page) => LOCALES.map((locale) => [pathFor(page, locale), { page, locale }] as const)),
);

/** The 404 page of each language, prerendered as an ordinary page. */
export function notFoundPathFor(locale: Locale): string {
  return `${LOCALE_INFO[locale].pathPrefix}404/`;
}
