import { describe, expect, it } from 'vitest';
import { errorText, minutesToWait, spellReference } from '../../src/components/tip-form/messages.ts';
import { formatNumber, pluralForm } from '../../src/components/tip-form/format.ts';
import { areaOptions, categoryOptions } from '../../src/components/tip-form/options.ts';
import { richTextProblems } from '../../src/components/tip-form/rich-text.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { TIP_DICTIONARIES } from '../../src/i18n/tip/index.ts';
import { TIP_ERROR_CODES } from '../../src/schemas/tip.ts';
import { AREA_IDS, CATEGORY_IDS } from '../../src/schemas/tip-options.ts';

/**
 * The messages of the schema's error codes and the rest of the tip form's
 * strings, in every language: complete, well-formed, parameters filled in.
 * (The type check already refuses a missing key; these catch what it cannot.)
 */

/** Parameters each string may use, by its path in the dictionary; everything else may use none. */
const PARAMS: Record<string, string[]> = {
  'description.limits': ['min', 'max'],
  'description.counterRemaining': ['count'],
  'description.counterTooMany': ['count'],
  'personalData.found': ['kinds'],
  'rateLimited.wait': ['minutes'],
  'rateLimited.overloadedWait': ['minutes'],
  'refused.too-large.text': ['max'],
};

/** Every string in a dictionary with its dotted path (array items and plural forms share their parent's path). */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, path));
  if (value && typeof value === 'object') {
    const isPlural = 'other' in value;
    return Object.entries(value).flatMap(([key, item]) =>
      strings(item, isPlural ? path : path ? `${path}.${key}` : key),
    );
  }
  return [];
}

/** The dictionary's shape: its paths, without the values. */
const shape = (value: unknown) => [...new Set(strings(value).map(([path]) => path))].sort();

describe.each(LOCALES)('the %s tip strings', (locale) => {
  const t = TIP_DICTIONARIES[locale];

  it('have the same keys as the Swedish original', () => {
    expect(shape(t)).toEqual(shape(TIP_DICTIONARIES.sv));
  });

  it('have a message for every error code: plain text (the API sends it too), with only {min} and {max}', () => {
    for (const code of TIP_ERROR_CODES) {
      const message = t.errors[code];
      expect(message.trim(), code).not.toBe('');
      expect(message, code).not.toMatch(/\*\*|\[[^\]]*\]\(|\{(?!min\}|max\})/);
      expect(errorText(t, code), code).not.toMatch(/[{}]/);
    }
  });

  it('fill in the limits in the language’s number format, with Latin digits', () => {
    const fourThousand = formatNumber(4000, t.numberLocale);
    expect(fourThousand).toMatch(/^4[,.\u00a0\u202f]?000$/);
    if (locale === 'sv' || locale === 'fi') expect(fourThousand).toBe('4\u00a0000');
    expect(errorText(t, 'description.tooLong')).toContain(fourThousand);
    expect(errorText(t, 'place.tooLong')).toContain('200');
    expect(errorText(t, 'description.tooShort')).toContain('10');
  });

  it('use only known links, help lines and parameters, and no stray markup', () => {
    const problems = strings(t)
      .filter(([path]) => !path.startsWith('errors.'))
      .flatMap(([path, text]) => richTextProblems(text, PARAMS[path] ?? []).map((problem) => `${path}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('name the help lines and the address a tipster needs', () => {
    const all = strings(t)
      .map(([, text]) => text)
      .join('\n');
    for (const token of ['{tel:emergency}', '{tel:police}', '{tel:kvinnofridslinjen}', '{email}', '(privacy)']) {
      expect(all, token).toContain(token);
    }
  });

  it('label every category and area from content/tip-options', () => {
    expect(categoryOptions(locale).map((option) => option.id)).toEqual([...CATEGORY_IDS]);
    expect(areaOptions(locale).map((option) => option.id)).toEqual([...AREA_IDS]);
    for (const option of [...categoryOptions(locale), ...areaOptions(locale)]) expect(option.label.trim()).not.toBe('');
  });
});

describe('plural forms', () => {
  it('English counts one and many', () => {
    const forms = TIP_DICTIONARIES.en.description.counterRemaining;
    expect(pluralForm(forms, 1, 'en-GB')).toBe('You have {count} character remaining');
    expect(pluralForm(forms, 2, 'en-GB')).toBe('You have {count} characters remaining');
  });

  it('Finnish counts one and many; Somali needs no own form for one', () => {
    const forms = TIP_DICTIONARIES.fi.description.counterRemaining;
    expect(pluralForm(forms, 1, 'fi-FI')).toBe('Sinulla on {count} merkki jäljellä');
    expect(pluralForm(forms, 2, 'fi-FI')).toBe('Sinulla on {count} merkkiä jäljellä');
    const wait = TIP_DICTIONARIES.so.rateLimited.wait;
    expect(pluralForm(wait, 1, 'so-SO')).toContain('hal daqiiqo');
    expect(pluralForm(wait, 5, 'so-SO')).toContain('{minutes} daqiiqo');
  });

  it('Arabic has its own form for 1, 2, 3–10, 11–99 and 100+ minutes', () => {
    const forms = TIP_DICTIONARIES.ar.rateLimited.wait;
    const pick = (n: number) => pluralForm(forms, n, 'ar');
    expect(pick(1)).toContain('بعد دقيقة تقريبًا');
    expect(pick(2)).toContain('دقيقتين');
    expect(pick(3)).toContain('{minutes} دقائق');
    expect(pick(11)).toContain('{minutes} دقيقة');
    expect(pick(100)).toContain('{minutes} دقيقة');
  });

  it('rate-limit waits are whole minutes, at least one', () => {
    expect([1, 59, 60, 61, 600].map(minutesToWait)).toEqual([1, 1, 1, 2, 10]);
  });
});

describe('categories offered first', () => {
  it('a preselected category brings its focus area to the top; "other" stays last', () => {
    const ids = categoryOptions('en', 'drugs').map((option) => option.id);
    expect(ids.slice(0, 2)).toEqual(['drugs', 'alcohol-doping-tobacco-gambling']);
    expect(ids.at(-1)).toBe('other');
    expect([...ids].sort()).toEqual([...CATEGORY_IDS].sort());
  });

  it('an unknown or focus-less category changes nothing', () => {
    for (const preselected of ['other', 'nonsense', 'constructor', '__proto__', undefined]) {
      expect(categoryOptions('sv', preselected).map((option) => option.id)).toEqual([...CATEGORY_IDS]);
    }
  });
});

describe('the reference for screen readers', () => {
  it('is spelled out a character at a time, groups separated', () => {
    expect(spellReference('K7MX-4RDP')).toBe('K 7 M X, 4 R D P');
  });
});
