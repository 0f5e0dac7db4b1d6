import type { ApiMessages } from './sv.ts';

export const apiMessages: ApiMessages = {
  malformed_body: 'Emme pystyneet lukemaan lähetettyä tietoa. Lataa sivu uudelleen ja yritä uudestaan.',
  unauthorized: 'Avain puuttuu tai on väärä.',
  cross_site: 'Vihje on lähetettävä oman sivustomme lomakkeella.',
  disabled:
    'Vastaanottojono ja ylläpidon tiedot ovat poissa käytöstä tällä palvelimella: avainta ei ole asetettu (INTAKE_TOKENS).',
  not_found: 'Täällä ei ole mitään.',
  body_too_large: 'Lähetetty tieto on liian suuri. Kuvauksessa saa olla enintään 4 000 merkkiä.',
  unsupported_content_type: 'Lähetä vihje lomakkeena tai JSON-muodossa.',
  method_not_allowed: 'Tämä osoite ei ota vastaan tällaisia pyyntöjä.',
  idempotency_key_reused:
    'Tämä lomake on jo lähetetty eri sisällöllä. Lataa sivu uudelleen ja lähetä vihje uudestaan, niin siitä tulee uusi vihje.',
  validation_failed: 'Jotain on korjattava ennen kuin vihjeen voi lähettää.',
  rate_limited:
    'Emme juuri nyt voi ottaa vastaan enempää vihjeitä tästä yhteydestä. Yritä hetken päästä uudelleen tai lähetä sähköpostia osoitteeseen trygghet@huge.se. Hätätilanteessa soita 112. Jos haluat tehdä rikosilmoituksen, soita poliisille numeroon 114 14.',
  overloaded:
    'Vihjepalvelu on juuri nyt ylikuormittunut eikä voi tällä hetkellä ottaa vastaan enempää vihjeitä. Yritä hetken päästä uudelleen tai lähetä sähköpostia osoitteeseen trygghet@huge.se. Hätätilanteessa soita 112. Jos haluat tehdä rikosilmoituksen, soita poliisille numeroon 114 14.',
  internal:
    'Meillä meni jotain vikaan. Vihjettäsi ei ole lähetetty. Yritä hetken päästä uudelleen tai lähetä sähköpostia osoitteeseen trygghet@huge.se.',
};
