import type { TipStrings } from './sv.ts';

/**
 * The tip form's strings in Finnish (shape and syntax: see sv.ts; not yet
 * reviewed by a native speaker). Swedish names are marked `[…](lang:sv)`
 * where they stand uninflected ("Hugen" is Finnish and is not marked).
 * Claims only what is known: tips are not read around the clock; nothing is
 * said about when or how Huge reads them.
 */
export const fi: TipStrings = {
  numberLocale: 'fi-FI',
  page: {
    title: 'Lähetä vihje',
    description:
      'Kerro Huge Bostäder -yhtiölle asiasta, joka tekee asuinalueestasi turvattoman. Voit pysyä nimettömänä.',
    errorTitlePrefix: 'Virhe: ',
    lede: 'Oletko nähnyt tai kuullut jotain, mikä tekee asuinalueestasi turvattoman? Kerro siitä täällä [Huge Bostäder](lang:sv) -yhtiölle. Sinun ei tarvitse kertoa, kuka olet.',
  },
  about: {
    heading: 'Hyvä tietää',
    points: [
      'Täällä lähetetty vihje **ei ole rikosilmoitus**, eikä vihjeitä lueta **ympäri vuorokauden**.',
      'Vihje lähetetään sähköpostina Hugen aluekehittäjille ([områdesutvecklare](lang:sv)) osoitteeseen {email}.',
      '**Onko joku vaarassa nyt?** Soita {tel:emergency}. Jos haluat tehdä rikosilmoituksen, soita poliisille numeroon {tel:police}.',
      'Oletko kokenut väkivaltaa tai uhkailua läheisesi taholta? [Kvinnofridslinjen](lang:sv) {tel:kvinnofridslinjen} on valtakunnallinen auttava puhelin. Se on maksuton ja avoinna ympäri vuorokauden, eikä puhelu näy puhelinlaskussa.',
    ],
  },
  optional: '(vapaaehtoinen)',
  errorPrefix: 'Virhe:',
  summaryHeading: 'Lomakkeessa on ongelma',
  category: {
    legend: 'Mitä vihje koskee?',
    hint: 'Valitse parhaiten sopiva vaihtoehto.',
  },
  area: {
    legend: 'Missä päin Huddingea?',
    hint: 'Valitse kunnanosa. Jos paikalla on jokin muu nimi, esimerkiksi [Glömsta](lang:sv), [Vidja](lang:sv), [Länna](lang:sv), [Kungens kurva](lang:sv), [Visättra](lang:sv), [Björnkulla](lang:sv) tai [Grantorp](lang:sv), valitse kunnanosa, johon se kuuluu, tai ”Muu paikka Huddingessa”.',
  },
  place: {
    label: 'Paikka',
    hint: 'Esimerkiksi osoite, porraskäytävä tai tunnettu paikka lähellä.',
  },
  when: {
    legend: 'Milloin se tapahtui?',
    now: 'Se tapahtuu juuri nyt',
    date: 'Tiettynä päivänä',
    recurring: 'Sitä tapahtuu usein tai toistuvasti',
    unsaid: 'En tiedä tai en halua kertoa',
    dateOnlyHint: 'Täytä vain, jos valitsit ”Tiettynä päivänä”.',
    dateLabel: 'Päivämäärä',
    timeLabel: 'Mihin aikaan vuorokaudesta suunnilleen?',
    times: {
      unsaid: 'En tiedä tai en halua kertoa',
      morning: 'Aamulla',
      daytime: 'Päivällä',
      evening: 'Illalla',
      night: 'Yöllä',
    },
  },
  urgent: {
    nowHeading: 'Tapahtuuko se juuri nyt?',
    now: '**Onko joku vaarassa, tai tapahtuuko rikos parhaillaan? Soita heti {tel:emergency}.** Vihjeitä ei lueta ympäri vuorokauden, eikä vihje voi tuoda apua heti.',
    closeHeading: 'Väkivalta tai uhkailu lähisuhteessa',
    close:
      '**Onko joku vaarassa nyt? Soita {tel:emergency}.** [Kvinnofridslinjen](lang:sv) {tel:kvinnofridslinjen} tukee väkivaltaa kokeneita ja heidän läheisiään. Puhelu on maksuton, linja on avoinna ympäri vuorokauden, eikä puhelu näy puhelinlaskussa.',
    stillSend: 'Voit silti lähettää vihjeen.',
  },
  description: {
    label: 'Kuvaile, mitä on tapahtunut',
    guidanceIntro: 'Kerro mielellään',
    guidance: [
      'mitä tapahtuu tai on tapahtunut',
      'missä se on, niin tarkasti kuin osaat',
      'milloin sitä tapahtuu ja kuinka usein',
    ],
    avoid:
      'Älä kirjoita nimiä tai muita tietoja, joista muut ihmiset voi tunnistaa, ellei se ole tarpeen tapahtuneen ymmärtämiseksi. Jos joku on vaarassa nyt, soita {tel:emergency}.',
    limits: 'Kirjoita vähintään {min} ja enintään {max} merkkiä.',
    counterRemaining: { one: 'Sinulla on {count} merkki jäljellä', other: 'Sinulla on {count} merkkiä jäljellä' },
    counterTooMany: { one: 'Sinulla on {count} merkki liikaa', other: 'Sinulla on {count} merkkiä liikaa' },
  },
  personalData: {
    heading: 'Tekstissä näyttää olevan henkilötietoja',
    found: 'Tekstissä näyttää olevan {kinds}.',
    kinds: {
      'personal-identity-number': 'henkilötunnus',
      'phone-number': 'puhelinnumero',
      'email-address': 'sähköpostiosoite',
    },
    advice:
      'Kirjoita tällaisia tietoja muista ihmisistä vain, jos ne ovat tarpeen tapahtuneen ymmärtämiseksi. Jos haluat itse, että sinuun otetaan yhteyttä, käytä mieluummin alempana olevia yhteystietokenttiä. Voit muuttaa tekstiä tai lähettää vihjeen sellaisenaan.',
    sendAgain: 'Jos haluat lähettää vihjeen sellaisenaan, paina uudelleen ”Lähetä vihje”.',
    confirmLabel: 'Haluan lähettää vihjeen sellaisenaan',
    notSentYet: 'Vihjettä ei ole vielä lähetetty. Voit',
    editText: 'muuttaa tekstiä',
    tickAndSend: 'rastittaa kohdan ”Haluan lähettää vihjeen sellaisenaan” ja lähettää uudelleen',
  },
  contact: {
    legend: 'Haluatko, että otamme sinuun yhteyttä?',
    warning: 'Jos annat sähköpostiosoitteesi tai puhelinnumerosi, vihje ei ole enää nimetön Hugelle.',
    noReply: 'Ilman yhteystietoja emme voi vastata sinulle.',
    checkbox: 'Kyllä, haluan, että minuun otetaan yhteyttä',
    detailsHint: 'Täytä sähköpostiosoite, puhelinnumero tai molemmat.',
    checkboxOnlyHint: 'Täytä vain, jos rastitit yllä olevan ruudun.',
    emailLabel: 'Sähköpostiosoite',
    phoneLabel: 'Puhelinnumero',
  },
  honeypot: 'Jätä tämä kenttä tyhjäksi',
  publicRecords:
    '**Kirjoittamastasi voi tulla julkinen asiakirja.** [Huge Bostäder](lang:sv) on Huddingen kunnan omistama yhtiö, joten kuka tahansa voi pyytää saada lukea vihjeen. Ennen kuin mitään luovutetaan, tutkitaan, onko tiedot pidettävä salassa. [Lue lisää yksityisyydestä ja nimettömyydestä](privacy).',
  submit: 'Lähetä vihje',
  sending: 'Lähetetään …',
  errors: {
    'category.required': 'Valitse, mitä vihje koskee',
    'area.required': 'Valitse, missä päin Huddingea se on',
    'place.tooLong': 'Paikassa saa olla enintään {max} merkkiä',
    'place.invalidCharacters':
      'Paikassa on näkymättömiä ohjausmerkkejä. Kirjoita se uudelleen sen sijaan, että liität sen',
    'when.invalid': 'Valitse, milloin se tapahtui',
    'whenDate.required': 'Täytä päivämäärä, jolloin se tapahtui',
    'whenDate.invalid': 'Päivämäärän on oltava oikea päivämäärä',
    'whenDate.future': 'Päivämäärä ei voi olla tämän päivän jälkeen',
    'whenTime.invalid': 'Valitse, mihin aikaan vuorokaudesta se suunnilleen tapahtui',
    'description.required': 'Kuvaile, mitä on tapahtunut',
    'description.tooShort': 'Kuvauksessa on oltava vähintään {min} merkkiä',
    'description.tooLong': 'Kuvauksessa saa olla enintään {max} merkkiä',
    'description.invalidCharacters':
      'Kuvauksessa on näkymättömiä ohjausmerkkejä. Kirjoita teksti sen sijaan, että liität sen',
    'contact.required': 'Täytä sähköpostiosoitteesi tai puhelinnumerosi, tai poista rasti ruudusta',
    'contact.notWanted':
      'Olet täyttänyt yhteystietoja. Rastita ”Kyllä, haluan, että minuun otetaan yhteyttä” tai poista yhteystiedot',
    'contactEmail.invalid': 'Kirjoita sähköpostiosoite oikeassa muodossa, esimerkiksi nimi@esimerkki.fi',
    'contactPhone.invalid': 'Kirjoita puhelinnumero numeroina, esimerkiksi 070-123 45 67',
    'form.invalid': 'Lomaketta ei voitu tarkistaa. Tarkista tiedot ja lähetä uudelleen',
    'form.expired': 'Lomake oli ollut auki liian kauan. Tarkista tiedot ja lähetä uudelleen',
    'form.tooFast': 'Lomake lähetettiin liian nopeasti. Odota muutama sekunti ja lähetä uudelleen',
    'form.keyReused': 'Lomake on jo lähetetty eri sisällöllä. Lähetä uudelleen, niin tämä jätetään uutena vihjeenä',
  },
  failure: {
    heading: 'Vihjettä ei voitu lähettää',
    text: 'Jotain meni vikaan, eikä vihje ole mennyt perille. Kirjoittamasi teksti on yhä tallessa. Yritä hetken päästä uudelleen tai lähetä se sähköpostilla osoitteeseen {email}. Jos joku on vaarassa nyt, soita {tel:emergency}.',
  },
  rateLimited: {
    heading: 'Liian monta vihjettä juuri nyt',
    wait: {
      one: 'Olemme saaneet yhteydestäsi monta vihjettä lyhyessä ajassa. Yritä uudelleen noin minuutin kuluttua.',
      other:
        'Olemme saaneet yhteydestäsi monta vihjettä lyhyessä ajassa. Yritä uudelleen noin {minutes} minuutin kuluttua.',
    },
    overloadedWait: {
      one: 'Palveluun tulee juuri nyt poikkeuksellisen paljon vihjeitä, eikä se voi tällä hetkellä ottaa vastaan enempää. Yritä uudelleen noin minuutin kuluttua.',
      other:
        'Palveluun tulee juuri nyt poikkeuksellisen paljon vihjeitä, eikä se voi tällä hetkellä ottaa vastaan enempää. Yritä uudelleen noin {minutes} minuutin kuluttua.',
    },
    alternatives:
      'Voit myös kirjoittaa suoraan osoitteeseen {email}. Jos joku on vaarassa nyt, soita {tel:emergency}. Jos haluat tehdä rikosilmoituksen, soita poliisille numeroon {tel:police}.',
    textKept: 'Kirjoittamasi teksti on yhä lomakkeessa.',
    notSent: 'Vihjettä ei ole lähetetty.',
    backToForm: 'Takaisin lomakkeeseen',
  },
  refused: {
    'cross-site': {
      heading: 'Vihjettä ei voitu ottaa vastaan',
      text: 'Vihjeitä otetaan vastaan vain tämän sivuston lomakkeella. Vihjettä ei ole lähetetty.',
    },
    malformed: {
      heading: 'Vihjettä ei voitu lukea',
      text: 'Lähetettyä tietoa ei voitu lukea. Vihjettä ei ole lähetetty.',
    },
    'too-large': {
      heading: 'Vihje oli liian suuri',
      text: 'Lähetetty tieto oli liian suuri. Kuvauksessa saa olla enintään {max} merkkiä. Vihjettä ei ole lähetetty.',
    },
    unsupported: {
      heading: 'Vihjettä ei voitu lukea',
      text: 'Vihje lähetettiin muodossa, jota emme pysty lukemaan. Vihjettä ei ole lähetetty.',
    },
    again: 'Avaa lomake ja lähetä vihje sieltä.',
  },
  confirmation: {
    heading: 'Kiitos, olemme saaneet vihjeesi',
    referenceLabel: 'Viitenumerosi',
    referenceHint: 'Säilytä numero, jos haluat lisätä jotain myöhemmin.',
    copy: 'Kopioi numero',
    copied: 'Numero on kopioitu.',
    nextHeading: 'Mitä seuraavaksi tapahtuu?',
    next: [
      'Vihje lähetetään sähköpostina Hugen aluekehittäjille osoitteeseen {email}. Sitä ei lueta ympäri vuorokauden.',
      'Vihje ei ole rikosilmoitus. Jos joku on vaarassa, soita {tel:emergency}. Jos haluat tehdä rikosilmoituksen, soita poliisille numeroon {tel:police}.',
      'Haluatko lisätä jotain? Kirjoita osoitteeseen {email} ja mainitse viitenumero.',
      'Jos et ole antanut yhteystietojasi, emme voi vastata sinulle.',
    ],
    sharedDevice: 'Käytätkö tietokonetta tai puhelinta, jota muutkin käyttävät? Sulje selainikkuna, kun olet valmis.',
    anotherTip: 'Lähetä uusi vihje',
    home: 'Etusivulle',
  },
};
