import { z } from 'astro/zod';
import { TRANSLATED_VERSIONS } from '../i18n/easy-read.ts';
import { LOCALES } from '../i18n/locales.ts';
import { AREA_IDS, CATEGORY_IDS } from '../schemas/tip-options.ts';
import { HELP_LINE_IDS } from './constants.ts';
import { parseRichText } from './rich-text.ts';

/**
 * Zod schemas for everything in content/. src/content.config.ts gives them to
 * Astro's loaders (a bad value fails the build, naming the file and field);
 * tests import them directly. This module imports nothing from Astro but zod.
 */

/** Text in the inline syntax of rich-text.ts; every link, number and token must resolve. */
export const richText = z
  .string()
  .trim()
  .min(1)
  .superRefine((value, ctx) => {
    for (const message of parseRichText(value).errors) ctx.addIssue({ code: 'custom', message });
  });

/** One value per site language; a missing language is an error. */
export function localized<T extends z.ZodType>(schema: T) {
  return z.record(z.enum(LOCALES), schema);
}

/** A calendar date written YYYY-MM-DD (YAML may have parsed it into a Date already). */
const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.iso.date({ error: 'expected a date written YYYY-MM-DD' }),
);

const BLOCK_KEYS = ['subheading', 'list', 'steps', 'note', 'insert'] as const;

/** Lets authors write a paragraph as a plain string and a block as `{ list: [...] }`; tags each with its type. */
function tagBlock(value: unknown): unknown {
  if (typeof value === 'string') return { type: 'paragraph', text: value };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const key = BLOCK_KEYS.find((name) => name in value);
    if (key) return { type: key, ...value };
  }
  return value;
}

/** Structured parts of the site that content places in its sections; they render data from content/*.yaml. */
const insertBlock = z.discriminatedUnion('insert', [
  z.strictObject({
    type: z.literal('insert'),
    insert: z.enum(['partners', 'partner-names', 'focus-areas', 'report-link', 'data-controller', 'tip-handling']),
  }),
  z.strictObject({
    type: z.literal('insert'),
    insert: z.literal('help-lines'),
    lines: z.array(z.enum(HELP_LINE_IDS)).min(1),
  }),
  z.strictObject({
    type: z.literal('insert'),
    insert: z.literal('agreement-period'),
    /** Shown while the build date is inside the period. */
    active: richText,
    /** Shown once the period has ended: must say how to ask what applies now. */
    ended: richText,
  }),
  z.strictObject({
    type: z.literal('insert'),
    insert: z.literal('translation-review'),
    /** Introduces the list of versions not yet reviewed (content/facts.yaml `translations`). */
    unreviewed: richText,
    /** Shown instead once every version has been reviewed. */
    allReviewed: richText,
  }),
]);

/** A paragraph, subheading (h3), bulleted list, numbered steps, highlighted note, or insert. */
export const blockSchema = z.preprocess(
  tagBlock,
  z.discriminatedUnion(
    'type',
    [
      z.strictObject({ type: z.literal('paragraph'), text: richText }),
      z.strictObject({ type: z.literal('subheading'), subheading: z.string().trim().min(2) }),
      z.strictObject({ type: z.literal('list'), list: z.array(richText).min(1) }),
      z.strictObject({ type: z.literal('steps'), steps: z.array(richText).min(2) }),
      z.strictObject({ type: z.literal('note'), note: richText }),
      insertBlock,
    ],
    { error: `expected a text or an object with one of: ${BLOCK_KEYS.join(', ')}` },
  ),
);
export type Block = z.output<typeof blockSchema>;

/** A titled part of a page (its heading is an h2). */
export const sectionSchema = z.strictObject({
  heading: z.string().trim().min(2).max(120),
  blocks: z.array(blockSchema).min(1),
});
export type Section = z.output<typeof sectionSchema>;

/** Inserts that render their own h3 headings, so they belong inside a section (after its h2). */
const INSERTS_WITH_HEADINGS: readonly string[] = ['partners', 'focus-areas'];

