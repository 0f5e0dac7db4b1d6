import { containsPattern } from './rows.ts';

/**
 * The inbox's text search: a tip's description or place contains the text,
 * ignoring case (Unicode case folding: "Å" finds "å"), every character taken
 * literally (`%`, `_`, `\` and `"` too). Both backends answer from a
 * trigram index, so only text of at least three characters can be searched:
 * a shorter text finds no description or place (only a reference, which
 * is longer anyway), and the inbox page says why.
 */
export interface TextSearch {
  /** The parameter the condition gets for `text`. */
  value(text: string): string;
  /**
   * A condition on `i.tip_id` (the inbox row's tip): the tip's reference is
   * `ref` or its text matches the value `p`. `fewHits`: the count found few
   * matching tips (a backend may then collect them first).
   */
  matches(ref: string, p: string, fewHits: boolean): string;
  /**
   * When set, the count joins the inbox to these ids (a subquery of
   * `tip_id`s with the same placeholders) instead of filtering the inbox by
   * `matches`: the full-text hits then stream and counting stops at the cap.
   */
  countFrom?: (ref: string, p: string) => string;
}

/** The ids of the tips with this reference, then those whose text contains the phrase. */
const sqliteHits = (ref: string, p: string) =>
  `SELECT id AS tip_id FROM tips WHERE reference = ${ref} UNION ALL SELECT rowid FROM tip_search WHERE tip_search MATCH ${p}`;

/**
 * SQLite: the FTS5 table `tip_search` (trigram tokenizer, case folded,
 * diacritics kept). The text is one FTS5 string (a phrase of its
 * trigrams, in order), so it matches exactly where it occurs as a
 * substring; a `"` inside is written twice. One list of ids (an IN, not an
 * OR of two conditions), so SQLite looks up the inbox rows it names.
 */
export const SQLITE_TEXT_SEARCH: TextSearch = {
  value: (text) => `"${text.replaceAll('"', '""')}"`,
  matches: (ref, p) => `i.tip_id IN (${sqliteHits(ref, p)})`,
  // A word in most of 100,000 tips: 44 ms as an IN list (every hit first), 7 ms joined (stops at the cap).
  // A tip counts once: its own reference cannot be in its text (drawn after the text was sent).
  countFrom: sqliteHits,
};

/** The description and the place as the PostgreSQL trigram indexes hold them (the same expressions, or no index). */
export const POSTGRES_DESCRIPTION = `((payload::jsonb -> 'tip') ->> 'description')`;
export const POSTGRES_PLACE = `((payload::jsonb -> 'tip') ->> 'place')`;

/**
 * PostgreSQL: ILIKE over the description and the place, answered from
 * pg_trgm GIN indexes on those two expressions (the index finds the
 * candidates, ILIKE checks them), so the meaning is ILIKE's: case folded as
 * the database's locale does (a UTF-8 locale folds å, ä, ö).
 *
 * The plan depends on how many tips match, which the planner cannot guess
 * from a pattern (measured at 100,000 tips): as a semi-join it walks the
 * inbox newest first and checks each tip's text, 3 ms when most tips match
 * and over a second for a word in 0.5% of them; collected first (an ARRAY
 * of the ids, evaluated once), 30 ms for the rare word and over a second
 * for the common one. The inbox counts first (the count is planned well
 * either way) and collects only when the hits are few.
 */
export const POSTGRES_TEXT_SEARCH: TextSearch = {
  value: containsPattern,
  matches: (ref, p, fewHits) => {
    const ids = `SELECT id FROM tips WHERE reference = ${ref} OR ${POSTGRES_DESCRIPTION} ILIKE ${p} OR ${POSTGRES_PLACE} ILIKE ${p}`;
    return fewHits ? `i.tip_id = ANY (ARRAY(${ids}))` : `i.tip_id IN (${ids})`;
  },
};
