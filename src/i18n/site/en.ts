import type { SiteStrings } from './sv.ts';

/** The site's interface strings in English (translated from the Swedish original). */
export const en: SiteStrings = {
  dateLocale: 'en-GB',
  tagline: 'Working together for safety in Huddinge',
  skipLink: 'Skip to content',
  quickExit: 'Leave this page quickly',
  urgentHelpLabel: 'Urgent help',
  urgentHelp: '**Is someone in danger now?** Call {tel:emergency}. Police, when it is not urgent: {tel:police}.',
  mainNavLabel: 'Main menu',
  menuToggle: 'Menu',
  languageNavLabel: 'Language',
  translationNote: 'This page is a translation. The Swedish text is the original.',
  translationLink: 'Read the page in Swedish',
  pageNames: {
    home: 'Home',
    agreement: 'The agreement',
    'focus/gang-crime': 'Gang crime',
    'focus/public-spaces': 'Safety in public spaces',
    'focus/close-relationships': 'Violence in close relationships',
    'focus/andts': 'Alcohol, drugs, doping, tobacco and gambling',
    partners: 'The partners',
    'situational-picture': 'The weekly situational picture',
    privacy: 'Privacy and anonymity',
    accessibility: 'Accessibility',
    help: 'Get help',
    report: 'Send a tip',
    'not-found': 'Page not found',
  },
  footer: {
    focusAreasHeading: 'Focus areas',
    aboutHeading: 'About this website',
    contactHeading: 'Contact',
    contactText: 'Questions about the collaboration or this website: {email}.',
    operator: 'This website is run by [Huge Bostäder AB](lang:sv). It sets no cookies.',
  },
  reportLink: 'Send a tip',
  reportLinkNote: 'You can stay anonymous. A tip is not a police report. If it is urgent, call {tel:emergency}.',
  focusAreaReportLink: 'Send a tip about this',
  helpLines: {
    callLabel: 'Call',
  },
  partners: {
    websiteLabel: 'Website',
  },
  agreementPeriod: {
    label: 'Period',
    statusLabel: 'Status',
  },
  dataProtection: {
    controller: 'Data controller',
    contact: 'Contact',
    dpo: 'Data protection officer',
    legalBasis: 'Legal basis',
    toBeConfirmed: 'Not confirmed yet. Until it is, ask {email}.',
  },
};
