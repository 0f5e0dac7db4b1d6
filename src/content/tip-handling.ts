import type { Locale } from '../i18n/locales.ts';
import type { Facts } from './schemas.ts';

/**
 * The confirmed sentences about how Huge handles a tip (when it is read,
 * what is done with it) in one language; empty while Huge has confirmed
 * neither. They use only the rich text both syntaxes share, so the site's
 * pages and the tip form render them alike.
 */
export function tipHandlingSentences(facts: Pick<Facts, 'tipHandling'>, locale: Locale): string[] {
  const { whenRead, afterReading } = facts.tipHandling;
  return [whenRead?.[locale], afterReading?.[locale]].filter((text): text is string => Boolean(text));
}
