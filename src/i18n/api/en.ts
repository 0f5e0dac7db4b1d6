import type { ApiMessages } from './sv.ts';

export const apiMessages: ApiMessages = {
  malformed_body: 'We could not read what was sent. Reload the page and try again.',
  unauthorized: 'The key is missing or wrong.',
  disabled:
    'The intake queue and the operator figures are switched off on this server: no key is configured (INTAKE_TOKENS).',
  cross_site: 'Tips must be sent from the form on our own website.',
  not_found: 'There is nothing here.',
  method_not_allowed: 'This address does not take that kind of request.',
  idempotency_key_reused:
    'This form has already been sent with other content. Reload the page and send the tip again to send it as a new tip.',
  body_too_large: 'What was sent is too large. A description can be at most 4,000 characters.',
  unsupported_content_type: 'Send the tip as a form or as JSON.',
  validation_failed: 'Something needs to be corrected before the tip can be sent.',
  rate_limited:
    'We cannot take more tips from here right now. Try again in a while, or email trygghet@huge.se. If it is an emergency, call 112. To report a crime to the police, call 114 14.',
  overloaded:
    'The tip service is overloaded right now and cannot take more tips for the moment. Try again in a while, or email trygghet@huge.se. If it is an emergency, call 112. To report a crime to the police, call 114 14.',
  internal:
    'Something went wrong on our side. Your tip has not been sent. Try again in a while or email trygghet@huge.se.',
};
