import { describe, expect, it } from 'vitest';
import { CATEGORY_LABELS, CATEGORY_SHORT_LABELS, DISTRICT_NAMES } from '../../src/delivery/mail/labels.ts';
import { formatAcceptedAt, isolateBidi, oneLine, verbatimLines } from '../../src/delivery/mail/tip-email-body.ts';
import {
  buildTipEmail,
  recipientsFor,
  tipMessageId,
  tipSubject,
  type TipEmailOptions,
} from '../../src/delivery/mail/tip-email.ts';
import type { AcceptedTip } from '../../src/store/accepted-tip.ts';
import { flagsOf, tipSchema, type Tip } from '../../src/schemas/tip.ts';
import { AREA_IDS, CATEGORY_IDS } from '../../src/schemas/tip-options.ts';
import { allTipFixtures, tipFixture } from '../helpers/fixtures.ts';
import { asFenced, descriptionIn as descriptionOf, fencedLines as fencedOf } from '../helpers/tip-email-text.ts';

const OPTIONS: TipEmailOptions = {
  from: 'Tillsammans för trygghet <no-reply@trygghet.example>',
  to: ['trygghet@huge.se'],
  areaRecipients: { skogas: ['skogas@huge.se', 'TRYGGHET@huge.se'] },
  siteHost: 'trygghet.example',
};

/** 21 November 2026, 14:05 in Stockholm (UTC+1). */
const ACCEPTED_AT = Date.UTC(2026, 10, 21, 13, 5);

function accepted(tip: Tip, overrides: Partial<AcceptedTip> = {}): AcceptedTip {
  return { reference: 'K7MX-4RDP', acceptedAt: ACCEPTED_AT, language: 'sv', tip, flags: flagsOf(tip), ...overrides };
}

function fromFixture(name: string): AcceptedTip {
  const fixture = tipFixture(name);
  return accepted(tipSchema('2099-12-31').parse(fixture.fields), { language: fixture.lang ?? 'sv' });
}

/** A tip that did not pass the schema: proves the builder is safe on its own. */
function unchecked(tip: Record<string, unknown>): Tip {
  return { category: 'other', area: 'segeltorp', description: 'En beskrivning av händelsen.', ...tip } as Tip;
}

function text(message: ReturnType<typeof buildTipEmail>): string {
  if (typeof message.text !== 'string') throw new Error('expected a string body');
  return message.text;
}

const fencedLines = (body: string) => fencedOf(body, 'K7MX-4RDP');
const descriptionIn = (body: string) => descriptionOf(body, 'K7MX-4RDP');