/** One page in one language: content/pages/<locale>/<page id>.yaml. */
export const pageSchema = z
  .strictObject({
    /** The page's own part of <title>; the layout adds the site name. */
    title: z.string().trim().min(2).max(60),
    /** The meta description: what a search result shows. */
    description: z.string().trim().min(50).max(170),
    /** The page's one h1. */
    heading: z.string().trim().min(2).max(120),
    lead: richText.optional(),
    /** A one- or two-sentence summary for cards that link to the page (the focus areas on the home page). */
    summary: z.string().trim().min(20).max(200).optional(),
    /** Blocks before the first section heading. */
    intro: z.array(blockSchema).default([]),
    sections: z.array(sectionSchema).default([]),
  })
  .superRefine((page, ctx) => {
    page.intro.forEach((block, index) => {
      if (block.type === 'subheading' || (block.type === 'insert' && INSERTS_WITH_HEADINGS.includes(block.insert))) {
        ctx.addIssue({
          code: 'custom',
          path: ['intro', index],
          message: 'renders an h3, so it must be inside a section (after an h2)',
        });
      }
    });
  });
export type PageContent = z.output<typeof pageSchema>;

/** A party to the agreement: content/partners.yaml. */
export const partnerSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Position in lists (the order Huge's facts give). */
    order: z.number().int().min(1),
    /** The official Swedish name; shown with lang="sv" on translated pages. */
    name: z.string().trim().min(2),
    /** The official website exactly as Huge's facts give it, or null where none is confirmed. */
    website: z.url({ protocol: /^https$/, error: 'expected an https:// URL or null' }).nullable(),
    /** Fields Huge still has to confirm; listed in the README. */
    toConfirm: z.array(z.enum(['website'])).default([]),
    text: localized(
      z.strictObject({
        /** What the party is, in a few words, e.g. "the municipality". */
        description: richText,
        /** Its role in the collaboration. */
        role: richText,
      }),
    ),
  })
  .superRefine((partner, ctx) => {
    if (partner.website === null && !partner.toConfirm.includes('website')) {
      ctx.addIssue({ code: 'custom', path: ['website'], message: 'is null but not listed in toConfirm' });
    }
  });
export type Partner = z.output<typeof partnerSchema>;

/** A help line: content/help-lines.yaml. */
export const helpLineSchema = z
  .strictObject({
    id: z.enum(HELP_LINE_IDS),
    /** The number as people write it, e.g. "114 14". */
    number: z.string().regex(/^[0-9][0-9 -]*[0-9]$/, 'expected digits, spaces and hyphens'),
    /** The number for a tel: link: digits only, the same digits as `number`. */
    tel: z.string().regex(/^[0-9]+$/, 'expected digits only'),
    text: localized(
      z.strictObject({
        name: richText,
        /** When to call it. */
        purpose: richText,
      }),
    ),
  })
  .superRefine((line, ctx) => {
    if (line.number.replace(/[ -]/g, '') !== line.tel) {
      ctx.addIssue({
        code: 'custom',
        path: ['tel'],
        message: `does not have the same digits as number "${line.number}"`,
      });
    }
  });
export type HelpLine = z.output<typeof helpLineSchema>;

/**
 * Rich text that reads the same in the site's syntax and in the tip form's
 * (src/components/tip-form/rich-text.ts): plain text, `**strong**`,
 * `[text](lang:xx)`, `{tel:<id>}` and `{email}`; no page links or other tokens.
 */
export const portableRichText = richText.superRefine((value, ctx) => {
  for (const part of parseRichText(value).parts) {
    const portable =
      part.kind === 'text' ||
      part.kind === 'strong' ||
      part.kind === 'lang' ||
      part.kind === 'tel' ||
      (part.kind === 'token' && part.token === 'email');
    if (!portable) {
      ctx.addIssue({ code: 'custom', message: `only **…**, [text](lang:xx), {tel:…} and {email} may be used here` });
      return;
    }
  }
});

/**
 * Paths (dot-separated) of the facts that Huge has to confirm. While a path
 * is listed under `toConfirm` its value is a draft (or null): the parsed
 * facts carry null there, and the draft only under `drafts`, so no page can
 * show it as a fact.
 */
export const CONFIRMABLE_FACTS = [
  'agreement.exactDates',
  'agreement.statusAfterEnd',
  'dataProtection.dpoContact',
  'dataProtection.legalBasis',
  'tipHandling.whenRead',
  'tipHandling.afterReading',
] as const;
export type ConfirmableFact = (typeof CONFIRMABLE_FACTS)[number];

const year = z.number().int().min(2000).max(2100);

