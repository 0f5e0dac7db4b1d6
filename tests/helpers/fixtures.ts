import { readdirSync, readFileSync } from 'node:fs';
import type { Locale } from '../../src/i18n/locales.ts';
import type { PersonalDataKind } from '../../src/schemas/personal-data.ts';
import type { TipFieldErrors } from '../../src/schemas/tip.ts';

/** A named tip fixture (tests/fixtures/tips/<name>.json), shared by unit, API and browser tests. */
export interface TipFixture {
  name: string;
  about: string;
  lang?: Locale;
  fields: Record<string, string>;
  errors?: TipFieldErrors;
  personalData?: PersonalDataKind[];
}

const DIR = new URL('../fixtures/tips/', import.meta.url);

export function tipFixture(name: string): TipFixture {
  const data = JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')) as Omit<TipFixture, 'name'>;
  return { name, ...data };
}

export function allTipFixtures(): TipFixture[] {
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => tipFixture(file.replace(/\.json$/, '')));
}