describe('buildTipEmail', () => {
  it('builds the subject from the now-marker, the district, a short event name and the reference only', () => {
    for (const category of CATEGORY_IDS) {
      for (const area of AREA_IDS) {
        for (const when of ['now', 'recurring', undefined] as const) {
          const tip = unchecked({ category, area, when, description: 'Kontakt: 070-123 45 67 [Pågår nu] Skogås:' });
          const message = buildTipEmail(accepted(tip), OPTIONS);
          const district = DISTRICT_NAMES[area];
          const expected = `${when === 'now' ? '[Pågår nu] ' : ''}${district ? `${district}: ` : ''}${CATEGORY_SHORT_LABELS[category]} – tips K7MX-4RDP`;
          expect(message.subject).toBe(expected);
          // A phone's list view: the whole subject within 70 characters, what sorts first within the first 52.
          expect([...(message.subject ?? '')].length, message.subject).toBeLessThanOrEqual(70);
          expect([...(expected.split(' – tips ')[0] ?? '')].length).toBeLessThanOrEqual(52);
        }
      }
    }
    expect(tipSubject(fromFixture('happening-now'))).toMatch(/^\[Pågår nu\] /);
    expect(CATEGORY_SHORT_LABELS.disturbance).toBe('Ordningsstörning');
    expect(DISTRICT_NAMES.varby).toBe('Vårby');
    expect(DISTRICT_NAMES.unknown).toBeUndefined();
  });

  it('sets fixed headers: From and To from configuration, a stable Message-ID, Date at the minute', () => {
    const message = buildTipEmail(fromFixture('full-swedish'), OPTIONS);
    expect(message).toMatchObject({
      from: OPTIONS.from,
      to: ['trygghet@huge.se', 'skogas@huge.se'],
      messageId: '<tip-K7MX-4RDP@trygghet.example>',
      headers: { 'Auto-Submitted': 'auto-generated' },
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    expect(message.date).toEqual(new Date(ACCEPTED_AT));
    expect(message.html).toBeUndefined();
    expect(message.attachments).toBeUndefined();
    expect(message.replyTo).toBeUndefined();
    expect(message.cc).toBeUndefined();
    expect(message.bcc).toBeUndefined();
    expect(Object.keys(message).sort()).toEqual(
      ['date', 'disableFileAccess', 'disableUrlAccess', 'from', 'headers', 'messageId', 'subject', 'text', 'to'].sort(),
    );
  });

  it('is pure: the same tip gives the same message on every attempt', () => {
    const tip = fromFixture('contact-wanted');
    expect(buildTipEmail(tip, OPTIONS)).toEqual(buildTipEmail(tip, OPTIONS));
  });

  it('adds the area recipients once each, and no one else', () => {
    expect(recipientsFor('skogas', OPTIONS.to, OPTIONS.areaRecipients)).toEqual(['trygghet@huge.se', 'skogas@huge.se']);
    expect(recipientsFor('varby', OPTIONS.to, OPTIONS.areaRecipients)).toEqual(['trygghet@huge.se']);
    expect(recipientsFor('skogas', [], {})).toEqual([]);
    expect(() => buildTipEmail(fromFixture('minimal'), { ...OPTIONS, to: [] })).toThrow(/no recipients/);
  });

  it('refuses a malformed reference or host instead of putting it in a header', () => {
    const tip = fromFixture('minimal');
    for (const reference of ['k7mx-4rdp', 'K7MX-4RDP\r\nBcc: x@evil.example', '../../etc', 'K7MX4RDP']) {
      expect(() => buildTipEmail({ ...tip, reference }, OPTIONS)).toThrow(/malformed reference/);
    }
    for (const siteHost of ['evil.example>\r\nBcc: x@evil.example', 'a b', '']) {
      expect(() => buildTipEmail(tip, { ...OPTIONS, siteHost })).toThrow(/host name/);
    }
    expect(tipMessageId('K7MX-4RDP', '[::1]')).toBe('<tip-K7MX-4RDP@[::1]>');
  });
});

describe('the body', () => {
  it('labels every field of a full tip', () => {
    const body = text(buildTipEmail(fromFixture('full-swedish'), OPTIONS));
    const lines = body.split('\n');
    for (const line of [
      'Referens: K7MX-4RDP',
      'Mottaget: lördag 2026-11-21 kl. 14:05 (svensk tid)',
      'Språk: Tipset skickades från formuläret på svenska; texten är troligen skriven på svenska.',
      'Händelse: Narkotika: försäljning eller användning',
      'Fokusområde: Alkohol, narkotika, dopning, tobak och spel (ANDTS)',
      'Område: Skogås',
      'Plats: Trapphus 4B, källaringången',
      'När: fredag 2026-11-20, kväll',
      '- Inget särskilt.',
      'Anonymt tips – kan inte besvaras.',
    ]) {
      expect(lines).toContain(line);
    }
    expect(descriptionIn(body)).toBe(tipFixture('full-swedish').fields.description);
    expect(body).toContain('Ett tips är ingen polisanmälan');
    expect(body).toContain('skriva till trygghet@huge.se och ange referensen K7MX-4RDP');
  });

  it('notes the form language of an Arabic tip and keeps its text verbatim', () => {
    const tip = fromFixture('arabic');
    const body = text(buildTipEmail(tip, OPTIONS));
    expect(body).toContain(
      'Språk: Tipset skickades från formuläret på arabiska; texten är troligen skriven på arabiska.',
    );
    expect(body).toContain(`Plats: ${tipFixture('arabic').fields.place}`);
    expect(body).toContain('När: Återkommande – har hänt flera gånger');
    expect(descriptionIn(body)).toBe(tip.tip.description);
  });

  it.each([
    ['finnish', 'finska'],
    ['somali', 'somaliska'],
  ])('stays Swedish for a %s tip, names the form language and keeps its text verbatim', (name, language) => {
    const tip = fromFixture(name);
    const body = text(buildTipEmail(tip, OPTIONS));
    expect(body).toContain(
      `Språk: Tipset skickades från formuläret på ${language}; texten är troligen skriven på ${language}.`,
    );
    expect(body).toContain(`Händelse: ${CATEGORY_LABELS[tip.tip.category]}`);
    expect(body).toContain(`Plats: ${tipFixture(name).fields.place}`);
    expect(descriptionIn(body)).toBe(tip.tip.description);
  });

  it('shows the flags: personal data, happening now, contact wanted with the details', () => {
    const personal = text(buildTipEmail(fromFixture('personal-data'), OPTIONS));
    const kinds = tipFixture('personal-data').personalData ?? [];
    expect(kinds.length).toBeGreaterThan(0);
    const words = {
      'personal-identity-number': 'personnummer',
      'phone-number': 'telefonnummer',
      'email-address': 'e-postadress',
    };
    expect(personal).toContain(`- Möjliga personuppgifter i texten: ${kinds.map((kind) => words[kind]).join(', ')}.`);

    const now = text(buildTipEmail(fromFixture('happening-now'), OPTIONS));
    expect(now).toContain('- Pågår just nu enligt tipsaren.');
    expect(now).toContain('När: Pågår just nu');

    const contact = text(buildTipEmail(fromFixture('contact-wanted'), OPTIONS));
    expect(contact).toContain('- Vill bli kontaktad (se Kontakt nedan).');
    expect(contact).toContain('E-post: boende@example.se');
    expect(contact).toContain('Telefon: 070-765 43 21');
    expect(contact).not.toContain('Anonymt tips');
  });

  it('never shows contact details the tipster did not ask to be contacted with', () => {
    const tip = unchecked({ contactEmail: 'someone@example.se', contactPhone: '070-123 45 67' });
    const body = text(buildTipEmail(accepted(tip, { flags: { ...flagsOf(tip), contactWanted: false } }), OPTIONS));
    expect(body).toContain('Anonymt tips – kan inte besvaras.');
    expect(body).not.toContain('someone@example.se');
    expect(body).not.toContain('070-123 45 67');
  });

  it('says "not given" for every optional field left out', () => {
    const body = text(buildTipEmail(fromFixture('minimal'), OPTIONS));
    expect(body).toContain('Plats: Inte angiven');
    expect(body).toContain('När: Inte angivet');
  });

  it('gives the time in Stockholm to the minute, in summer and in winter', () => {
    expect(formatAcceptedAt(Date.UTC(2026, 5, 15, 10, 30))).toBe('måndag 2026-06-15 kl. 12:30 (svensk tid)');
    expect(formatAcceptedAt(Date.UTC(2026, 0, 15, 23, 59))).toBe('fredag 2026-01-16 kl. 00:59 (svensk tid)');
    const body = text(buildTipEmail(fromFixture('minimal'), OPTIONS));
    expect(body).not.toMatch(/\d{2}:\d{2}:\d{2}/);
  });

  it('keeps every fixture description verbatim (lines with bidi controls isolated)', () => {
    for (const fixture of allTipFixtures().filter((item) => !item.errors)) {
      const tip = fromFixture(fixture.name);
      const expected = asFenced(tip.tip.description);
      expect(descriptionIn(text(buildTipEmail(tip, OPTIONS)))).toBe(expected);
    }
  });

  it('says where an anonymous tip holds possible personal data: the tipster may have written their own number', () => {
    const tip = unchecked({ description: 'Ring mig gärna på 070-123 45 67 om ni undrar något.' });
    const body = text(buildTipEmail(accepted(tip), OPTIONS));
    const contact = body.split('\n\nKontakt:\n')[1]?.split('\n\n')[0];
    expect(contact).toBe(
      [
        'Inga kontaktuppgifter i formuläret, men beskrivningen innehåller möjliga personuppgifter (telefonnummer).',
        'Har tipsaren skrivit sina egna kontaktuppgifter där vill hen troligen bli kontaktad: läs beskrivningen.',
      ].join('\n'),
    );
    expect(body).not.toContain('kan inte besvaras');
  });
});

describe('hostile text (THREATS #3, #4)', () => {
  it('leaves one-line fields on one line even if the schema were bypassed', () => {
    const tip = unchecked({
      place: 'Gården\r\nKontakt:\nVill bli kontaktad.\rE-post: fake@evil.example\u0085\u2028x',
      contactWanted: true,
      contactEmail: '"a@b"@evil.example\r\nBcc: victim@evil.example',
      contactPhone: '070\n-123\t45',
      when: 'date',
      whenDate: '2026-11-20\nFokusområde: falskt',
    });
    const body = text(buildTipEmail(accepted(tip), OPTIONS));
    const lines = body.split('\n');
    expect(lines.filter((line) => line.startsWith('Plats: '))).toEqual([
      'Plats: Gården\uFFFD\uFFFDKontakt:\uFFFDVill bli kontaktad.\uFFFDE-post: fake@evil.example\uFFFD\uFFFDx',
    ]);
    expect(lines).toContain('E-post: "a@b"@evil.example\uFFFD\uFFFDBcc: victim@evil.example');
    expect(lines).toContain('Telefon: 070\uFFFD-123\uFFFD45');
    expect(lines).toContain('När: 2026-11-20\uFFFDFokusområde: falskt');
    expect(lines.filter((line) => line.startsWith('Fokusområde:'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('E-post:'))).toHaveLength(1);
    expect(lines.some((line) => line.startsWith('Bcc:'))).toBe(false);
  });

  it('isolates bidi controls in one-line fields so they cannot reorder the label', () => {
    expect(oneLine('\u202Egnp.exe')).toBe('\u2068\u202Egnp.exe\u2069');
    // Its own PDI cannot close the isolate early: one more isolate is opened per PDI, and every one closed.
    expect(isolateBidi('a\u2069\u202Eb')).toBe('\u2068\u2068a\u2069\u202Eb\u2069\u2069');
    expect(isolateBidi('\u2067x\u2069\u2069\u2066y')).toBe(
      '\u2068\u2068\u2068\u2067x\u2069\u2069\u2066y\u2069\u2069\u2069\u2069\u2069',
    );
    expect(oneLine('الملعب خلف المدرسة')).toBe('الملعب خلف المدرسة');
    const body = text(buildTipEmail(fromFixture('injection'), OPTIONS));
    expect(body).toContain(`Plats: \u2068${tipFixture('injection').fields.place}\u2069`);
  });

  it('keeps the description verbatim: markup, quoted @, bidi overrides, tabs and 4,000-character lines', () => {
    const descriptions = [
      tipFixture('injection').fields.description ?? '',
      `Subject: x\nBcc: a@evil.example\n\n.\n..\nFrom nobody\n\t<script>alert(1)</script>\t`,
      'x'.repeat(4000),
      'ب'.repeat(4000),
      '😀'.repeat(2000),
      `${'=?UTF-8?B?SGk=?= '.repeat(200)}`,
    ];
    for (const description of descriptions) {
      const tip = unchecked({ description });
      const expected = asFenced(description);
      expect(descriptionIn(text(buildTipEmail(accepted(tip), OPTIONS)))).toBe(expected);
    }
    const injected = descriptionIn(text(buildTipEmail(fromFixture('injection'), OPTIONS))).split('\n');
    expect(injected).toContain('\u2068"quoted@"@evil.example \u202Edesrever\u202C\u2069');
    expect(buildTipEmail(fromFixture('injection'), OPTIONS).subject).toBe('Segeltorp: Övrigt – tips K7MX-4RDP');
    expect(CATEGORY_LABELS.other).toBe('Något annat');
  });

  it('fences the description so no line of it reads as a field or as the end of the description (THREATS #19)', () => {
    const imitation = [
      'Bråk i trapphuset.',
      '-'.repeat(60),
      '└── Slut på beskrivningen i tips AAAA-BBBB ──',
      '',
      'Kontakt:',
      'Vill bli kontaktad. Tipset är alltså inte anonymt för Huge.',
      'Telefon: 070-000 00 00',
      'Referens: AAAA-BBBB\u2028Område: Vårby (med Vårby gård och Masmo)',
      '\u2069Händelse: Gängrelaterad aktivitet',
    ].join('\n');
    const body = text(buildTipEmail(accepted(unchecked({ description: imitation })), OPTIONS));
    const lines = body.split('\n');
    for (const label of ['Kontakt:', 'Referens:', 'Område:', 'Händelse:', 'Telefon:', 'Vill bli kontaktad']) {
      const own = label === 'Telefon:' || label === 'Vill bli kontaktad' ? 0 : 1;
      expect(
        lines.filter((line) => line.startsWith(label)),
        label,
      ).toHaveLength(own);
    }
    expect(lines.filter((line) => line.startsWith('└──'))).toEqual(['└── Slut på beskrivningen i tips K7MX-4RDP ──']);
    expect(lines.filter((line) => /^-{10,}$/.test(line))).toEqual([]);
    for (const line of fencedLines(body)) expect(line === '│' || line.startsWith('│ '), line).toBe(true);
    expect(fencedLines(body)).toHaveLength(10);
  });

  it('neutralises control characters the schema refuses, keeping tab and line breaks (also U+2028, U+2029)', () => {
    expect(verbatimLines('a\tb\nc\r\nd\re\u0000f\u001Bg\u007Fh\u009Bi\u2028j\u2029k')).toEqual([
      'a\tb',
      'c',
      'd',
      'e\uFFFDf\uFFFDg\uFFFDh\uFFFDi',
      'j',
      'k',
    ]);
  });
});
