/** Where the quick exit goes: a neutral, widely used public site (SMHI's weather service). */
export const NEUTRAL_EXIT_URL = 'https://www.smhi.se/';
