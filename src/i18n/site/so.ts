import type { SiteStrings } from './sv.ts';

/**
 * The site's interface strings in Somali (standard Somali, Latin script;
 * translated from the Swedish original; not yet reviewed by a native
 * speaker). Swedish proper names are marked `[…](lang:sv)` where the syntax
 * allows it.
 */
export const so: SiteStrings = {
  dateLocale: 'so-SO',
  tagline: 'Iskaashiga amniga ee Huddinge',
  skipLink: 'U gudub nuxurka',
  quickExit: 'Si degdeg ah uga bax bogga',
  urgentHelpLabel: 'Caawimaad degdeg ah',
  urgentHelp:
    '**Qof ma ku jiraa khatar hadda?** Wac {tel:emergency}. Booliiska, marka aanay arrintu degdeg ahayn: {tel:police}.',
  mainNavLabel: 'Liiska ugu weyn',
  menuToggle: 'Liiska',
  languageNavLabel: 'Luqadda',
  translationNote: 'Boggan waa turjumaad. Qoraalka asalka ahi waa af-Iswiidhish.',
  translationLink: 'Ku akhri bogga af-Iswiidhish',
  pageNames: {
    home: 'Bogga hore',
    agreement: 'Heshiiska',
    'focus/gang-crime': 'Dambiyada kooxaha burcadda',
    'focus/public-spaces': 'Amniga goobaha dadweynaha',
    'focus/close-relationships': 'Rabshadda xiriirka dhow',
    'focus/andts': 'Khamriga, daroogada, dopinga, tubaakada iyo khamaarka',
    partners: 'Dhinacyada',
    'situational-picture': 'Sawirka xaaladda',
    privacy: 'Arrimaha gaarka ah iyo magac la’aanta',
    accessibility: 'Helitaanka bogga',
    help: 'Hel caawimaad',
    report: 'Soo dir xog',
    'not-found': 'Boggu ma jiro',
  },
  footer: {
    focusAreasHeading: 'Qaybaha mudnaanta leh',
    aboutHeading: 'Ku saabsan bogga',
    contactHeading: 'La xiriir',
    contactText: 'Su’aalo ku saabsan iskaashiga iyo boggan: {email}.',
    operator: 'Boggan waxaa maamula [Huge Bostäder AB](lang:sv). Boggu ma isticmaalo kukiyo (cookies).',
  },
  reportLink: 'Soo dir xog',
  reportLinkNote:
    'Magacaaga waad qarin kartaa. Xogtu ma aha dacwad booliis. Haddii ay arrintu degdeg tahay, wac {tel:emergency}.',
  focusAreaReportLink: 'Soo dir xog ku saabsan arrintan',
  helpLines: {
    callLabel: 'Wac',
  },
  partners: {
    websiteLabel: 'Bogga internetka',
  },
  agreementPeriod: {
    label: 'Muddada',
    statusLabel: 'Xaaladda',
  },
  dataProtection: {
    controller: 'Mas’uulka xogta shakhsiga ah',
    contact: 'La xiriir',
    dpo: 'Sarkaalka ilaalinta xogta',
    legalBasis: 'Saldhigga sharciga ah',
    toBeConfirmed: 'Xogtan weli lama xaqiijin. Inta ka horreysa, weydii {email}.',
  },
};
