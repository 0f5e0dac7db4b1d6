import type { PersonalDataKind } from '../../schemas/personal-data.ts';
import type { TipErrorCode } from '../../schemas/tip.ts';
import type { TimeOfDay } from '../../schemas/tip-options.ts';

/**
 * The tip form's strings in Swedish. This dictionary defines the shape:
 * en.ts and ar.ts are typed against `TipStrings`, so a missing or extra key
 * fails the type check. Category and area labels live in content/tip-options/.
 *
 * Strings marked "rich" may use a small inline syntax (rendered by
 * src/components/tip-form/RichText.tsx): `**strong**`, `[text](privacy)`,
 * `[text](home)` or `[text](easy-read)` (how to send a tip, in easy-to-read
 * Swedish: the form itself stays in ordinary Swedish) for a page link, `{tel:emergency}`, `{tel:police}`,
 * `{tel:kvinnofridslinjen}` for a help line, `{email}` for Huge's address.
 * `{min}`, `{max}`, `{count}`, `{minutes}` and `{kinds}` are parameters.
 * Error messages are plain text with parameters only: the API's 422 answers
 * carry them as well (src/i18n/tip-field-message.ts).
 */

/** Plural forms chosen with Intl.PluralRules; "other" is always required. */
export type Plural = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;

export const sv = {
  /** BCP 47 tag for numbers and lists (always with Latin digits). */
  numberLocale: 'sv-SE',
  page: {
    title: 'Lämna ett tips',
    description: 'Berätta för Huge Bostäder om något som gör det otryggt där du bor. Du kan vara anonym.',
    /** Put before the title while the page shows errors (GOV.UK pattern). */
    errorTitlePrefix: 'Fel: ',
    lede: 'Har du sett eller hört något som gör det otryggt där du bor? Berätta det för Huge Bostäder här. Du behöver inte skriva vem du är. [Läs på lättläst svenska om hur du lämnar ett tips](easy-read).',
  },
  about: {
    heading: 'Bra att veta',
    /**
     * rich. Say only what is known: how Huge handles a tip (when it is read,
     * what is done with it) is content/facts.yaml `tipHandling`, added to the
     * second point once Huge has confirmed it (see with-tip-handling.ts).
     */
    points: [
      'Ett tips här är **ingen polisanmälan** och läses **inte dygnet runt**.',
      'Tipset skickas som e-post till Huges områdesutvecklare på {email}.',
      '**Är någon i fara nu?** Ring {tel:emergency}. Vill du anmäla ett brott, ring polisen på {tel:police}.',
      'Utsatt för våld eller hot av någon närstående? Kvinnofridslinjen {tel:kvinnofridslinjen} är gratis, öppen dygnet runt och syns inte på telefonräkningen.',
    ],
  },
  optional: '(valfritt)',
  /** Read by screen readers before each inline error. */
  errorPrefix: 'Fel:',
  summaryHeading: 'Det finns ett problem',
  category: {
    legend: 'Vad gäller tipset?',
    hint: 'Välj det som passar bäst.',
  },
  area: {
    legend: 'Var i Huddinge?',
    hint: 'Välj kommundel. Heter platsen något annat, till exempel Glömsta, Vidja, Länna, Kungens kurva, Visättra, Björnkulla eller Grantorp: välj den kommundel den hör till, eller ”En annan plats i Huddinge”.',
  },
  place: {
    label: 'Plats',
    hint: 'Till exempel en adress, ett trapphus eller ett känt ställe i närheten.',
  },
  when: {
    legend: 'När hände det?',
    now: 'Det händer just nu',
    date: 'Ett visst datum',
    recurring: 'Det händer ofta eller återkommande',
    unsaid: 'Vet inte eller vill inte säga',
    /** Shown when the date fields are always visible (no JavaScript). */
    dateOnlyHint: 'Fyll bara i om du har valt ”Ett visst datum”.',
    dateLabel: 'Datum',
    timeLabel: 'Ungefär när på dygnet?',
    times: {
      unsaid: 'Vet inte eller vill inte säga',
      morning: 'Morgon',
      daytime: 'Dagtid',
      evening: 'Kväll',
      night: 'Natt',
    } satisfies Record<TimeOfDay | 'unsaid', string>,
  },
  urgent: {
    nowHeading: 'Händer det just nu?',
    /** rich */
    now: '**Är någon i fara, eller pågår ett brott? Ring {tel:emergency} nu.** Ett tips läses inte dygnet runt och kan inte ge hjälp direkt.',
    closeHeading: 'Våld eller hot i en nära relation',
    /** rich */
    close:
      '**Är någon i fara nu? Ring {tel:emergency}.** Kvinnofridslinjen {tel:kvinnofridslinjen} stöttar den som är utsatt och deras anhöriga. Det är gratis, öppet dygnet runt och syns inte på telefonräkningen.',
    stillSend: 'Du kan ändå skicka tipset.',
  },
  description: {
    label: 'Beskriv vad som har hänt',
    guidanceIntro: 'Skriv gärna',
    guidance: ['vad som händer eller har hänt', 'var det är, så exakt du kan', 'när det händer, och hur ofta'],
    /** rich */
    avoid:
      'Skriv inte namn eller annat som pekar ut andra personer, om det inte behövs för att förstå vad som hänt. Är någon i fara nu, ring {tel:emergency}.',
    limits: 'Skriv minst {min} och högst {max} tecken.',
    counterRemaining: { other: 'Du har {count} tecken kvar' } as Plural,
    counterTooMany: { other: 'Du har {count} tecken för mycket' } as Plural,
  },
  personalData: {
    heading: 'Texten verkar innehålla personuppgifter',
    found: 'Det ser ut som {kinds}.',
    kinds: {
      'personal-identity-number': 'ett personnummer',
      'phone-number': 'ett telefonnummer',
      'email-address': 'en e-postadress',
    } satisfies Record<PersonalDataKind, string>,
    advice:
      'Skriv bara sådant om andra om det behövs för att förstå vad som hänt. Vill du själv bli kontaktad, använd hellre fälten för kontaktuppgifter längre ner. Du kan ändra texten eller skicka tipset som det är.',
    sendAgain: 'Vill du skicka tipset som det är, tryck på ”Skicka tipset” igen.',
    /** Without JavaScript: the box to tick, and what the answer at the top of the page says. */
    confirmLabel: 'Jag vill skicka tipset som det är',
    notSentYet: 'Tipset har inte skickats än. Du kan',
    editText: 'ändra texten',
    tickAndSend: 'kryssa i ”Jag vill skicka tipset som det är” och skicka igen',
  },
  contact: {
    legend: 'Vill du att vi kontaktar dig?',
    warning: 'Lämnar du e-post eller telefonnummer är tipset inte längre anonymt för Huge.',
    noReply: 'Utan kontaktuppgifter kan vi inte svara dig.',
    checkbox: 'Ja, jag vill bli kontaktad',
    detailsHint: 'Fyll i e-post, telefonnummer eller båda.',
    /** Shown when the contact fields are always visible (no JavaScript). */
    checkboxOnlyHint: 'Fyll bara i om du har kryssat i rutan ovan.',
    emailLabel: 'E-postadress',
    phoneLabel: 'Telefonnummer',
  },
  honeypot: 'Lämna det här fältet tomt',
  /** rich */
  publicRecords:
    '**Det du skriver kan bli en allmän handling.** Huge Bostäder ägs av Huddinge kommun, så andra kan begära att få läsa tipset. Innan något lämnas ut prövas om det ska hållas hemligt (sekretess). [Läs mer om integritet och anonymitet](privacy) eller [läs om det på lättläst svenska](easy-read).',
  submit: 'Skicka tipset',
  sending: 'Skickar …',
  errors: {
    'category.required': 'Välj vad tipset gäller',
    'area.required': 'Välj var i Huddinge det är',
    'place.tooLong': 'Platsen får vara högst {max} tecken',
    'place.invalidCharacters':
      'Platsen innehåller osynliga styrtecken. Skriv in den igen i stället för att klistra in den',
    'when.invalid': 'Välj när det hände',
    'whenDate.required': 'Fyll i datumet då det hände',
    'whenDate.invalid': 'Datumet måste vara ett riktigt datum',
    'whenDate.future': 'Datumet kan inte vara senare än i dag',
    'whenTime.invalid': 'Välj ungefär när på dygnet det hände',
    'description.required': 'Beskriv vad som har hänt',
    'description.tooShort': 'Beskrivningen måste vara minst {min} tecken',
    'description.tooLong': 'Beskrivningen får vara högst {max} tecken',
    'description.invalidCharacters':
      'Beskrivningen innehåller osynliga styrtecken. Skriv texten i stället för att klistra in den',
    'contact.required': 'Fyll i din e-postadress eller ditt telefonnummer, eller kryssa ur rutan',
    'contact.notWanted': 'Du har fyllt i kontaktuppgifter. Kryssa i ”Ja, jag vill bli kontaktad” eller ta bort dem',
    'contactEmail.invalid': 'Skriv e-postadressen i rätt form, till exempel namn@exempel.se',
    'contactPhone.invalid': 'Skriv telefonnumret med siffror, till exempel 070-123 45 67',
    'form.invalid': 'Formuläret kunde inte kontrolleras. Se över uppgifterna och skicka igen',
    'form.expired': 'Formuläret hade varit öppet för länge. Se över uppgifterna och skicka igen',
    'form.tooFast': 'Formuläret skickades för snabbt. Vänta några sekunder och skicka igen',
    'form.keyReused':
      'Formuläret har redan skickats med ett annat innehåll. Skicka igen, så lämnas det här som ett nytt tips',
  } satisfies Record<TipErrorCode, string>,
  failure: {
    heading: 'Tipset kunde inte skickas',
    /** rich */
    text: 'Något gick fel, och tipset har inte kommit fram. Det du har skrivit finns kvar. Försök igen om en stund, eller skicka det med e-post till {email}. Är någon i fara nu, ring {tel:emergency}.',
  },
  rateLimited: {
    heading: 'För många tips just nu',
    wait: {
      one: 'Vi har tagit emot många tips från din uppkoppling på kort tid. Försök igen om ungefär en minut.',
      other: 'Vi har tagit emot många tips från din uppkoppling på kort tid. Försök igen om ungefär {minutes} minuter.',
    } as Plural,
    /** Refused by the service-wide cap (a surge far above normal), not as this sender's. */
    overloadedWait: {
      one: 'Tjänsten tar emot ovanligt många tips just nu och kan inte ta emot fler för tillfället. Försök igen om ungefär en minut.',
      other:
        'Tjänsten tar emot ovanligt många tips just nu och kan inte ta emot fler för tillfället. Försök igen om ungefär {minutes} minuter.',
    } as Plural,
    /** rich */
    alternatives:
      'Du kan också skriva direkt till {email}. Är någon i fara nu, ring {tel:emergency}. Vill du anmäla ett brott, ring polisen på {tel:police}.',
    /** With JavaScript the form stays on the page. */
    textKept: 'Det du har skrivit finns kvar i formuläret.',
    /** Without JavaScript the page only links back to a fresh form. */
    notSent: 'Tipset har inte skickats.',
    backToForm: 'Till formuläret',
  },
  /** Pages for a form post that could not be taken at all (prerendered; nothing was sent). */
  refused: {
    'cross-site': {
      heading: 'Tipset kunde inte tas emot',
      text: 'Tips tas bara emot från formuläret på den här webbplatsen. Tipset har inte skickats.',
    },
    malformed: {
      heading: 'Tipset kunde inte läsas',
      text: 'Det som skickades gick inte att läsa. Tipset har inte skickats.',
    },
    'too-large': {
      heading: 'Tipset var för stort',
      text: 'Det som skickades var för stort. En beskrivning får vara högst {max} tecken. Tipset har inte skickats.',
    },
    unsupported: {
      heading: 'Tipset kunde inte läsas',
      text: 'Tipset skickades i en form som vi inte kan läsa. Tipset har inte skickats.',
    },
    again: 'Öppna formuläret och skicka tipset därifrån.',
  },
  confirmation: {
    heading: 'Tack, vi har fått ditt tips',
    referenceLabel: 'Ditt referensnummer',
    referenceHint: 'Spara numret om du vill lägga till något senare.',
    copy: 'Kopiera numret',
    copied: 'Numret är kopierat.',
    nextHeading: 'Vad händer nu?',
    /** rich. The first point says where the tip goes; confirmed `tipHandling` is added to it (as in `about`). */
    next: [
      'Tipset skickas som e-post till Huges områdesutvecklare på {email}. Det läses inte dygnet runt.',
      'Tipset är ingen polisanmälan. Är någon i fara, ring {tel:emergency}. Vill du anmäla ett brott, ring polisen på {tel:police}.',
      'Vill du lägga till något? Skriv till {email} och ange referensnumret.',
      'Har du inte lämnat kontaktuppgifter kan vi inte svara dig.',
    ],
    sharedDevice:
      'Använder du en dator eller telefon som andra också använder? Stäng webbläsarfönstret när du är klar.',
    anotherTip: 'Lämna ett tips till',
    home: 'Till startsidan',
  },
};

/** The shape every language's tip dictionary must have. */
export type TipStrings = typeof sv;
