import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import {
  areaSchema,
  categorySchema,
  factsSchema,
  helpLineSchema,
  pageSchema,
  partnerSchema,
  type Block,
  type PageContent,
} from '../../src/content/schemas.ts';
import { agreementStatus, swedishDate } from '../../src/content/agreement.ts';
import { parseRichText } from '../../src/content/rich-text.ts';
import { DICTIONARIES, type SiteStrings } from '../../src/i18n/site/index.ts';
import { EASY_READ_PAGE_IDS } from '../../src/i18n/easy-read.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { DYNAMIC_PAGE_IDS, PAGE_IDS } from '../../src/i18n/routes.ts';
import { NOT_FOUND } from '../../src/components/site/site-paths.ts';
import { reportHref } from '../../src/components/site/report-link.ts';

// The YAML parser Astro's loaders use (a dependency of astro), so the test
// reads the files exactly as the build does.
const yaml = createRequire(import.meta.resolve('astro/package.json'))('js-yaml') as { load(text: string): unknown };

const CONTENT = 'content';
const load = (path: string): unknown => yaml.load(readFileSync(path, 'utf8'));

/** Parses with a schema; on failure the message names the file and every field, as the build does. */
function parseFile<S extends z.ZodType>(schema: S, data: unknown, file: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${file} does not match its schema:\n${fields.join('\n')}`);
  }
  return result.data;
}

function pageFiles(): string[] {
  const dir = join(CONTENT, 'pages');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => join(dir, file));
}

function loadPages(): Map<string, PageContent> {
  return new Map(
    pageFiles().map((file) => [
      relative(join(CONTENT, 'pages'), file).replace(/\.yaml$/, ''),
      parseFile(pageSchema, load(file), file),
    ]),
  );
}

const STATIC_PAGES = [...PAGE_IDS.filter((page) => !DYNAMIC_PAGE_IDS.includes(page)), NOT_FOUND];

describe('content files', () => {
  it('every page file matches the page schema', () => {
    expect(loadPages().size).toBeGreaterThan(0);
  });

  it('every page exists in every language, and no file names an unknown page', () => {
    const ids = [...loadPages().keys()].sort();
    const expected = LOCALES.flatMap((locale) => STATIC_PAGES.map((page) => `${locale}/${page}`)).sort();
    expect(ids).toEqual(expected);
  });

  it('titles and descriptions are unique within each language', () => {
    const pages = loadPages();
    for (const locale of LOCALES) {
      const own = [...pages].filter(([id]) => id.startsWith(`${locale}/`)).map(([, page]) => page);
      expect(new Set(own.map((page) => page.title)).size, `${locale} titles`).toBe(own.length);
      expect(new Set(own.map((page) => page.description)).size, `${locale} descriptions`).toBe(own.length);
    }
  });

  it('a record that lacks a language fails, naming the language', () => {
    const line = { id: 'emergency', number: '112', tel: '112', text: { sv: { name: 'Nödnummer', purpose: 'Ring.' } } };
    const issues = helpLineSchema.safeParse(line).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues).toEqual(LOCALES.filter((locale) => locale !== 'sv').map((locale) => `text.${locale}`));
  });

  it('partners, help lines, facts and tip options match their schemas', () => {
    const partners = load(join(CONTENT, 'partners.yaml')) as unknown[];
    expect(partners.map((item, index) => parseFile(partnerSchema, item, `partners.yaml[${index}]`))).toHaveLength(6);
    const lines = load(join(CONTENT, 'help-lines.yaml')) as unknown[];
    lines.forEach((item, index) => parseFile(helpLineSchema, item, `help-lines.yaml[${index}]`));
    parseFile(factsSchema, (load(join(CONTENT, 'facts.yaml')) as { facts: unknown }).facts, 'facts.yaml');
    for (const [file, schema] of [
      ['categories.json', categorySchema],
      ['areas.json', areaSchema],
    ] as const) {
      const items = JSON.parse(readFileSync(join(CONTENT, 'tip-options', file), 'utf8')) as unknown[];
      items.forEach((item, index) => parseFile(schema, item, `${file}[${index}]`));
    }
  });
});

describe('facts the pages must state exactly (../shared/FACTS.md)', () => {
  it('each partner links to its official website as FACTS.md gives it, and none is guessed', () => {
    const partners = (load(join(CONTENT, 'partners.yaml')) as unknown[]).map((item) => partnerSchema.parse(item));
    const sites = Object.fromEntries(
      partners.map((partner) => [partner.name, partner.website && new URL(partner.website).hostname]),
    );
    expect(sites).toEqual({
      'Huddinge kommun': 'huddinge.se',
      'Huge Bostäder AB': 'huge.se',
      Polismyndigheten: 'polisen.se',
      'Södertörns brandförsvarsförbund': 'sbff.se',
      'Huddinge Samhällsfastigheter AB': null,
      Kriminalvården: 'kriminalvarden.se',
    });
    for (const partner of partners) {
      if (partner.website) expect(partner.website).toBe(`https://${new URL(partner.website).hostname}/`);
    }
  });

  it('help lines have the numbers FACTS.md gives', () => {
    const lines = (load(join(CONTENT, 'help-lines.yaml')) as unknown[]).map((item) => helpLineSchema.parse(item));
    expect(Object.fromEntries(lines.map((line) => [line.id, line.number]))).toEqual({
      emergency: '112',
      police: '114 14',
      kvinnofridslinjen: '020-50 50 50',
      vardguiden: '1177',
    });
  });

  it('the agreement period is 2023–2024, the contact address is trygghet@huge.se, and unconfirmed facts stay empty', () => {
    const facts = factsSchema.parse((load(join(CONTENT, 'facts.yaml')) as { facts: unknown }).facts);
    expect(facts.agreement).toMatchObject({ periodStart: '2023-01-01', periodEnd: '2024-12-31' });
    expect(facts.contactEmail).toBe('trygghet@huge.se');
    expect(facts.dataProtection.controller).toBe('Huge Bostäder AB');
    for (const path of facts.toConfirm) {
      const [group, field] = path.split('.') as [keyof typeof facts, string];
      expect((facts[group] as Record<string, unknown>)[field], `${path} is awaiting confirmation`).toBeNull();
    }
    console.info(`facts awaiting Huge's confirmation: ${facts.toConfirm.join(', ')}`);
  });
});

