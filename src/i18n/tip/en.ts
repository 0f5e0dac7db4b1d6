import type { TipStrings } from './sv.ts';

/** The tip form's strings in English (shape and syntax: see sv.ts). */
export const en: TipStrings = {
  numberLocale: 'en-GB',
  page: {
    title: 'Send a tip',
    description:
      'Tell Huge Bostäder about something that makes the place where you live feel unsafe. You can stay anonymous.',
    errorTitlePrefix: 'Error: ',
    lede: 'Have you seen or heard something that makes the place where you live feel unsafe? Tell Huge Bostäder here. You do not have to say who you are.',
  },
  about: {
    heading: 'Good to know',
    points: [
      'A tip here is **not a police report** and is **not read around the clock**.',
      "The tip is sent by email to Huge's area developers ([områdesutvecklare](lang:sv)) at {email}.",
      '**Is someone in danger now?** Call {tel:emergency}. To report a crime, call the police on {tel:police}.',
      'Subjected to violence or threats by someone close to you? Kvinnofridslinjen {tel:kvinnofridslinjen} is free, open around the clock and does not show on the phone bill.',
    ],
  },
  optional: '(optional)',
  errorPrefix: 'Error:',
  summaryHeading: 'There is a problem',
  category: {
    legend: 'What is the tip about?',
    hint: 'Choose the one that fits best.',
  },
  area: {
    legend: 'Where in Huddinge?',
    hint: 'Choose the district. If the place goes by another name, such as Glömsta, Vidja, Länna, Kungens kurva, Visättra, Björnkulla or Grantorp, choose the district it belongs to, or “Another place in Huddinge”.',
  },
  place: {
    label: 'Place',
    hint: 'For example an address, a stairwell or a well-known spot nearby.',
  },
  when: {
    legend: 'When did it happen?',
    now: 'It is happening right now',
    date: 'On a particular date',
    recurring: 'It happens often or keeps happening',
    unsaid: 'I don’t know or prefer not to say',
    dateOnlyHint: 'Only fill in if you chose “On a particular date”.',
    dateLabel: 'Date',
    timeLabel: 'Roughly what time of day?',
    times: {
      unsaid: 'I don’t know or prefer not to say',
      morning: 'Morning',
      daytime: 'Daytime',
      evening: 'Evening',
      night: 'Night',
    },
  },
  urgent: {
    nowHeading: 'Is it happening right now?',
    now: '**Is someone in danger, or is a crime happening? Call {tel:emergency} now.** A tip is not read around the clock and cannot bring help straight away.',
    closeHeading: 'Violence or threats in a close relationship',
    close:
      '**Is someone in danger now? Call {tel:emergency}.** Kvinnofridslinjen {tel:kvinnofridslinjen} supports people who are subjected to violence and their relatives. It is free, open around the clock and does not show on the phone bill.',
    stillSend: 'You can still send the tip.',
  },
  description: {
    label: 'Describe what happened',
    guidanceIntro: 'It helps if you write',
    guidance: [
      'what is happening or has happened',
      'where it is, as exactly as you can',
      'when it happens, and how often',
    ],
    avoid:
      'Do not write names or other details that identify other people unless they are needed to understand what happened. If someone is in danger now, call {tel:emergency}.',
    limits: 'Write at least {min} and at most {max} characters.',
    counterRemaining: { one: 'You have {count} character remaining', other: 'You have {count} characters remaining' },
    counterTooMany: { one: 'You have {count} character too many', other: 'You have {count} characters too many' },
  },
  personalData: {
    heading: 'The text seems to contain personal data',
    found: 'It looks like {kinds}.',
    kinds: {
      'personal-identity-number': 'a personal identity number',
      'phone-number': 'a phone number',
      'email-address': 'an email address',
    },
    advice:
      'Only write such details about other people if they are needed to understand what happened. If you want to be contacted yourself, please use the contact fields further down instead. You can change the text or send the tip as it is.',
    sendAgain: 'To send the tip as it is, press “Send the tip” again.',
    confirmLabel: 'I want to send the tip as it is',
    notSentYet: 'The tip has not been sent yet. You can',
    editText: 'change the text',
    tickAndSend: 'tick “I want to send the tip as it is” and send again',
  },
  contact: {
    legend: 'Do you want us to contact you?',
    warning: 'If you give your email or phone number, the tip is no longer anonymous to Huge.',
    noReply: 'Without contact details we cannot reply to you.',
    checkbox: 'Yes, I want to be contacted',
    detailsHint: 'Fill in your email, your phone number or both.',
    checkboxOnlyHint: 'Only fill in if you ticked the box above.',
    emailLabel: 'Email address',
    phoneLabel: 'Phone number',
  },
  honeypot: 'Leave this field empty',
  publicRecords:
    '**What you write may become a public record.** Huge Bostäder is owned by the municipality of Huddinge, so others can ask to read the tip. Before anything is released, it is checked whether it must be kept secret (secrecy review). [Read more about privacy and anonymity](privacy).',
  submit: 'Send the tip',
  sending: 'Sending …',
  errors: {
    'category.required': 'Choose what the tip is about',
    'area.required': 'Choose where in Huddinge it is',
    'place.tooLong': 'The place must be {max} characters or fewer',
    'place.invalidCharacters': 'The place contains invisible control characters. Type it in instead of pasting it',
    'when.invalid': 'Choose when it happened',
    'whenDate.required': 'Enter the date it happened',
    'whenDate.invalid': 'The date must be a real date',
    'whenDate.future': 'The date cannot be later than today',
    'whenTime.invalid': 'Choose roughly what time of day it happened',
    'description.required': 'Describe what happened',
    'description.tooShort': 'The description must be at least {min} characters',
    'description.tooLong': 'The description must be {max} characters or fewer',
    'description.invalidCharacters':
      'The description contains invisible control characters. Type the text instead of pasting it',
    'contact.required': 'Enter your email address or phone number, or untick the box',
    'contact.notWanted': 'You have entered contact details. Tick “Yes, I want to be contacted” or remove them',
    'contactEmail.invalid': 'Enter an email address in the correct format, like name@example.com',
    'contactPhone.invalid': 'Enter the phone number in digits, like 070-123 45 67',
    'form.invalid': 'The form could not be checked. Check your answers and send again',
    'form.expired': 'The form had been open for too long. Check your answers and send again',
    'form.tooFast': 'The form was sent too quickly. Wait a few seconds and send again',
    'form.keyReused': 'This form has already been sent with other content. Send again to send this as a new tip',
  },
  failure: {
    heading: 'The tip could not be sent',
    text: 'Something went wrong and the tip has not arrived. What you wrote is still here. Try again in a while, or send it by email to {email}. If someone is in danger now, call {tel:emergency}.',
  },
  rateLimited: {
    heading: 'Too many tips right now',
    wait: {
      one: 'We have received many tips from your connection in a short time. Please try again in about a minute.',
      other:
        'We have received many tips from your connection in a short time. Please try again in about {minutes} minutes.',
    },
    overloadedWait: {
      one: 'The service is receiving unusually many tips right now and cannot take more for the moment. Please try again in about a minute.',
      other:
        'The service is receiving unusually many tips right now and cannot take more for the moment. Please try again in about {minutes} minutes.',
    },
    alternatives:
      'You can also write directly to {email}. If someone is in danger now, call {tel:emergency}. To report a crime, call the police on {tel:police}.',
    textKept: 'What you wrote is still in the form.',
    notSent: 'The tip has not been sent.',
    backToForm: 'Back to the form',
  },
  refused: {
    'cross-site': {
      heading: 'The tip could not be received',
      text: 'Tips are only received from the form on this website. The tip has not been sent.',
    },
    malformed: {
      heading: 'The tip could not be read',
      text: 'What was sent could not be read. The tip has not been sent.',
    },
    'too-large': {
      heading: 'The tip was too large',
      text: 'What was sent was too large. A description can be at most {max} characters. The tip has not been sent.',
    },
    unsupported: {
      heading: 'The tip could not be read',
      text: 'The tip was sent in a form we cannot read. The tip has not been sent.',
    },
    again: 'Open the form and send the tip from there.',
  },
  confirmation: {
    heading: 'Thank you, we have received your tip',
    referenceLabel: 'Your reference number',
    referenceHint: 'Keep the number if you want to add something later.',
    copy: 'Copy the number',
    copied: 'The number has been copied.',
    nextHeading: 'What happens next?',
    next: [
      "The tip is sent by email to Huge's area developers at {email}. It is not read around the clock.",
      'The tip is not a police report. If someone is in danger, call {tel:emergency}. To report a crime, call the police on {tel:police}.',
      'Want to add something? Write to {email} and give the reference number.',
      'If you did not give contact details, we cannot reply to you.',
    ],
    sharedDevice: 'Are you using a computer or phone that others use too? Close the browser window when you are done.',
    anotherTip: 'Send another tip',
    home: 'Go to the home page',
  },
};
