import type { Locale } from '../../i18n/locales.ts';
import type { TipStrings } from '../../i18n/tip/sv.ts';
import type { PersonalDataKind } from '../../schemas/personal-data.ts';
import type { TipField, TipFieldErrors } from '../../schemas/tip.ts';
import type { AreaId, CategoryId } from '../../schemas/tip-options.ts';
import type { RichPage } from './rich-text.ts';

/** One choice with its label in the page's language. */
export interface TipOption<Id extends string> {
  id: Id;
  label: string;
}

/** Where the form's links go, in the page's language. */
export type TipPaths = Readonly<Record<RichPage | 'report', string>>;

/**
 * Everything the island needs, serialized into the page (not bundled):
 * this language's strings only, the option labels, the paths, and the
 * state the server decided (token, key, values and errors).
 */
export interface TipFormProps {
  locale: Locale;
  t: TipStrings;
  /** In display order (a preselected category's focus area first). */
  categories: TipOption<CategoryId>[];
  areas: TipOption<AreaId>[];
  paths: TipPaths;
  formToken: string;
  idempotencyKey: string;
  /** Raw values as entered (or a preselected category). */
  values: Partial<Record<TipField, string>>;
  /** Errors from the server's validation of a no-JavaScript post; empty on a fresh form. */
  errors: TipFieldErrors;
  /** A no-JavaScript send was refused as too many tips: start with that notice above the kept values. */
  rateLimitedSeconds?: number;
  /** With `rateLimitedSeconds`: the service as a whole is overloaded. */
  overloaded?: boolean;
  /** A no-JavaScript send was held for personal data in the text: ask to change it or tick to send it as it is. */
  heldForPersonalData?: PersonalDataKind[];
}

/** The form's values: every field as the text a form post would carry ("" = empty; contactWanted "on" = ticked). */
export type TipValues = Record<TipField, string>;