/** Language-neutral facts: content/facts.yaml (one entry, id "facts"). */
export const factsSchema = z
  .strictObject({
    /** The service's Swedish name, a proper noun in every language. */
    siteName: z.string().trim().min(2),
    contactEmail: z.email(),
    agreement: z.strictObject({
      /** The first and last year the agreement covers (what is known; the site shows these). */
      firstYear: year,
      lastYear: year,
      /** The exact first and last day; shown instead of the years once Huge has confirmed them. */
      exactDates: z.strictObject({ start: isoDate, end: isoDate }).nullable(),
      /** What applies after the period, once Huge has said so; null until then (never assume a renewal). */
      statusAfterEnd: localized(richText).nullable(),
    }),
    dataProtection: z.strictObject({
      controller: z.string().trim().min(2),
      /** How to reach Huge's data protection officer; null until Huge confirms it. */
      dpoContact: z.string().trim().min(3).nullable(),
      /** The legal basis for processing tips; null until Huge confirms it. */
      legalBasis: localized(richText).nullable(),
    }),
    /** How Huge handles a tip once it arrives: shown next to the form, on the confirmation and on the pages. */
    tipHandling: z.strictObject({
      /** When tips are read (e.g. which days). */
      whenRead: localized(portableRichText).nullable(),
      /** What is done with a tip after it is read (e.g. whether it goes to the weekly situational picture). */
      afterReading: localized(portableRichText).nullable(),
    }),
    accessibility: z.strictObject({
      /** The date the accessibility statement was written or last reviewed. */
      statementDate: isoDate,
    }),
    translations: z.strictObject({
      /**
       * The versions (languages and easy-to-read Swedish) that a native speaker, or for easy-to-read
       * text an easy-to-read reviewer, has reviewed. Every other version is named as not yet reviewed.
       */
      reviewed: z.array(z.enum(TRANSLATED_VERSIONS)).default([]),
    }),
    /** Facts still waiting for Huge's confirmation (each a draft or null meanwhile). Listed in the README. */
    toConfirm: z.array(z.enum(CONFIRMABLE_FACTS)).default([]),
  })
  .superRefine((facts, ctx) => {
    const { agreement } = facts;
    if (agreement.lastYear < agreement.firstYear) {
      ctx.addIssue({ code: 'custom', path: ['agreement', 'lastYear'], message: 'is before firstYear' });
    }
    if (agreement.exactDates) {
      const { start, end } = agreement.exactDates;
      if (end < start) {
        ctx.addIssue({ code: 'custom', path: ['agreement', 'exactDates', 'end'], message: 'is before start' });
      }
      if (Number(start.slice(0, 4)) !== agreement.firstYear || Number(end.slice(0, 4)) !== agreement.lastYear) {
        ctx.addIssue({
          code: 'custom',
          path: ['agreement', 'exactDates'],
          message: 'must fall in firstYear and lastYear',
        });
      }
    }
    for (const path of CONFIRMABLE_FACTS) {
      if (factAt(facts, path) === null && !facts.toConfirm.includes(path)) {
        ctx.addIssue({ code: 'custom', path: path.split('.'), message: 'is null but not listed in toConfirm' });
      }
    }
  })
  .transform(({ toConfirm, ...facts }) => {
    const drafts: Partial<Record<ConfirmableFact, unknown>> = {};
    const confirmed = structuredClone(facts);
    for (const path of toConfirm) {
      const [group, field] = path.split('.') as [string, string];
      const values = (confirmed as unknown as Record<string, Record<string, unknown>>)[group];
      if (values && values[field] !== null) drafts[path] = values[field];
      if (values) values[field] = null;
    }
    return { ...confirmed, toConfirm, drafts };
  });
export type Facts = z.output<typeof factsSchema>;

/** The value at a confirmable path (null when empty). */
function factAt(facts: Record<string, unknown>, path: ConfirmableFact): unknown {
  const [group, field] = path.split('.') as [string, string];
  return (facts[group] as Record<string, unknown> | undefined)?.[field] ?? null;
}

/** A tip category or area (content/tip-options/*.json, maintained with the tip form): a known id and a label per language. */
export function tipOptionSchema(ids: readonly [string, ...string[]]) {
  return z.strictObject({ id: z.enum(ids), label: localized(z.string().trim().min(1)) });
}
export const categorySchema = tipOptionSchema(CATEGORY_IDS);
export const areaSchema = tipOptionSchema(AREA_IDS);
