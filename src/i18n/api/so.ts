import type { ApiMessages } from './sv.ts';

export const apiMessages: ApiMessages = {
  malformed_body: 'Ma aanu akhrin karin waxa la soo diray. Bogga dib u soo rar oo mar kale isku day.',
  unauthorized: 'Furaha waa maqan yahay ama waa khalad.',
  cross_site: 'Xogta waa in laga soo diraa foomka ku yaal boggayaga.',
  disabled: 'Safka xogta iyo tirooyinka maamulka waa laga demiyay server-kan: fure lama dejin (INTAKE_TOKENS).',
  not_found: 'Halkan waxba ma jiraan.',
  body_too_large: 'Waxa la soo diray aad ayay u weyn yihiin. Sharraxaaddu waxay noqon kartaa ugu badnaan 4,000 xaraf.',
  unsupported_content_type: 'Xogta u soo dir sidii foom ama JSON.',
  method_not_allowed: 'Ciwaankan ma aqbalo codsiga noocan ah.',
  idempotency_key_reused:
    'Foomkan horay ayaa loo diray iyadoo nuxur kale leh. Bogga dib u soo rar oo mar kale dir xogta, si ay u noqoto xog cusub.',
  validation_failed: 'Waxaa jira wax u baahan in la saxo ka hor inta aan xogta la dirin.',
  rate_limited:
    'Hadda ma qaadan karno xog kale oo halkan ka timaadda. Mar kale isku day wax yar kadib, ama iimayl u dir trygghet@huge.se. Haddii ay degdeg tahay, wac 112. Haddii aad rabto inaad booliiska dambi u sheegto, wac 114 14.',
  overloaded:
    'Adeegga xogta hadda waa ku culus yahay mana qaadan karo xog kale waqtigan. Mar kale isku day wax yar kadib, ama iimayl u dir trygghet@huge.se. Haddii ay degdeg tahay, wac 112. Haddii aad rabto inaad dambi booliiska u sheegto, wac 114 14.',
  internal:
    'Khalad ayaa dhinacayaga ka dhacay. Xogtaada lama dirin. Mar kale isku day wax yar kadib ama iimayl u dir trygghet@huge.se.',
};
