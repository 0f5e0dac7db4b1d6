/** The staff area's paths, in Swedish, under one prefix (README "Staff side"). */
export const STAFF_PREFIX = '/personal';
export const STYLESHEET_PATH = `${STAFF_PREFIX}/stil.css`;
export const SIGN_IN_PATH = `${STAFF_PREFIX}/inloggning`;
export const START_PATH = STAFF_PREFIX;
export const INBOX_PATH = `${STAFF_PREFIX}/inkorg`;
export const LAGESBILD_PATH = `${STAFF_PREFIX}/lagesbild`;

/** The tip view's path. */
export function tipPath(reference: string): string {
  return `${STAFF_PREFIX}/tips/${reference}`;
}
