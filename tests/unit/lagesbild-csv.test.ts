import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { rollupRows } from '../../src/lagesbild/count-matrix.ts';
import { rollupCsv, spreadsheetText, weekCountsCsv, weekEntriesCsv } from '../../src/lagesbild/csv.ts';
import { AREA_LABELS, CATEGORY_LABELS, SOURCE_LABELS } from '../../src/lagesbild/labels.ts';
import { AREA_IDS, CATEGORY_IDS } from '../../src/schemas/tip-options.ts';
import { fixturePicture, lagesbildFixture } from '../helpers/lagesbild-fixtures.ts';

/**
 * The CSV files parsed back with csv-parse 6 as a spreadsheet would read
 * them: a UTF-8 BOM, `;` between fields, quoted `;`, `"` and line breaks,
 * åäö and Arabic intact, and formulas defused.
 */

const fixture = lagesbildFixture('tricky-week');
const picture = fixturePicture(fixture);

function read(csv: string): string[][] {
  return parse(csv, { delimiter: ';', bom: true, relax_column_count: false }) as string[][];
}

describe('lägesbild CSV', () => {
  it('starts with a UTF-8 BOM and separates records with CRLF', () => {
    const bytes = Buffer.from(weekCountsCsv(picture), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')).toHaveLength(AREA_IDS.length * CATEGORY_IDS.length + 2);
  });

  it('gives every district × event of the week with the numbers of the raw rows', () => {
    const [header, ...rows] = read(weekCountsCsv(picture));
    expect(header).toEqual([
      'Vecka',
      'Område',
      'Händelse',
      'Fokusområde',
      'Tips',
      'Varav "händer just nu"',
      'Observationer',
      'Totalt',
    ]);
    expect(rows).toHaveLength(81);
    // Added up here from the fixture's rows, not by the code under test.
    const expected = new Map<string, number[]>();
    for (const row of fixture.counts) {
      const key = `${AREA_LABELS[row.area]}|${CATEGORY_LABELS[row.category]}`;
      const sums = expected.get(key) ?? [0, 0, 0];
      if (row.source === 'tip') {
        sums[0] = (sums[0] ?? 0) + row.count;
        if (row.happeningNow) sums[1] = (sums[1] ?? 0) + row.count;
      } else sums[2] = (sums[2] ?? 0) + row.count;
      expected.set(key, sums);
    }
    for (const [week, area, event, , tips, now, observations, total] of rows as string[][]) {
      const [wantTips, wantNow, wantObservations] = expected.get(`${area}|${event}`) ?? [0, 0, 0];
      expect(week).toBe('2026-W48');
      expect([Number(tips), Number(now), Number(observations), Number(total)], `${area} ${event}`).toEqual([
        wantTips,
        wantNow,
        wantObservations,
        (wantTips ?? 0) + (wantObservations ?? 0),
      ]);
    }
    expect(rows.find((row) => row[2] === CATEGORY_LABELS.other)?.[3]).toBe('Inget fokusområde (övrigt)');
  });

  it('keeps summaries whole: ; and " and line breaks quoted, åäö and Arabic intact, formulas defused', () => {
    const [header, ...rows] = read(weekEntriesCsv(picture));
    expect(header).toHaveLength(10);
    expect(rows).toHaveLength(fixture.entries.length);
    const summaries = rows.map((row) => row[9]);
    expect(summaries).toEqual([
      'Bråk vid stationen; flera personer "stökade" sent',
      'Polisen:\nrad två\r\nrad tre med åäö ÅÄÖ',
      'بلاغ عن تجمع مقلق قرب المدرسة؛ "مساءً"',
      "'=1+1 trasig belysning <script>alert(1)</script>",
    ]);
    const police = rows[1] ?? [];
    expect(police.slice(1, 9)).toEqual([
      'Flemingsberg',
      'Flemingsbergs station; norra uppgången',
      CATEGORY_LABELS.disturbance,
      'Tryggheten i det offentliga rummet',
      'Polisen',
      '2026-11-25',
      '21:30',
      'nej',
    ]);
    expect(rows[0]?.[8]).toBe('ja');
    // Grouped by district in the list's order: Flemingsberg, Segeltorp, …, Skogås.
    expect(rows.map((row) => row[1])).toEqual(['Flemingsberg', 'Flemingsberg', 'Segeltorp', 'Skogås']);
    expect(rows[3]?.[2]).toBe('\'=HYPERLINK("http://example.invalid")');
    expect(rows[2]?.[5]).toBe(SOURCE_LABELS.other);
    // Nothing in the file but what the picture holds: no reference-shaped text.
    expect(weekEntriesCsv(picture)).not.toMatch(/[ACDEFGHJKMNPQRTWXY346789]{4}-[ACDEFGHJKMNPQRTWXY346789]{4}/);
  });

  it('rolls up district × event × source with one line per non-zero count', () => {
    const csv = rollupCsv('2026-Q4', '2026-W40', '2026-W53', rollupRows(fixture.counts));
    const [header, ...rows] = read(csv);
    expect(header).toEqual([
      'Period',
      'Första vecka',
      'Sista vecka',
      'Område',
      'Händelse',
      'Fokusområde',
      'Källa',
      'Antal',
    ]);
    // Tips now and not now fold into one line; eight distinct district × event × source groups.
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual([
      '2026-Q4',
      '2026-W40',
      '2026-W53',
      'Flemingsberg',
      CATEGORY_LABELS.disturbance,
      'Tryggheten i det offentliga rummet',
      'Tips via webbplatsen',
      '6',
    ]);
    const total = rows.reduce((sum, row) => sum + Number(row[7]), 0);
    expect(total).toBe(fixture.counts.reduce((sum, row) => sum + row.count, 0));
  });

  it('defuses every leading formula character and leaves other text alone', () => {
    for (const text of ['=A1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(spreadsheetText(text)).toBe(`'${text}`);
    for (const text of ['Vanlig text', '1-2', 'a=b', '']) expect(spreadsheetText(text)).toBe(text);
  });
});