describe('focus-area pages', () => {
  const blocksOf = (page: PageContent): Block[] => [...page.intro, ...page.sections.flatMap((s) => s.blocks)];

  it('each has examples, help lines and a report link in every language', () => {
    const pages = loadPages();
    for (const [id, page] of pages) {
      if (!id.includes('/focus/')) continue;
      const blocks = blocksOf(page);
      expect(page.summary, id).toBeDefined();
      expect(
        blocks.some((block) => block.type === 'list'),
        `${id} lists examples`,
      ).toBe(true);
      expect(
        blocks.some((block) => block.type === 'insert' && block.insert === 'help-lines'),
        id,
      ).toBe(true);
      expect(
        blocks.some((block) => block.type === 'insert' && block.insert === 'report-link'),
        id,
      ).toBe(true);
    }
  });

  it('the close-relationship page leads with 112 and Kvinnofridslinjen', () => {
    for (const [id, page] of loadPages()) {
      if (!id.endsWith('/focus/close-relationships')) continue;
      const first = blocksOf(page)[0];
      expect(first, id).toEqual({ type: 'insert', insert: 'help-lines', lines: ['emergency', 'kvinnofridslinjen'] });
    }
  });

  it('links to the tip form with the focus area’s first category preselected', () => {
    expect(reportHref('sv', 'focus/public-spaces')).toBe('/tipsa/?category=unsafe-place');
    expect(reportHref('en', 'focus/andts')).toBe('/en/report/?category=drugs');
    expect(reportHref('ar', 'focus/gang-crime')).toBe('/ar/report/?category=gang-activity');
    expect(reportHref('sv', 'focus/close-relationships')).toBe('/tipsa/?category=close-relationship-violence');
    expect(reportHref('sv', 'help')).toBe('/tipsa/');
  });
});

describe('rich text', () => {
  it('resolves page links, languages, help lines and tokens', () => {
    const { parts, errors } = parseRichText(
      'Ring {tel:emergency}, läs [mer](page:privacy) om [Huge](lang:sv) på {email}.',
    );
    expect(errors).toEqual([]);
    expect(parts.map((part) => part.kind)).toEqual([
      'text',
      'tel',
      'text',
      'page',
      'text',
      'lang',
      'text',
      'token',
      'text',
    ]);
  });

  it('reports unknown pages, help lines, tokens, schemes and stray brackets', () => {
    const { errors } = parseRichText(
      '[a](page:nope) {tel:999} {nope} [b](http://insecure.example/) [c](javascript:alert(1)) half [open',
    );
    expect(errors).toHaveLength(6);
    expect(errors.join('\n')).toMatch(/unknown page id "nope"/);
    expect(errors.join('\n')).toMatch(/unknown help line "999"/);
    expect(errors.join('\n')).toMatch(/unknown token "\{nope\}"/);
  });

  it('a dictionary missing a key does not type-check (npm run check fails on this line otherwise)', () => {
    // @ts-expect-error -- every key of the Swedish dictionary is required in every language
    const incomplete: SiteStrings = { ...DICTIONARIES.en, footer: { contactHeading: 'Contact' } };
    expect(incomplete.footer.focusAreasHeading).toBeUndefined();
  });

  it('every interface string in every dictionary is valid rich text', () => {
    const strings = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(strings)
          : [];
    for (const [locale, dictionary] of Object.entries(DICTIONARIES)) {
      for (const text of strings(dictionary)) expect(parseRichText(text).errors, `${locale}: ${text}`).toEqual([]);
    }
  });
});

