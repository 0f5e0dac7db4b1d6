import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import {
  areaSchema,
  categorySchema,
  factsSchema,
  helpLineSchema,
  pageSchema,
  partnerSchema,
} from './content/schemas.ts';

/**
 * The site's content (top-level content/ folder). Schemas live in
 * src/content/schemas.ts so tests can use them without Astro; a value that
 * breaks a schema fails the build with the file and field named.
 */
export const collections = {
  /** One entry per page and language; id "<locale>/<page id>", e.g. "en/focus/andts". */
  pages: defineCollection({
    loader: glob({
      pattern: '**/*.yaml',
      base: './content/pages',
      generateId: ({ entry }) => entry.replace(/\.yaml$/, ''),
    }),
    schema: pageSchema,
  }),
  /** Easy-to-read Swedish (src/i18n/easy-read.ts): one entry per page, id = its page id, e.g. "focus-areas". */
  easyRead: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './content/lattlast' }),
    schema: pageSchema,
  }),
  partners: defineCollection({ loader: file('content/partners.yaml'), schema: partnerSchema }),
  helpLines: defineCollection({ loader: file('content/help-lines.yaml'), schema: helpLineSchema }),
  facts: defineCollection({ loader: file('content/facts.yaml'), schema: factsSchema }),
  /** Maintained with the tip form; read here so focus-area pages can link to their categories. */
  categories: defineCollection({ loader: file('content/tip-options/categories.json'), schema: categorySchema }),
  areas: defineCollection({ loader: file('content/tip-options/areas.json'), schema: areaSchema }),
};
