/** Messages the API answers with, by error code. Swedish defines the shape; every language must have every key. */
export const apiMessages = {
  malformed_body: 'Vi kunde inte läsa det som skickades. Ladda om sidan och försök igen.',
  unauthorized: 'Nyckeln saknas eller är fel.',
  disabled: 'Intagskön och driftuppgifterna är avstängda på den här servern: ingen nyckel är inställd (INTAKE_TOKENS).',
  cross_site: 'Tipset måste skickas från formuläret på vår egen webbplats.',
  not_found: 'Det finns inget här.',
  method_not_allowed: 'Den här adressen tar inte emot den sortens anrop.',
  idempotency_key_reused:
    'Det här formuläret har redan skickats med ett annat innehåll. Ladda om sidan och skicka tipset igen, så blir det ett nytt tips.',
  body_too_large: 'Det som skickades är för stort. En beskrivning får vara högst 4 000 tecken.',
  unsupported_content_type: 'Skicka tipset som ett formulär eller som JSON.',
  validation_failed: 'Något behöver rättas innan tipset kan skickas.',
  rate_limited:
    'Just nu tar vi inte emot fler tips härifrån. Försök igen om en stund, eller mejla trygghet@huge.se. Är det akut: ring 112. Vill du polisanmäla något: ring 114 14.',
  overloaded:
    'Tipstjänsten är överbelastad just nu och tar inte emot fler tips för tillfället. Försök igen om en stund, eller mejla trygghet@huge.se. Är det akut: ring 112. Vill du polisanmäla något: ring 114 14.',
  internal:
    'Något gick fel hos oss. Ditt tips har inte skickats. Försök igen om en stund eller mejla trygghet@huge.se.',
};

export type ApiMessages = Record<keyof typeof apiMessages, string>;
