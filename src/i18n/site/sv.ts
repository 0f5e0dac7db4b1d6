import type { SitePageId } from '../../components/site/site-paths.ts';

/**
 * The site's interface strings in Swedish. This dictionary defines the shape:
 * every other language is typed against `SiteStrings`, so a missing or extra
 * key fails the type check. Page text lives in content/, not here.
 *
 * Strings marked "rich" may use the inline syntax of src/content/rich-text.ts
 * (links, help-line numbers, tokens); a unit test validates them.
 */
export const sv = {
  /** BCP 47 tag used to format dates in this language. */
  dateLocale: 'sv-SE',
  tagline: 'Trygghetssamverkan i Huddinge',
  skipLink: 'Hoppa till innehållet',
  quickExit: 'Lämna sidan snabbt',
  urgentHelpLabel: 'Akut hjälp',
  /** rich */
  urgentHelp: '**Är någon i fara nu?** Ring {tel:emergency}. Polisen när det inte är akut: {tel:police}.',
  mainNavLabel: 'Huvudmeny',
  /** The button that opens the main menu on narrow screens. */
  menuToggle: 'Meny',
  languageNavLabel: 'Språk',
  /** Shown on translated pages only; null in the original language. */
  translationNote: null as string | null,
  translationLink: null as string | null,
  pageNames: {
    home: 'Start',
    agreement: 'Överenskommelsen',
    'focus/gang-crime': 'Gängkriminalitet',
    'focus/public-spaces': 'Trygghet i det offentliga rummet',
    'focus/close-relationships': 'Våld i nära relationer',
    'focus/andts': 'Alkohol, narkotika, dopning, tobak och spel',
    partners: 'Parterna',
    'situational-picture': 'Lägesbilden',
    privacy: 'Integritet och anonymitet',
    accessibility: 'Tillgänglighet',
    help: 'Få hjälp',
    report: 'Lämna ett tips',
    'not-found': 'Sidan finns inte',
  } satisfies Record<SitePageId, string>,
  footer: {
    focusAreasHeading: 'Fokusområden',
    aboutHeading: 'Om webbplatsen',
    contactHeading: 'Kontakt',
    /** rich */
    contactText: 'Frågor om samverkan och om den här webbplatsen: {email}.',
    /** rich */
    operator: 'Webbplatsen drivs av Huge Bostäder AB. Den sätter inga kakor.',
  },
  reportLink: 'Lämna ett tips',
  /** rich */
  reportLinkNote: 'Du kan vara anonym. Ett tips är ingen polisanmälan. Är det akut, ring {tel:emergency}.',
  focusAreaReportLink: 'Lämna ett tips om det här',
  helpLines: {
    callLabel: 'Ring',
  },
  partners: {
    websiteLabel: 'Webbplats',
  },
  agreementPeriod: {
    label: 'Period',
    statusLabel: 'Status',
  },
  dataProtection: {
    controller: 'Personuppgiftsansvarig',
    contact: 'Kontakt',
    dpo: 'Dataskyddsombud',
    legalBasis: 'Rättslig grund',
    /** rich: shown instead of a value that Huge has not confirmed yet. */
    toBeConfirmed: 'Uppgiften är inte bekräftad ännu. Fråga {email} så länge.',
  },
};

/** The shape every language's dictionary must have. */
export type SiteStrings = typeof sv;
