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
import { agreementStatus, lastDayOf, periodDisplay, swedishDate } from '../../src/content/agreement.ts';
import { tipHandlingSentences } from '../../src/content/tip-handling.ts';
import { withTipHandling } from '../../src/components/tip-form/with-tip-handling.ts';
import { TIP_DICTIONARIES } from '../../src/i18n/tip/index.ts';
import { parseRichText } from '../../src/content/rich-text.ts';
import {
  parseRichText as parseTipRichText,
  type RichPart as TipRichPart,
} from '../../src/components/tip-form/rich-text.ts';
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

describe('facts the pages must state exactly (as Huge gave them)', () => {
  it('each partner links to its official website as the facts give it, and none is guessed', () => {
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

  it('help lines have the numbers the facts give', () => {
    const lines = (load(join(CONTENT, 'help-lines.yaml')) as unknown[]).map((item) => helpLineSchema.parse(item));
    expect(Object.fromEntries(lines.map((line) => [line.id, line.number]))).toEqual({
      emergency: '112',
      police: '114 14',
      kvinnofridslinjen: '020-50 50 50',
      vardguiden: '1177',
    });
  });

  it('the agreement covers 2023–2024 (years only), the contact address is trygghet@huge.se, and unconfirmed facts stay empty', () => {
    const facts = factsSchema.parse((load(join(CONTENT, 'facts.yaml')) as { facts: unknown }).facts);
    expect(facts.agreement).toMatchObject({ firstYear: 2023, lastYear: 2024 });
    expect(facts.contactEmail).toBe('trygghet@huge.se');
    expect(facts.dataProtection.controller).toBe('Huge Bostäder AB');
    for (const path of facts.toConfirm) {
      const [group, field] = path.split('.') as [keyof typeof facts, string];
      expect((facts[group] as Record<string, unknown>)[field], `${path} is awaiting confirmation`).toBeNull();
    }
    console.info(`facts awaiting Huge's confirmation: ${facts.toConfirm.join(', ')}`);
  });

  it('the period shows the years until Huge confirms the exact dates', () => {
    const facts = factsSchema.parse((load(join(CONTENT, 'facts.yaml')) as { facts: unknown }).facts);
    expect(facts.toConfirm).toContain('agreement.exactDates');
    expect(periodDisplay(facts.agreement)).toEqual({ precision: 'year', start: '2023', end: '2024' });
    expect(lastDayOf(facts.agreement)).toBe('2024-12-31');
  });

  it('makes no promise on how Huge handles tips until Huge confirms it', () => {
    const facts = factsSchema.parse((load(join(CONTENT, 'facts.yaml')) as { facts: unknown }).facts);
    expect(facts.toConfirm).toEqual(expect.arrayContaining(['tipHandling.whenRead', 'tipHandling.afterReading']));
    for (const locale of LOCALES) {
      expect(tipHandlingSentences(facts, locale)).toEqual([]);
      expect(withTipHandling(TIP_DICTIONARIES[locale], tipHandlingSentences(facts, locale))).toBe(
        TIP_DICTIONARIES[locale],
      );
    }
  });
});

describe('facts waiting for Huge’s confirmation', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edits the raw YAML freely
  type RawFacts = Record<string, any>;
  /** content/facts.yaml as written (a fresh copy), before parsing. */
  const rawFacts = (): RawFacts => structuredClone((load(join(CONTENT, 'facts.yaml')) as { facts: RawFacts }).facts);
  /** content/facts.yaml changed by `edit`, parsed. */
  function factsWith(edit: (facts: RawFacts) => void) {
    const raw = rawFacts();
    edit(raw);
    return factsSchema.parse(raw);
  }
  const HANDLING = {
    sv: 'Tipsen läses varje morgon.',
    en: 'The tips are read every morning.',
    ar: 'تُقرأ المعلومات كل صباح.',
    fi: 'Vihjeet luetaan joka aamu.',
    so: 'Xogta waxaa la akhriyaa subax kasta.',
  };

  it('a draft listed under toConfirm is never in the parsed facts, only under drafts', () => {
    const facts = factsWith((raw) => {
      raw.tipHandling.whenRead = HANDLING;
      raw.dataProtection.dpoContact = 'dpo@example.se';
      raw.toConfirm = [...raw.toConfirm, 'dataProtection.dpoContact'].filter(
        (path, at, all) => all.indexOf(path) === at,
      );
    });
    expect(facts.tipHandling.whenRead).toBeNull();
    expect(facts.dataProtection.dpoContact).toBeNull();
    expect(facts.agreement.exactDates).toBeNull();
    expect(facts.drafts).toMatchObject({
      'tipHandling.whenRead': HANDLING,
      'dataProtection.dpoContact': 'dpo@example.se',
      'agreement.exactDates': { start: '2023-01-01', end: '2024-12-31' },
    });
    expect(tipHandlingSentences(facts, 'sv')).toEqual([]);
  });

  it('once confirmed (removed from toConfirm) the value is used: exact dates, handling sentences', () => {
    const facts = factsWith((raw) => {
      raw.tipHandling.whenRead = HANDLING;
      raw.tipHandling.afterReading = null;
      raw.toConfirm = raw.toConfirm.filter(
        (path: string) => !['agreement.exactDates', 'tipHandling.whenRead'].includes(path),
      );
    });
    expect(periodDisplay(facts.agreement)).toEqual({ precision: 'day', start: '2023-01-01', end: '2024-12-31' });
    expect(tipHandlingSentences(facts, 'sv')).toEqual([HANDLING.sv]);
    const t = withTipHandling(TIP_DICTIONARIES.sv, tipHandlingSentences(facts, 'sv'));
    expect(t.about.points[1]).toBe(`${TIP_DICTIONARIES.sv.about.points[1]} ${HANDLING.sv}`);
    expect(t.confirmation.next[0]).toBe(`${TIP_DICTIONARIES.sv.confirmation.next[0]} ${HANDLING.sv}`);
    expect(t.about.points).toHaveLength(TIP_DICTIONARIES.sv.about.points.length);
  });

  it('an empty fact must be listed under toConfirm, and exact dates must fall in the years', () => {
    const unlisted = factsSchema.safeParse({ ...rawFacts(), toConfirm: [] });
    const paths = unlisted.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['agreement.statusAfterEnd', 'dataProtection.dpoContact', 'dataProtection.legalBasis']),
    );
    const raw = rawFacts();
    raw.agreement.exactDates = { start: '2022-01-01', end: '2024-12-31' };
    const outside = factsSchema.safeParse(raw);
    expect(outside.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['agreement.exactDates']);
  });

  it('handling sentences may use only what both text syntaxes share (no page links)', () => {
    const raw = rawFacts();
    raw.tipHandling.afterReading = { ...HANDLING, sv: 'Läs [mer](page:privacy).' };
    const result = factsSchema.safeParse(raw);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['tipHandling.afterReading.sv']);
  });
});