describe('agreement status', () => {
  it('is current up to and including the end date and ended from the day after', () => {
    const period = { periodEnd: '2024-12-31' };
    expect(agreementStatus(period, '2024-06-01')).toBe('current');
    expect(agreementStatus(period, '2024-12-31')).toBe('current');
    expect(agreementStatus(period, '2025-01-01')).toBe('ended');
  });

  it('uses the Swedish calendar date', () => {
    // 23:30 UTC on 31 December is already 1 January in Stockholm.
    expect(swedishDate(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(swedishDate(new Date('2024-12-31T22:30:00Z'))).toBe('2024-12-31');
  });
});

describe('easy-to-read Swedish (content/lattlast/)', () => {
  const dir = join(CONTENT, 'lattlast');
  const pages = new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => [file.replace(/\.yaml$/, ''), parseFile(pageSchema, load(join(dir, file)), join(dir, file))]),
  );

  /** The running text of a page (lead and blocks), with links reduced to their text and tokens to one word. */
  function sentences(page: PageContent): string[] {
    const texts = [
      ...(page.lead ? [page.lead] : []),
      ...[...page.intro, ...page.sections.flatMap((section) => section.blocks)].flatMap((block) => {
        switch (block.type) {
          case 'paragraph':
            return [block.text];
          case 'list':
            return block.list;
          case 'steps':
            return block.steps;
          case 'note':
            return [block.note];
          case 'insert':
            return block.insert === 'agreement-period' ? [block.active, block.ended] : [];
          default:
            return [];
        }
      }),
    ];
    return texts
      .map((text) => text.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/\{[^}]+\}/g, 'nummer'))
      .flatMap((text) => text.split(/(?<=[.?!])\s+/))
      .filter((sentence) => sentence.trim() !== '');
  }
  const wordsOf = (sentence: string) => sentence.match(/\p{L}+/gu) ?? [];

  it('has every easy-to-read page, each matching the page schema, and no other file', () => {
    expect([...pages.keys()].sort()).toEqual([...EASY_READ_PAGE_IDS].sort());
  });

  it('has titles and descriptions of its own (not those of the ordinary Swedish pages)', () => {
    const ordinary = [...loadPages()].filter(([id]) => id.startsWith('sv/')).map(([, page]) => page);
    const titles = [...pages.values()].map((page) => page.title);
    const descriptions = [...pages.values()].map((page) => page.description);
    expect(new Set(titles).size).toBe(pages.size);
    expect(new Set(descriptions).size).toBe(pages.size);
    for (const page of ordinary) {
      expect(titles).not.toContain(page.title);
      expect(descriptions).not.toContain(page.description);
    }
  });

  // The Swedish easy-to-read guidelines: short sentences, common (short) words,
  // no abbreviations. LIX (Björnsson's readability index: words per sentence +
  // the share of words over six letters) under 30 is "very easy"; proper names
  // such as Huddinge and Södertörns brandförsvarsförbund count as long words,
  // hence 35 (the ordinary Swedish agreement page scores 40). These are
  // mechanical checks only: a reviewer of easy-to-read text still has to read it.
  it.each([...EASY_READ_PAGE_IDS])('%s: sentences of at most 15 words, LIX at most 35, no abbreviations', (id) => {
    const page = pages.get(id);
    if (!page) throw new Error(`content/lattlast/${id}.yaml is missing`);
    const all = sentences(page);
    const words = all.flatMap(wordsOf);
    const long = words.filter((word) => word.length > 6);
    const lix = words.length / all.length + (100 * long.length) / words.length;
    expect(all.filter((sentence) => wordsOf(sentence).length > 15)).toEqual([]);
    expect(lix).toBeLessThanOrEqual(35);
    const text = all.join(' ');
    expect(text).not.toMatch(/\b\p{L}{1,3}\.\p{L}{1,3}\./u); // t.ex., bl.a., m.m.
    expect(text.match(/\b\p{Lu}{2,}\b/gu) ?? []).toEqual([]); // ANDTS, SMHI, EST
  });
});
