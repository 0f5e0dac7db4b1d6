import { describe, expect, it } from 'vitest';
import { FSI, PDI, isolateLatinRuns } from '../../src/i18n/bidi.ts';
import { areaOptions, categoryOptions } from '../../src/components/tip-form/options.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

/** Shows the isolates as ⁅…⁆ so expectations are readable. */
const visible = (text: string) => text.replaceAll(FSI, '⁅').replaceAll(PDI, '⁆');

describe('Latin names inside right-to-left plain text', () => {
  it('are each wrapped in first-strong isolates, with the Arabic and brackets around them left alone', () => {
    expect(visible(isolateLatinRuns('Vårby (ومعها Vårby gård وMasmo)', 'ar'))).toBe(
      '⁅Vårby⁆ (ومعها ⁅Vårby gård⁆ و⁅Masmo⁆)',
    );
    expect(visible(isolateLatinRuns('Sjödalen-Fullersta (ومعها Huddinge centrum)', 'ar'))).toBe(
      '⁅Sjödalen-Fullersta⁆ (ومعها ⁅Huddinge centrum⁆)',
    );
    expect(visible(isolateLatinRuns('مكان آخر في هودينغه', 'ar'))).toBe('مكان آخر في هودينغه');
  });

  it('leaves left-to-right languages unchanged', () => {
    expect(isolateLatinRuns('Vårby (med Vårby gård och Masmo)', 'sv')).toBe('Vårby (med Vårby gård och Masmo)');
    expect(isolateLatinRuns('Vårby (including Vårby gård and Masmo)', 'en')).toBe(
      'Vårby (including Vårby gård and Masmo)',
    );
  });

  it('every Arabic area label isolates its Swedish names; no Latin letter is left outside an isolate', () => {
    const outside = (text: string) => {
      let depth = 0;
      const letters: string[] = [];
      for (const char of text) {
        if (char === FSI) depth += 1;
        else if (char === PDI) depth -= 1;
        else if (/\p{Script=Latin}/u.test(char) && depth === 0) letters.push(char);
      }
      return letters.join('');
    };
    const labels = Object.fromEntries(areaOptions('ar').map((option) => [option.id, visible(option.label)]));
    expect(labels).toMatchObject({
      flemingsberg: '⁅Flemingsberg⁆',
      'sjodalen-fullersta': '⁅Sjödalen-Fullersta⁆ (ومعها ⁅Huddinge centrum⁆)',
      varby: '⁅Vårby⁆ (ومعها ⁅Vårby gård⁆ و⁅Masmo⁆)',
    });
    for (const option of [...areaOptions('ar'), ...categoryOptions('ar')]) {
      expect(outside(option.label), option.id).toBe('');
    }
    for (const locale of LOCALES.filter((l) => l !== 'ar')) {
      expect(areaOptions(locale).some((option) => option.label.includes(FSI))).toBe(false);
    }
  });
});