describe('content files stand on their own', () => {
  it('no content file points at a file outside the repository', () => {
    const files = readdirSync(CONTENT, { recursive: true, encoding: 'utf8' }).filter((file) =>
      /\.(ya?ml|json|md)$/.test(file),
    );
    expect(files.length).toBeGreaterThan(30);
    const outside = files.flatMap((file) =>
      readFileSync(join(CONTENT, file), 'utf8')
        .split('\n')
        .map((line, index) => ({ line, where: `${file}:${index + 1}` }))
        .filter(({ line }) => /\.\.\/|(^|[\s(])\/(work|home|root|tmp)\/|FACTS\.md|shared\//.test(line))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(outside).toEqual([]);
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
  it('is current up to and including the last day of the last year, and ended from the day after', () => {
    const period = { firstYear: 2023, lastYear: 2024, exactDates: null };
    expect(agreementStatus(period, '2024-06-01')).toBe('current');
    expect(agreementStatus(period, '2024-12-31')).toBe('current');
    expect(agreementStatus(period, '2025-01-01')).toBe('ended');
  });

  it('ends on the confirmed end date when there is one', () => {
    const period = { firstYear: 2023, lastYear: 2024, exactDates: { start: '2023-03-01', end: '2024-06-30' } };
    expect(agreementStatus(period, '2024-06-30')).toBe('current');
    expect(agreementStatus(period, '2024-07-01')).toBe('ended');
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

describe('Arabic text', () => {
  /** Latin letters that would render without isolation: outside `[…](lang:xx)` and outside U+2066/2068…2069. */
  function unmarkedLatin(text: string, kinds: (text: string) => string[]): string[] {
    return kinds(text).filter((run) => {
      let depth = 0;
      for (const char of run) {
        if (char === '\u2066' || char === '\u2068') depth += 1;
        else if (char === '\u2069') depth = Math.max(0, depth - 1);
        else if (/\p{Script=Latin}/u.test(char) && depth === 0) return true;
      }
      return false;
    });
  }
  /** The runs of a site text that render as plain text (links, languages and tokens render isolated or LTR-safe). */
  const siteTextRuns = (text: string) =>
    parseRichText(text).parts.flatMap((part) =>
      part.kind === 'text' || part.kind === 'strong' || part.kind === 'page' || part.kind === 'external'
        ? [part.text]
        : [],
    );
  const tipTextRuns = (text: string): string[] => {
    const runs = (parts: TipRichPart[]): string[] =>
      parts.flatMap((part) =>
        part.kind === 'text' || part.kind === 'page' ? [part.text] : part.kind === 'strong' ? runs(part.parts) : [],
      );
    return runs(parseTipRichText(text));
  };
  const plainRuns = (text: string) => [text];
  const stringsOf = (value: unknown, skip: readonly string[] = []): string[] =>
    typeof value === 'string'
      ? [value]
      : value && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, inner]) => (skip.includes(key) ? [] : stringsOf(inner, skip)))
        : [];

  /** Every Arabic text a page can show, with how it renders (rich or plain). */
  function arabicTexts(): { where: string; text: string; runs: (text: string) => string[] }[] {
    const texts: { where: string; text: string; runs: (text: string) => string[] }[] = [];
    for (const [id, page] of loadPages()) {
      if (!id.startsWith('ar/')) continue;
      // title and description are isolated by the layout; the rest renders as written.
      for (const text of [page.heading, page.summary ?? '']) texts.push({ where: id, text, runs: plainRuns });
      for (const text of [page.lead ?? '']) texts.push({ where: id, text, runs: siteTextRuns });
      for (const block of [...page.intro, ...page.sections.flatMap((section) => section.blocks)]) {
        if (block.type === 'subheading') texts.push({ where: id, text: block.subheading, runs: plainRuns });
        else
          for (const text of stringsOf(block, ['type', 'insert', 'lines']))
            texts.push({ where: id, text, runs: siteTextRuns });
      }
      for (const section of page.sections) texts.push({ where: id, text: section.heading, runs: plainRuns });
    }
    const records = [
      ...(load(join(CONTENT, 'partners.yaml')) as { text: Record<string, unknown> }[]),
      ...(load(join(CONTENT, 'help-lines.yaml')) as { text: Record<string, unknown> }[]),
    ];
    for (const record of records) {
      for (const text of stringsOf(record.text.ar))
        texts.push({ where: 'partners/help lines', text, runs: siteTextRuns });
    }
    const raw = (
      load(join(CONTENT, 'facts.yaml')) as { facts: { tipHandling: Record<string, Record<string, string>> } }
    ).facts;
    for (const field of Object.values(raw.tipHandling)) {
      if (field?.ar) texts.push({ where: 'facts.yaml tipHandling', text: field.ar, runs: siteTextRuns });
    }
    for (const text of stringsOf(DICTIONARIES.ar, ['dateLocale'])) {
      texts.push({ where: 'site dictionary', text, runs: siteTextRuns });
    }
    // page.description is the tip page's meta description, isolated by the layout.
    const metaDescription = TIP_DICTIONARIES.ar.page.description;
    for (const text of stringsOf(TIP_DICTIONARIES.ar, ['numberLocale']).filter((t) => t !== metaDescription)) {
      texts.push({ where: 'tip dictionary', text, runs: tipTextRuns });
    }
    for (const file of ['categories.json', 'areas.json']) {
      // Plain option labels: isolated when shown (src/i18n/bidi.ts, tests/unit/bidi.test.ts).
      expect(JSON.parse(readFileSync(join(CONTENT, 'tip-options', file), 'utf8'))).not.toHaveLength(0);
    }
    return texts;
  }

  it('marks every Latin-script name as another language, so it renders isolated from the Arabic', () => {
    const texts = arabicTexts();
    expect(texts.length).toBeGreaterThan(200);
    const unmarked = texts.flatMap(({ where, text, runs }) =>
      unmarkedLatin(text, runs).map((run) => `${where}: "${run.trim().slice(0, 70)}"`),
    );
    expect(unmarked).toEqual([]);
  });

  it('uses one word for områdesutvecklare (مطوّرو المناطق) everywhere', () => {
    const words = new Set<string>();
    for (const { text } of arabicTexts()) {
      for (const match of text.matchAll(/مطو\u0651?ر\S*\s+(\S+)/gu)) words.add(match[1] ?? '');
    }
    expect([...words]).toEqual(['المناطق']);
  });
});
