import { easyReadPath } from '../../i18n/easy-read.ts';
import type { Locale } from '../../i18n/locales.ts';
import { pathFor } from '../../i18n/routes.ts';
import type { TipPaths } from './props.ts';

/** Where the tip page's links go in a language (the form, its answers and the refusal pages). */
export function tipPathsFor(lang: Locale): TipPaths {
  return {
    privacy: pathFor('privacy', lang),
    home: pathFor('home', lang),
    report: pathFor('report', lang),
    'easy-read': easyReadPath('report'),
  };
}
