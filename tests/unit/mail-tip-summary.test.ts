import { describe, expect, it } from 'vitest';
import { buildTipEmail, type TipEmailOptions } from '../../src/delivery/mail/tip-email.ts';
import { flagsOf, tipSchema } from '../../src/schemas/tip.ts';
import { allTipFixtures, tipFixture } from '../helpers/fixtures.ts';
import { asFenced, descriptionIn } from '../helpers/tip-email-text.ts';

/** TIP_EMAIL_CONTENT=summary: the email says a tip came in and links to the inbox; nothing the tipster wrote goes along. */

const OPTIONS: TipEmailOptions = {
  from: 'Tillsammans för trygghet <no-reply@trygghet.example>',
  to: ['trygghet@huge.se'],
  areaRecipients: {},
  siteHost: 'trygghet.example',
  content: { mode: 'summary', siteOrigin: 'https://trygghet.example' },
};
const ACCEPTED_AT = Date.UTC(2026, 10, 21, 13, 5);

function accepted(name: string) {
  const tip = tipSchema('2099-12-31').parse(tipFixture(name).fields);
  return { reference: 'K7MX-4RDP', acceptedAt: ACCEPTED_AT, language: 'sv' as const, tip, flags: flagsOf(tip) };
}

describe('the summary email', () => {
  it('gives the reference, time, event, focus area, district, "happening now" and a link to the tip in the inbox', () => {
    const body = String(buildTipEmail(accepted('happening-now'), OPTIONS).text);
    expect(body).toContain('Referens: K7MX-4RDP');
    expect(body).toContain('Mottaget: lördag 2026-11-21 kl. 14:05 (svensk tid)');
    expect(body).toContain('Händelse: Ordningsstörning, till exempel bråk eller stök');
    expect(body).toContain('Fokusområde: Tryggheten i det offentliga rummet');
    expect(body).toContain('Område: Sjödalen-Fullersta (med Huddinge centrum)');
    expect(body).toContain('Pågår just nu: ja, enligt tipsaren');
    expect(body).toContain('https://trygghet.example/personal/tips/K7MX-4RDP');
  });

  it('carries no description, place or contact details of any fixture', () => {
    for (const fixture of allTipFixtures()) {
      const parsed = tipSchema('2099-12-31').safeParse(fixture.fields);
      if (!parsed.success) continue;
      const tip = parsed.data;
      const message = buildTipEmail(
        { reference: 'K7MX-4RDP', acceptedAt: ACCEPTED_AT, language: 'sv', tip, flags: flagsOf(tip) },
        OPTIONS,
      );
      const body = String(message.text);
      for (const text of [tip.description, tip.place, tip.contactEmail, tip.contactPhone]) {
        if (text) expect(body, fixture.name).not.toContain(text);
      }
      expect(message.subject).toBe(
        buildTipEmail(
          { reference: 'K7MX-4RDP', acceptedAt: ACCEPTED_AT, language: 'sv', tip, flags: flagsOf(tip) },
          { ...OPTIONS, content: { mode: 'full' } },
        ).subject,
      );
    }
  });

  it('is the full email when the mode is full (the default)', () => {
    const tip = accepted('full-swedish');
    for (const content of [{ mode: 'full' } as const, undefined]) {
      const text = String(buildTipEmail(tip, { ...OPTIONS, content }).text);
      expect(descriptionIn(text, tip.reference)).toBe(asFenced(tip.tip.description));
    }
  });
});
