/**
 * Numbers and the address the tip form points people to (the same as content/help-lines.yaml and content/facts.yaml).
 * Kept here, not in the dictionaries: they are the same in every language.
 */

/** Help lines the form's text can name with `{tel:<id>}`. */
export const HELP_LINES = {
  /** SOS Alarm: life, health, property or environment in danger, or a crime happening now. */
  emergency: { display: '112', dial: '112' },
  /** The police's number for matters that are not urgent, e.g. reporting a crime. */
  police: { display: '114 14', dial: '11414' },
  /** Free, around the clock, not shown on the phone bill. */
  kvinnofridslinjen: { display: '020-50 50 50', dial: '020505050' },
} as const;

export type HelpLineId = keyof typeof HELP_LINES;

/** Huge's area developers, where tips are forwarded; also how to add to a tip. */
export const TIP_EMAIL = 'trygghet@huge.se';
