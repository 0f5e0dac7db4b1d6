/** The site's languages. Swedish is the original and lives at the root. */
export const LOCALES = ['sv', 'en', 'ar', 'fi', 'so'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'sv';

export const LOCALE_INFO: Record<Locale, { dir: 'ltr' | 'rtl'; nativeName: string; pathPrefix: string }> = {
  sv: { dir: 'ltr', nativeName: 'Svenska', pathPrefix: '/' },
  en: { dir: 'ltr', nativeName: 'English', pathPrefix: '/en/' },
  ar: { dir: 'rtl', nativeName: 'العربية', pathPrefix: '/ar/' },
  fi: { dir: 'ltr', nativeName: 'Suomi', pathPrefix: '/fi/' },
  so: { dir: 'ltr', nativeName: 'Soomaali', pathPrefix: '/so/' },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language a public path belongs to, from its prefix. */
export function localeOfPath(pathname: string): Locale {
  for (const locale of LOCALES) {
    const prefix = LOCALE_INFO[locale].pathPrefix;
    if (prefix !== '/' && (pathname === prefix.slice(0, -1) || pathname.startsWith(prefix))) return locale;
  }
  return DEFAULT_LOCALE;
}
