import type { TipStrings } from './sv.ts';

/**
 * The tip form's strings in Somali (standard Somali, Latin script; shape and
 * syntax: see sv.ts; not yet reviewed by a native speaker). A tip is "xog"
 * (information) and a police report "warbixin booliis", so the two are never
 * confused. Swedish names are marked `[…](lang:sv)`. Claims only what is
 * known: tips are not read around the clock; nothing is said about when or
 * how Huge reads them.
 */
export const so: TipStrings = {
  numberLocale: 'so-SO',
  page: {
    title: 'Soo dir xog',
    description:
      'U sheeg Huge Bostäder wax ka dhigaya goobta aad ku nooshahay mid aan ammaan ahayn. Magacaaga looma baahna.',
    errorTitlePrefix: 'Khalad: ',
    lede: 'Ma aragtay ama ma maqashay wax ka dhigaya goobta aad ku nooshahay mid aan ammaan ahayn? Halkan uga sheeg [Huge Bostäder](lang:sv). Uma baahnid inaad sheegto cidda aad tahay.',
  },
  about: {
    heading: 'Waxaa fiican inaad ogaato',
    points: [
      'Xogta halkan laga soo diro **ma aha warbixin booliis**, mana la akhriyo **24-ka saacadood oo dhan**.',
      'Xogta waxaa iimayl ahaan loogu diraa horumariyeyaasha xaafadaha ee [Huge](lang:sv) ([områdesutvecklare](lang:sv)), ciwaanka {email}.',
      '**Qof ma ku jiraa khatar hadda?** Wac {tel:emergency}. Haddii aad rabto inaad dambi u sheegto booliiska, wac {tel:police}.',
      'Ma waxaa rabshad ama hanjabaad kuu geystay qof kuu dhow? [Kvinnofridslinjen](lang:sv) {tel:kvinnofridslinjen} waa khad taleefan oo qaran oo caawimaad ah. Waa bilaash, waa furan yahay 24-ka saacadood, wicitaankuna kama muuqdo biilka taleefanka.',
    ],
  },
  optional: '(ikhtiyaari)',
  errorPrefix: 'Khalad:',
  summaryHeading: 'Waxaa jira dhibaato',
  category: {
    legend: 'Xogtu maxay ku saabsan tahay?',
    hint: 'Dooro midka ugu habboon.',
  },
  area: {
    legend: 'Huddinge qaybtee ayay ka dhacday?',
    hint: 'Dooro qaybta degmada. Haddii meeshu magac kale leedahay, tusaale ahaan [Glömsta](lang:sv), [Vidja](lang:sv), [Länna](lang:sv), [Kungens kurva](lang:sv), [Visättra](lang:sv), [Björnkulla](lang:sv) ama [Grantorp](lang:sv), dooro qaybta ay ka tirsan tahay, ama “Meel kale oo Huddinge ah”.',
  },
  place: {
    label: 'Goobta',
    hint: 'Tusaale ahaan ciwaan, jaranjarada dhismaha, ama meel la yaqaan oo u dhow.',
  },
  when: {
    legend: 'Goorma ayay dhacday?',
    now: 'Hadda ayay dhacaysaa',
    date: 'Taariikh gaar ah',
    recurring: 'Marar badan ama had iyo jeer ayay dhacdaa',
    unsaid: 'Ma garanayo ama ma doonayo inaan sheego',
    dateOnlyHint: 'Buuxi oo keliya haddii aad dooratay “Taariikh gaar ah”.',
    dateLabel: 'Taariikhda',
    timeLabel: 'Qiyaas ahaan, xilligee maalinta?',
    times: {
      unsaid: 'Ma garanayo ama ma doonayo inaan sheego',
      morning: 'Subax',
      daytime: 'Maalin',
      evening: 'Fiid',
      night: 'Habeen',
    },
  },
  urgent: {
    nowHeading: 'Ma hadda ayay dhacaysaa?',
    now: '**Qof ma ku jiraa khatar, mise dambi ayaa hadda dhacaya? Hadda wac {tel:emergency}.** Xogta lama akhriyo 24-ka saacadood oo dhan, mana keeni karto caawimaad degdeg ah.',
    closeHeading: 'Rabshad ama hanjabaad xiriir dhow',
    close:
      '**Qof ma ku jiraa khatar hadda? Wac {tel:emergency}.** [Kvinnofridslinjen](lang:sv) {tel:kvinnofridslinjen} wuxuu taageeraa dadka rabshadda loo geysto iyo qaraabadooda. Waa bilaash, waa furan yahay 24-ka saacadood, wicitaankuna kama muuqdo biilka taleefanka.',
    stillSend: 'Weli waad soo diri kartaa xogta.',
  },
  description: {
    label: 'Sharax waxa dhacay',
    guidanceIntro: 'Fadlan qor',
    guidance: [
      'waxa dhacaya ama dhacay',
      'meesha ay ka dhacday, sida ugu saxsan ee aad awoodo',
      'goorta ay dhacdo, iyo inta jeer ee ay dhacdo',
    ],
    avoid:
      'Ha qorin magacyo ama wax kale oo lagu garan karo dad kale, haddii aanay lagama maarmaan u ahayn in la fahmo waxa dhacay. Haddii qof hadda khatar ku jiro, wac {tel:emergency}.',
    limits: 'Qor ugu yaraan {min} xaraf, ugu badnaanna {max} xaraf.',
    counterRemaining: { other: 'Waxaa kuu hadhay {count} xaraf' },
    counterTooMany: { other: 'Waxaad ka badisay {count} xaraf' },
  },
  personalData: {
    heading: 'Qoraalku wuxuu u muuqdaa inuu leeyahay xog shakhsi ah',
    found: 'Waxay u egtahay {kinds}.',
    kinds: {
      'personal-identity-number': 'lambar aqoonsi shakhsi (personnummer)',
      'phone-number': 'lambar taleefan',
      'email-address': 'ciwaan iimayl',
    },
    advice:
      'Xog noocan ah oo ku saabsan dad kale qor oo keliya haddii ay lagama maarmaan u tahay in la fahmo waxa dhacay. Haddii aad adigu rabto in lagula soo xiriiro, isticmaal meelaha xiriirka ee hoose. Waad beddeli kartaa qoraalka, ama waad u diri kartaa xogta sida ay tahay.',
    sendAgain: 'Haddii aad rabto inaad xogta u dirto sida ay tahay, mar kale riix “Dir xogta”.',
    confirmLabel: 'Waxaan rabaa inaan xogta u diro sida ay tahay',
    notSentYet: 'Xogta weli lama dirin. Waxaad awoodaa inaad:',
    editText: 'beddesho qoraalka',
    tickAndSend: 'calaamadeyso “Waxaan rabaa inaan xogta u diro sida ay tahay” oo mar kale dirto',
  },
  contact: {
    legend: 'Ma rabtaa inaan kula soo xiriirno?',
    warning: 'Haddii aad bixiso iimayl ama lambar taleefan, Huge way ogaan kartaa cidda xogta soo dirtay.',
    noReply: 'Haddii aanad bixin macluumaad xiriir, kuuma soo jawaabi karno.',
    checkbox: 'Haa, waxaan rabaa in la ila soo xiriiro',
    detailsHint: 'Buuxi iimaylka, lambarka taleefanka, ama labadaba.',
    checkboxOnlyHint: 'Buuxi oo keliya haddii aad calaamadeysay sanduuqa kore.',
    emailLabel: 'Ciwaanka iimaylka',
    phoneLabel: 'Lambarka taleefanka',
  },
  honeypot: 'Meeshan ha buuxin',
  publicRecords:
    '**Waxa aad qorto waxay noqon karaan dukumeenti dadweyne.** [Huge Bostäder](lang:sv) waxaa iska leh degmada Huddinge, sidaas darteed dad kale ayaa codsan kara inay akhriyaan xogta. Ka hor inta aan wax la bixin, waxaa la eegaa in xogta qarsoodi laga dhigayo iyo in kale. [Wax badan ka akhri arrimaha gaarka ah iyo magac la’aanta](privacy).',
  submit: 'Dir xogta',
  sending: 'Waa la dirayaa …',
  errors: {
    'category.required': 'Dooro waxa xogtu ku saabsan tahay',
    'area.required': 'Dooro qaybta Huddinge ee ay ka dhacday',
    'place.tooLong': 'Goobtu waa inay ahaataa ugu badnaan {max} xaraf',
    'place.invalidCharacters':
      'Goobta waxaa ku jira calaamado koontarool oo aan muuqan. Dib u qor intii aad ku dhejin lahayd',
    'when.invalid': 'Dooro goorta ay dhacday',
    'whenDate.required': 'Buuxi taariikhda ay dhacday',
    'whenDate.invalid': 'Taariikhdu waa inay noqotaa taariikh dhab ah',
    'whenDate.future': 'Taariikhdu kama dambayn karto maanta',
    'whenTime.invalid': 'Dooro qiyaas ahaan xilliga maalinta ee ay dhacday',
    'description.required': 'Sharax waxa dhacay',
    'description.tooShort': 'Sharraxaaddu waa inay ahaataa ugu yaraan {min} xaraf',
    'description.tooLong': 'Sharraxaaddu waa inay ahaataa ugu badnaan {max} xaraf',
    'description.invalidCharacters':
      'Sharraxaadda waxaa ku jira calaamado koontarool oo aan muuqan. Qoraalka qor intii aad ku dhejin lahayd',
    'contact.required': 'Buuxi iimaylkaaga ama lambarkaaga taleefanka, ama ka saar calaamadda sanduuqa',
    'contact.notWanted':
      'Waxaad buuxisay macluumaad xiriir. Calaamadee “Haa, waxaan rabaa in la ila soo xiriiro” ama tirtir macluumaadka',
    'contactEmail.invalid': 'Iimaylka u qor qaab sax ah, tusaale ahaan magac@tusaale.se',
    'contactPhone.invalid': 'Lambarka taleefanka ku qor tirooyin, tusaale ahaan 070-123 45 67',
    'form.invalid': 'Foomka lama hubin karin. Eeg macluumaadka oo mar kale dir',
    'form.expired': 'Foomku muddo dheer ayuu furnaa. Eeg macluumaadka oo mar kale dir',
    'form.tooFast': 'Foomka si aad u dhakhso ah ayaa loo diray. Sug dhowr ilbiriqsi oo mar kale dir',
    'form.keyReused':
      'Foomka horay ayaa loo diray iyadoo nuxur kale leh. Mar kale dir, si tan loogu gudbiyo xog cusub ahaan',
  },
  failure: {
    heading: 'Xogta lama diri karin',
    text: 'Wax baa khaldamay, xogtuna ma gaarin. Waxa aad qortay weli halkan ayay ku jiraan. Mar kale isku day wax yar kadib, ama iimayl ugu dir {email}. Haddii qof hadda khatar ku jiro, wac {tel:emergency}.',
  },
  rateLimited: {
    heading: 'Xog aad u badan hadda',
    wait: {
      one: 'Waxaan xog badan ka helnay xiriirkaaga muddo gaaban gudaheed. Mar kale isku day qiyaastii hal daqiiqo kadib.',
      other:
        'Waxaan xog badan ka helnay xiriirkaaga muddo gaaban gudaheed. Mar kale isku day qiyaastii {minutes} daqiiqo kadib.',
    },
    overloadedWait: {
      one: 'Adeeggu hadda wuxuu helayaa xog aad u badan, mana qaadan karo xog kale waqtigan. Mar kale isku day qiyaastii hal daqiiqo kadib.',
      other:
        'Adeeggu hadda wuxuu helayaa xog aad u badan, mana qaadan karo xog kale waqtigan. Mar kale isku day qiyaastii {minutes} daqiiqo kadib.',
    },
    alternatives:
      'Waxaad sidoo kale si toos ah ugu qori kartaa {email}. Haddii qof hadda khatar ku jiro, wac {tel:emergency}. Haddii aad rabto inaad dambi u sheegto booliiska, wac {tel:police}.',
    textKept: 'Waxa aad qortay weli foomka ayay ku jiraan.',
    notSent: 'Xogta lama dirin.',
    backToForm: 'Ku noqo foomka',
  },
  refused: {
    'cross-site': {
      heading: 'Xogta lama aqbali karin',
      text: 'Xogta waxaa laga aqbalaa oo keliya foomka boggan. Xogta lama dirin.',
    },
    malformed: {
      heading: 'Xogta lama akhriyi karin',
      text: 'Waxa la soo diray lama akhriyi karin. Xogta lama dirin.',
    },
    'too-large': {
      heading: 'Xogtu aad bay u weynayd',
      text: 'Waxa la soo diray aad bay u weynaayeen. Sharraxaaddu waxay noqon kartaa ugu badnaan {max} xaraf. Xogta lama dirin.',
    },
    unsupported: {
      heading: 'Xogta lama akhriyi karin',
      text: 'Xogta waxaa loo soo diray qaab aanaan akhriyi karin. Xogta lama dirin.',
    },
    again: 'Fur foomka oo xogta halkaas ka soo dir.',
  },
  confirmation: {
    heading: 'Mahadsanid, waan helnay xogtaada',
    referenceLabel: 'Lambarkaaga tixraaca',
    referenceHint: 'Kaydi lambarka haddii aad rabto inaad wax ku darto mar dambe.',
    copy: 'Koobiyee lambarka',
    copied: 'Lambarka waa la koobiyeeyay.',
    nextHeading: 'Maxaa xiga?',
    next: [
      'Xogta waxaa iimayl ahaan loogu diraa horumariyeyaasha xaafadaha ee [Huge](lang:sv), ciwaanka {email}. Lama akhriyo 24-ka saacadood oo dhan.',
      'Xogtu ma aha warbixin booliis. Haddii qof khatar ku jiro, wac {tel:emergency}. Haddii aad rabto inaad dambi u sheegto booliiska, wac {tel:police}.',
      'Ma rabtaa inaad wax ku darto? U qor {email} oo sheeg lambarka tixraaca.',
      'Haddii aanad bixin macluumaad xiriir, kuuma jawaabi karno.',
    ],
    sharedDevice:
      'Ma isticmaalaysaa kombiyuutar ama taleefan ay dad kale sidoo kale isticmaalaan? Xir daaqadda browser-ka marka aad dhammeyso.',
    anotherTip: 'Soo dir xog kale',
    home: 'Tag bogga hore',
  },
};
