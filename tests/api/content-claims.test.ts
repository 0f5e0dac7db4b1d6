import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRichText } from '../../src/content/rich-text.ts';
import { factsSchema, type ConfirmableFact } from '../../src/content/schemas.ts';
import { LOCALES, type Locale } from '../../src/i18n/locales.ts';
import { PAGE_IDS, pathFor } from '../../src/i18n/routes.ts';
import { DICTIONARIES } from '../../src/i18n/site/index.ts';
import { TIP_DICTIONARIES } from '../../src/i18n/tip/index.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

// The built site says only what is known: every page in every language (the
// tip form's pages included, whose HTML carries the confirmation's strings
// for the island) is searched for the drafts in content/facts.yaml that wait
// for Huge's confirmation. None may appear until it is confirmed.

const yaml = createRequire(import.meta.resolve('astro/package.json'))('js-yaml') as { load(text: string): unknown };
const facts = factsSchema.parse((yaml.load(readFileSync('content/facts.yaml', 'utf8')) as { facts: unknown }).facts);

let server: TestServer;
/** Every page's HTML by path. */
const pages = new Map<string, string>();

beforeAll(async () => {
  server = await startServer();
  for (const page of PAGE_IDS) {
    for (const locale of LOCALES) {
      const path = pathFor(page, locale);
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(200);
      pages.set(path, decodeEntities(await response.text()));
    }
  }
});
afterAll(() => server?.stop());

/** HTML as text: the island's props are an attribute, with quotes and ampersands escaped. */
function decodeEntities(html: string): string {
  return html.replace(/&(quot|#39|#x27|apos|lt|gt|amp);/g, (_, name: string) =>
    name === 'quot' ? '"' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'amp' ? '&' : "'",
  );
}

/**
 * The longest plain-text run of a draft, to recognise it by (markup such as [Huge](lang:sv) renders
 * differently, and a short run such as "Huge's area developers" also stands in confirmed text).
 */
function fragmentsOf(text: string): string[] {
  const runs = parseRichText(text).parts.flatMap((part) =>
    part.kind === 'text' || part.kind === 'strong' ? [part.text.trim()] : [],
  );
  const longest = runs.reduce((best, run) => (run.length > best.length ? run : best), '');
  return longest.length >= 12 ? [longest] : [];
}

/** What a draft would look like on a page, per language. */
function draftFootprints(path: ConfirmableFact, draft: unknown): Record<Locale, string[]> {
  if (path === 'agreement.exactDates') {
    const { start, end } = draft as { start: string; end: string };
    return Object.fromEntries(
      LOCALES.map((locale) => {
        const format = new Intl.DateTimeFormat(DICTIONARIES[locale].dateLocale, {
          dateStyle: 'long',
          timeZone: 'UTC',
          numberingSystem: 'latn',
        });
        const dates = [start, end].flatMap((day) => [day, format.format(new Date(`${day}T00:00:00Z`))]);
        return [locale, dates];
      }),
    ) as Record<Locale, string[]>;
  }
  if (typeof draft === 'string')
    return Object.fromEntries(LOCALES.map((l) => [l, [draft]])) as Record<Locale, string[]>;
  const perLocale = draft as Record<Locale, string>;
  return Object.fromEntries(LOCALES.map((l) => [l, fragmentsOf(perLocale[l])])) as Record<Locale, string[]>;
}

describe('what the site claims', () => {
  it('shows no draft that waits for Huge’s confirmation, on any page in any language', () => {
    const drafts = Object.entries(facts.drafts) as [ConfirmableFact, unknown][];
    expect(drafts.map(([path]) => path)).toEqual(
      expect.arrayContaining(['agreement.exactDates', 'tipHandling.whenRead', 'tipHandling.afterReading']),
    );
    const shown: string[] = [];
    for (const [path, draft] of drafts) {
      const footprints = draftFootprints(path, draft);
      for (const [page, html] of pages) {
        for (const footprint of LOCALES.flatMap((locale) => footprints[locale])) {
          if (html.includes(footprint)) shown.push(`${page}: ${path} ("${footprint}")`);
        }
      }
    }
    expect(shown).toEqual([]);
  });

  it('the tip pages carry the confirmation’s strings (so the search above covers them)', () => {
    for (const locale of LOCALES) {
      const html = pages.get(pathFor('report', locale)) ?? '';
      const { next, referenceHint } = TIP_DICTIONARIES[locale].confirmation;
      for (const fragment of [...fragmentsOf(next[0] ?? ''), referenceHint]) expect(html, locale).toContain(fragment);
    }
  });

  it.runIf(facts.toConfirm.includes('tipHandling.whenRead'))(
    'says nowhere that tips are read on working days (until Huge confirms when they are read)',
    () => {
      const workingDays = {
        sv: /arbetsdag/i,
        en: /working day/i,
        ar: /أيام العمل/,
        fi: /arkipäiv/i,
        so: /maalmaha shaqada/i,
      } satisfies Record<Locale, RegExp>;
      const claims = [...pages].flatMap(([page, html]) =>
        LOCALES.filter((locale) => workingDays[locale].test(html)).map((locale) => `${page} (${locale})`),
      );
      expect(claims).toEqual([]);
    },
  );

  it.runIf(facts.toConfirm.includes('agreement.exactDates'))(
    'states the agreement’s period as the years 2023–2024 in every language (until Huge confirms the days)',
    () => {
      for (const locale of LOCALES) {
        const html = pages.get(pathFor('agreement', locale)) ?? '';
        expect(html, locale).toContain('<time datetime="2023">2023</time>–<time datetime="2024">2024</time>');
      }
    },
  );
});
