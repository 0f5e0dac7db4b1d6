import { getCollection, getEntry } from 'astro:content';
import type { Locale } from '../../i18n/locales.ts';
import type { HelpLineId } from '../../content/constants.ts';
import type { Facts, HelpLine } from '../../content/schemas.ts';
import { strings } from '../../i18n/site/index.ts';

/** What rich text needs to render its links and tokens in one language. */
export interface TextContext {
  locale: Locale;
  facts: Facts;
  /** A help line from content/help-lines.yaml; throws if content lacks it (a content test prevents that). */
  helpLine(id: HelpLineId): HelpLine;
  /** How many days tips are kept (RETENTION_DAYS, fixed at build time). */
  retentionDays: number;
  /** Formats a YYYY-MM-DD date for this language, e.g. "31 december 2024". */
  formatDate(isoDate: string): string;
}

/** Loads the facts and help lines once per page render. */
export async function loadTextContext(locale: Locale): Promise<TextContext> {
  const facts = await getEntry('facts', 'facts');
  if (!facts) throw new Error('content/facts.yaml must have one entry with the id "facts"');
  const helpLines = new Map((await getCollection('helpLines')).map((entry) => [entry.data.id, entry.data]));
  const dates = new Intl.DateTimeFormat(strings(locale).dateLocale, {
    dateStyle: 'long',
    timeZone: 'UTC',
    numberingSystem: 'latn',
  });
  return {
    locale,
    facts: facts.data,
    helpLine(id) {
      const line = helpLines.get(id);
      if (!line) throw new Error(`content/help-lines.yaml has no line "${id}"`);
      return line;
    },
    retentionDays: import.meta.env.RETENTION_DAYS,
    formatDate: (isoDate) => dates.format(new Date(`${isoDate}T00:00:00Z`)),
  };
}
