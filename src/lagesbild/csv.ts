import { stringify } from 'csv-stringify/sync';
import { AREA_IDS, CATEGORY_IDS } from '../schemas/tip-options.ts';
import type { RollupRow } from './count-matrix.ts';
import { AREA_LABELS, CATEGORY_LABELS, FOCUS_KEY_LABELS, SOURCE_LABELS } from './labels.ts';
import { focusKeyOf } from './count-matrix.ts';
import type { WeekPicture } from './week-picture.ts';

/**
 * The lägesbild's CSV files, made for Swedish Excel: UTF-8 with a BOM (so
 * åäö and Arabic open right), `;` between fields (`,` is the decimal mark),
 * CRLF between records, every text field quoted (so `;`, `"` and line breaks
 * in a summary stay inside their field; csv-stringify 6 doubles quotes).
 */
function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return stringify([header, ...rows], {
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
    quoted_string: true,
  });
}

/**
 * Text a person typed, made safe for a spreadsheet: a field starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula
 * (CSV injection, OWASP), so it gets a leading apostrophe, which Excel
 * shows as text.
 */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The week's counts: one row per district × event (all 81, zeros too), tips and observations apart and together. */
export function weekCountsCsv(picture: WeekPicture): string {
  const { tips, observations, together, happeningNow } = picture.counts;
  const rows = AREA_IDS.flatMap((area) =>
    CATEGORY_IDS.map((category) => [
      picture.week,
      AREA_LABELS[area],
      CATEGORY_LABELS[category],
      FOCUS_KEY_LABELS[focusKeyOf(category)],
      tips.cells[area][category],
      happeningNow.cells[area][category],
      observations.cells[area][category],
      together.cells[area][category],
    ]),
  );
  return toCsv(
    ['Vecka', 'Område', 'Händelse', 'Fokusområde', 'Tips', 'Varav "händer just nu"', 'Observationer', 'Totalt'],
    rows,
  );
}

/** The week's entries as summaries, district by district; never a tip's text or reference. */
export function weekEntriesCsv(picture: WeekPicture): string {
  const rows = picture.entriesByArea.flatMap((group) =>
    group.entries.map((entry) => [
      picture.week,
      AREA_LABELS[entry.area],
      spreadsheetText(entry.place ?? ''),
      CATEGORY_LABELS[entry.category],
      FOCUS_KEY_LABELS[focusKeyOf(entry.category)],
      SOURCE_LABELS[entry.source],
      entry.occurredOn ?? '',
      entry.occurredTime ?? '',
      entry.happeningNow ? 'ja' : 'nej',
      spreadsheetText(entry.summary),
    ]),
  );
  return toCsv(
    [
      'Vecka',
      'Område',
      'Plats',
      'Händelse',
      'Fokusområde',
      'Källa',
      'Datum',
      'Tid',
      'Händer just nu (tips)',
      'Sammanfattning',
    ],
    rows,
  );
}

/** A quarter's or a year's counts per district × event × source (only non-zero lines). */
export function rollupCsv(period: string, first: string, last: string, rows: readonly RollupRow[]): string {
  return toCsv(
    ['Period', 'Första vecka', 'Sista vecka', 'Område', 'Händelse', 'Fokusområde', 'Källa', 'Antal'],
    rows.map((row) => [
      period,
      first,
      last,
      AREA_LABELS[row.area],
      CATEGORY_LABELS[row.category],
      FOCUS_KEY_LABELS[focusKeyOf(row.category)],
      SOURCE_LABELS[row.source],
      row.count,
    ]),
  );
}
