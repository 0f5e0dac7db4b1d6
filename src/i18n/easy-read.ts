import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.ts';
import type { PageId } from './routes.ts';

/**
 * Easy-to-read Swedish (lättläst svenska): a few pages that explain the
 * agreement, the focus areas, how to send a tip and where to get help in
 * short sentences and common words, under /lattlast/.
 *
 * Not a locale: its pages are lang="sv" and use the Swedish dictionaries,
 * it is not an hreflang alternate (the same language), and it has no tip
 * form of its own — the Swedish form links to the easy-to-read explanation.
 * Its text is content/lattlast/<page id>.yaml, in the page schema.
 */
export const EASY_READ_PREFIX = '/lattlast/';

/** The easy-to-read pages, with their slugs under /lattlast/. */
export const EASY_READ_SLUGS = {
  home: '',
  agreement: 'overenskommelsen',
  'focus-areas': 'fokusomraden',
  report: 'tipsa',
  help: 'hjalp',
} as const;

export type EasyReadPageId = keyof typeof EASY_READ_SLUGS;
export const EASY_READ_PAGE_IDS = Object.keys(EASY_READ_SLUGS) as EasyReadPageId[];

/** The public path of an easy-to-read page, with a trailing slash. */
export function easyReadPath(page: EasyReadPageId): string {
  const slug = EASY_READ_SLUGS[page];
  return EASY_READ_PREFIX + (slug ? `${slug}/` : '');
}

/** The easy-to-read pages' names in their menu (Swedish: the version has no other language). */
export const EASY_READ_PAGE_NAMES: Readonly<Record<EasyReadPageId, string>> = {
  home: 'Start',
  agreement: 'Överenskommelsen',
  'focus-areas': 'Fyra viktiga områden',
  report: 'Så lämnar du ett tips',
  help: 'Få hjälp',
};

/** The note above every easy-to-read page, and its link to the same subject in ordinary Swedish. */
export const EASY_READ_NOTE = { text: 'Den här sidan är skriven på lättläst svenska.', link: 'Läs på vanlig svenska' };

/** The ordinary page each easy-to-read page explains: where its language links lead. */
export const EASY_READ_ORIGINAL: Readonly<Record<EasyReadPageId, PageId>> = {
  home: 'home',
  agreement: 'agreement',
  'focus-areas': 'home',
  report: 'report',
  help: 'help',
};

/** The easy-to-read page that explains an ordinary page (the header's "Lättläst" link). */
export function easyReadPageFor(page: PageId | 'not-found'): EasyReadPageId {
  if (page.startsWith('focus/')) return 'focus-areas';
  if (page === 'agreement' || page === 'report' || page === 'help') return page;
  return 'home';
}

/** Finds the easy-to-read page a public path names; undefined when none does. */
export function easyReadPageForPath(pathname: string): EasyReadPageId | undefined {
  return EASY_READ_PAGE_IDS.find((page) => easyReadPath(page) === pathname);
}

/** The language tag of the easy-to-read pages. */
export const EASY_READ_LANG: Locale = DEFAULT_LOCALE;

/** How the easy-to-read version is named wherever versions are listed, always in Swedish. */
export const EASY_READ_NAME = 'Lättläst svenska';
/** The short name of the header's link to it (as Swedish public websites name it). */
export const EASY_READ_LINK_TEXT = 'Lättläst';

/** The id of the easy-to-read version among the site's language versions (content/facts.yaml). */
export const EASY_READ_VERSION = 'lattlast';

/** A version of the site: a language, or easy-to-read Swedish. */
export type SiteVersion = Locale | typeof EASY_READ_VERSION;

/** Every version of the site that is not the Swedish original: the translations, then easy-to-read Swedish. */
export const TRANSLATED_VERSIONS: readonly SiteVersion[] = [
  ...LOCALES.filter((locale) => locale !== DEFAULT_LOCALE),
  EASY_READ_VERSION,
];
