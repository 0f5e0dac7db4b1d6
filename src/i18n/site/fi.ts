import type { SiteStrings } from './sv.ts';

/**
 * The site's interface strings in Finnish (translated from the Swedish
 * original; not yet reviewed by a native speaker). Swedish proper names are
 * marked `[…](lang:sv)` where the syntax allows it.
 */
export const fi: SiteStrings = {
  dateLocale: 'fi-FI',
  tagline: 'Turvallisuusyhteistyö Huddingessa',
  skipLink: 'Siirry sisältöön',
  quickExit: 'Poistu sivulta nopeasti',
  urgentHelpLabel: 'Kiireellinen apu',
  urgentHelp: '**Onko joku vaarassa nyt?** Soita {tel:emergency}. Poliisi, kun asia ei ole kiireellinen: {tel:police}.',
  mainNavLabel: 'Päävalikko',
  menuToggle: 'Valikko',
  languageNavLabel: 'Kieli',
  translationNote: 'Tämä sivu on käännös. Alkuperäinen teksti on ruotsiksi.',
  translationLink: 'Lue sivu ruotsiksi',
  pageNames: {
    home: 'Etusivu',
    agreement: 'Sopimus',
    'focus/gang-crime': 'Jengirikollisuus',
    'focus/public-spaces': 'Turvallisuus julkisissa tiloissa',
    'focus/close-relationships': 'Lähisuhdeväkivalta',
    'focus/andts': 'Alkoholi, huumeet, doping, tupakka ja rahapelit',
    partners: 'Osapuolet',
    'situational-picture': 'Tilannekuva',
    privacy: 'Yksityisyys ja nimettömyys',
    accessibility: 'Saavutettavuus',
    help: 'Hae apua',
    report: 'Lähetä vihje',
    'not-found': 'Sivua ei löydy',
  },
  footer: {
    focusAreasHeading: 'Painopistealueet',
    aboutHeading: 'Tietoa sivustosta',
    contactHeading: 'Yhteystiedot',
    contactText: 'Kysymykset yhteistyöstä ja tästä sivustosta: {email}.',
    operator: 'Sivustoa ylläpitää [Huge Bostäder AB](lang:sv). Sivusto ei käytä evästeitä.',
  },
  reportLink: 'Lähetä vihje',
  reportLinkNote:
    'Voit pysyä nimettömänä. Vihje ei ole rikosilmoitus. Jos asia on kiireellinen, soita {tel:emergency}.',
  focusAreaReportLink: 'Lähetä vihje tästä aiheesta',
  helpLines: {
    callLabel: 'Soita',
  },
  partners: {
    websiteLabel: 'Verkkosivusto',
  },
  agreementPeriod: {
    label: 'Voimassaoloaika',
    statusLabel: 'Tilanne',
  },
  dataProtection: {
    controller: 'Rekisterinpitäjä',
    contact: 'Yhteystiedot',
    dpo: 'Tietosuojavastaava',
    legalBasis: 'Oikeusperuste',
    toBeConfirmed: 'Tietoa ei ole vielä vahvistettu. Kysy siihen asti osoitteesta {email}.',
  },
};
