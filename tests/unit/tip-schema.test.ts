import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '../../src/schemas/personal-data.ts';
import {
  CONTACT_MAX,
  PLACE_MAX,
  TIP_ERROR_CODES,
  TIP_FIELDS,
  flagsOf,
  tipSchema,
  validateSubmission,
} from '../../src/schemas/tip.ts';
import { AREA_IDS, CATEGORY_IDS, TIMES_OF_DAY, WHEN_KINDS } from '../../src/schemas/tip-options.ts';
import { allTipFixtures } from '../helpers/fixtures.ts';

/** A fixed "today" after every fixture's date: the schema never reads a clock. */
const TODAY = '2026-12-01';

const VALID = { category: 'other', area: 'unknown', description: 'Något hände vid porten i går kväll.' };

function errorsOf(input: unknown, today = TODAY) {
  const result = validateSubmission(input, today);
  return result.success ? {} : result.errors;
}

describe('tip fixtures (tests/fixtures/tips)', () => {
  const fixtures = allTipFixtures();

  it('exist, valid and invalid ones', () => {
    expect(fixtures.filter((fixture) => fixture.errors).length).toBeGreaterThan(0);
    expect(fixtures.filter((fixture) => !fixture.errors).length).toBeGreaterThan(0);
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: ${fixture.about}`, () => {
      const input = { ...fixture.fields, ...(fixture.lang ? { lang: fixture.lang } : {}) };
      const result = validateSubmission(input, TODAY);
      if (fixture.errors) {
        expect(result.success).toBe(false);
        // Exactly the listed codes: no more fields, no fewer, same code each.
        expect(result.success ? {} : result.errors).toEqual(fixture.errors);
      } else {
        expect(result).toMatchObject({ success: true });
      }
      if (fixture.personalData) {
        expect(detectPersonalData(fixture.fields.description ?? '')).toEqual(fixture.personalData);
      }
    });
  }

  it('the personal-data fixture is flagged in the forwarded email', () => {
    const fixture = fixtures.find((candidate) => candidate.name === 'personal-data');
    const result = validateSubmission(fixture?.fields, TODAY);
    if (!result.success) throw new Error('personal-data fixture must be valid');
    const { lang: _lang, formToken: _token, idempotencyKey: _key, website: _website, ...tip } = result.data;
    expect(flagsOf(tip).personalData).toEqual(['personal-identity-number', 'phone-number', 'email-address']);
  });

  it('tips without personal data are not flagged', () => {
    for (const name of ['minimal', 'full-swedish', 'arabic', 'happening-now']) {
      const fixture = fixtures.find((candidate) => candidate.name === name);
      expect(detectPersonalData(fixture?.fields.description ?? ''), name).toEqual([]);
    }
  });
});

describe('required fields and choices', () => {
  it('an empty submission names every required field at once', () => {
    expect(errorsOf({})).toEqual({
      category: 'category.required',
      area: 'area.required',
      description: 'description.required',
    });
  });

  it('accepts every category, area, kind of "when" and time of day', () => {
    for (const category of CATEGORY_IDS) expect(errorsOf({ ...VALID, category })).toEqual({});
    for (const area of AREA_IDS) expect(errorsOf({ ...VALID, area })).toEqual({});
    for (const when of WHEN_KINDS.filter((kind) => kind !== 'date')) expect(errorsOf({ ...VALID, when })).toEqual({});
    for (const whenTime of TIMES_OF_DAY) {
      expect(errorsOf({ ...VALID, when: 'date', whenDate: '2026-11-30', whenTime })).toEqual({});
    }
  });

  it('refuses values outside the lists, and "" for a required choice', () => {
    expect(errorsOf({ ...VALID, category: 'burglary' })).toEqual({ category: 'category.required' });
    expect(errorsOf({ ...VALID, category: '' })).toEqual({ category: 'category.required' });
    expect(errorsOf({ ...VALID, area: 'Glömsta' })).toEqual({ area: 'area.required' });
    expect(errorsOf({ ...VALID, when: 'yesterday' })).toEqual({ when: 'when.invalid' });
    expect(errorsOf({ ...VALID, when: 'date', whenDate: '2026-11-30', whenTime: 'noon' })).toEqual({
      whenTime: 'whenTime.invalid',
    });
  });

  it('"" means "not said" for the optional choices and texts (an unticked radio, an empty input)', () => {
    expect(errorsOf({ ...VALID, when: '', whenTime: '', whenDate: '', place: '', contactEmail: '' })).toEqual({});
  });

  it('refuses unknown fields and non-object bodies as a form problem', () => {
    expect(errorsOf({ ...VALID, name: 'Anna' })).toEqual({ form: 'form.invalid' });
    expect(errorsOf('category=other')).toEqual({ form: 'form.invalid' });
    expect(errorsOf(null)).toEqual({ form: 'form.invalid' });
    expect(errorsOf([VALID])).toEqual({ form: 'form.invalid' });
  });

  it('checks the hidden fields (language, token length, idempotency key shape)', () => {
    expect(errorsOf({ ...VALID, lang: 'ar', idempotencyKey: 'a'.repeat(16), formToken: 'v1.1.x' })).toEqual({});
    expect(errorsOf({ ...VALID, lang: 'de' })).toEqual({ form: 'form.invalid' });
    expect(errorsOf({ ...VALID, idempotencyKey: 'short' })).toEqual({ form: 'form.invalid' });
    expect(errorsOf({ ...VALID, idempotencyKey: 'a'.repeat(15) + '!' })).toEqual({ form: 'form.invalid' });
    expect(errorsOf({ ...VALID, formToken: 'x'.repeat(513) })).toEqual({ form: 'form.invalid' });
  });

  it('every error code the schema can give is a known code, reported on a known field', () => {
    const fields = [...TIP_FIELDS, 'form'];
    const inputs = [
      {},
      { ...VALID, place: 'x'.repeat(PLACE_MAX + 1), when: 'date', contactEmail: 'a@b.se' },
      { ...VALID, contactWanted: 'on', contactEmail: 'nope', contactPhone: 'nope' },
    ];
    for (const input of inputs) {
      for (const [field, code] of Object.entries(errorsOf(input))) {
        expect(fields).toContain(field);
        expect(TIP_ERROR_CODES).toContain(code);
      }
    }
  });
});

describe('place', () => {
  it(`allows up to ${PLACE_MAX} characters, counted like the description`, () => {
    expect(errorsOf({ ...VALID, place: 'å'.repeat(PLACE_MAX) })).toEqual({});
    expect(errorsOf({ ...VALID, place: 'å'.repeat(PLACE_MAX + 1) })).toEqual({ place: 'place.tooLong' });
    // 200 "a" + combining ring: NFC composes each pair into one "å".
    expect(errorsOf({ ...VALID, place: 'a\u030A'.repeat(PLACE_MAX) })).toEqual({});
  });

  it('refuses every control character, tab and newline included (it is one line)', () => {
    for (const control of ['\u0000', '\u0007', '\t', '\n', '\u001B', '\u007F', '\u0085', '\u009F']) {
      expect(errorsOf({ ...VALID, place: `Port${control}3` }), JSON.stringify(control)).toEqual({
        place: 'place.invalidCharacters',
      });
    }
  });

  it('trims it and keeps the text otherwise as typed', () => {
    const result = validateSubmission({ ...VALID, place: '  Trapphus 4B  ' }, TODAY);
    expect(result.success && result.data.place).toBe('Trapphus 4B');
  });
});

describe('description', () => {
  it('refuses control characters other than newline and tab', () => {
    const base = 'Det har klottrats på fasaden';
    expect(errorsOf({ ...VALID, description: `${base}\n\tigen.` })).toEqual({});
    for (const control of ['\u0000', '\u0008', '\u000B', '\u000C', '\u001F', '\u007F', '\u0080', '\u009F']) {
      expect(errorsOf({ ...VALID, description: `${base}${control} igen.` }), JSON.stringify(control)).toEqual({
        description: 'description.invalidCharacters',
      });
    }
  });

  it('stores text with one kind of line break, NFC and trimmed', () => {
    const result = validateSubmission({ ...VALID, description: '  Rad ett\r\nrad tva\rrad tre e\u0301 \n' }, TODAY);
    expect(result.success && result.data.description).toBe('Rad ett\nrad tva\nrad tre é');
  });

  it('keeps bidi controls, markup and quoted @ verbatim (they are text, not control characters)', () => {
    const description = 'Se \u202Etxet\u202C <script>alert(1)</script> "a@b"@evil.example';
    const result = validateSubmission({ ...VALID, description }, TODAY);
    expect(result.success && result.data.description).toBe(description);
  });
});

describe('when', () => {
  const onDate = (whenDate: string | undefined, today = TODAY) =>
    errorsOf({ ...VALID, when: 'date', ...(whenDate === undefined ? {} : { whenDate }) }, today);

  it('a date is required when "on a date" is chosen, and only then', () => {
    expect(onDate(undefined)).toEqual({ whenDate: 'whenDate.required' });
    expect(onDate('')).toEqual({ whenDate: 'whenDate.required' });
    expect(onDate('   ')).toEqual({ whenDate: 'whenDate.required' });
    expect(errorsOf({ ...VALID, when: 'now' })).toEqual({});
  });

  it('refuses dates that are not real calendar dates in YYYY-MM-DD', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-5', '20261120', '30/11/2026', '1999-12-31', 'igår']) {
      expect(onDate(bad), bad).toEqual({ whenDate: 'whenDate.invalid' });
    }
    expect(onDate('2024-02-29')).toEqual({});
  });

  it('refuses dates after "today", which the caller passes in', () => {
    expect(onDate('2026-12-01')).toEqual({});
    expect(onDate('2026-12-02')).toEqual({ whenDate: 'whenDate.future' });
    expect(onDate('2027-01-01')).toEqual({ whenDate: 'whenDate.future' });
    // The same date is fine once "today" has moved on: the rule follows the argument, not a clock.
    expect(onDate('2026-12-02', '2026-12-02')).toEqual({});
  });
});

describe('contact', () => {
  const wanted = (details: Record<string, string>) => errorsOf({ ...VALID, contactWanted: 'on', ...details });

  it('is anonymous by default; details without the box ticked are refused on the box', () => {
    expect(errorsOf(VALID)).toEqual({});
    expect(errorsOf({ ...VALID, contactEmail: 'boende@example.se' })).toEqual({ contactWanted: 'contact.notWanted' });
    expect(errorsOf({ ...VALID, contactPhone: '070-123 45 67' })).toEqual({ contactWanted: 'contact.notWanted' });
    expect(errorsOf({ ...VALID, contactWanted: '', contactEmail: '  ' })).toEqual({});
  });

  it('needs an email address or a phone number once the box is ticked', () => {
    expect(wanted({})).toEqual({ contactWanted: 'contact.required' });
    expect(wanted({ contactEmail: '', contactPhone: '' })).toEqual({ contactWanted: 'contact.required' });
    expect(wanted({ contactEmail: 'boende@example.se' })).toEqual({});
    expect(wanted({ contactPhone: '070-123 45 67' })).toEqual({});
    expect(wanted({ contactPhone: '+46 70 123 45 67' })).toEqual({});
    expect(wanted({ contactPhone: '08-711 00 00' })).toEqual({});
  });

  it('accepts the JSON boolean and the form checkbox value alike', () => {
    expect(errorsOf({ ...VALID, contactWanted: true, contactEmail: 'a@example.se' })).toEqual({});
    expect(errorsOf({ ...VALID, contactWanted: 'true', contactEmail: 'a@example.se' })).toEqual({});
    expect(errorsOf({ ...VALID, contactWanted: false })).toEqual({});
  });

  it('validates each given detail on its own field', () => {
    expect(wanted({ contactEmail: 'boende@', contactPhone: '070-123 45 67' })).toEqual({
      contactEmail: 'contactEmail.invalid',
    });
    expect(wanted({ contactEmail: 'boende@example.se', contactPhone: 'ring mig' })).toEqual({
      contactPhone: 'contactPhone.invalid',
    });
    for (const phone of ['12345', '070\n1234567', '070-123 45 67 ext', `0${'7'.repeat(30)}`]) {
      expect(wanted({ contactPhone: phone }), phone).toEqual({ contactPhone: 'contactPhone.invalid' });
    }
    for (const email of ['a@b', 'a b@example.se', 'boende@example.se\nBcc: x@evil.example', '"a@b"@example.com']) {
      expect(wanted({ contactEmail: email }), email).toEqual({ contactEmail: 'contactEmail.invalid' });
    }
  });

  it(`limits an email address to ${CONTACT_MAX} characters`, () => {
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.se`;
    const longest = `${'a'.repeat(CONTACT_MAX - domain.length - 1)}@${domain}`;
    expect(longest.length).toBe(CONTACT_MAX);
    expect(wanted({ contactEmail: longest })).toEqual({});
    expect(wanted({ contactEmail: `a${longest}` })).toEqual({ contactEmail: 'contactEmail.invalid' });
  });
});

describe('tipSchema', () => {
  it('is the same rules without the hidden fields: it refuses them as unknown keys', () => {
    expect(tipSchema(TODAY).safeParse(VALID).success).toBe(true);
    expect(tipSchema(TODAY).safeParse({ ...VALID, formToken: 'x' }).success).toBe(false);
  });
});
