/** The content codings the site's files come in besides themselves. */
export type Coding = 'br' | 'gzip';

/** A representation's coding: one of `Coding`, or none (identity). */
export type Chosen = Coding | undefined;

/**
 * The best of `available` codings (in the server's order of preference) that
 * an `Accept-Encoding` header allows, per RFC 9110 §12.5.3: tokens are
 * case-insensitive; each may carry a weight (`q`, 0 to 1; absent means 1);
 * `q=0` means "not acceptable"; `*` stands for every coding not named;
 * `identity` (no coding) is acceptable unless excluded by `identity;q=0` or
 * `*;q=0`. The highest weight wins, ties going to the server's order; a
 * coding beats identity unless identity is weighted higher. No header:
 * identity. When even identity
 * is excluded and nothing else fits, identity is still sent (the RFC lets a
 * server disregard the header rather than answer 406).
 *
 * Browsers send a handful of distinct headers, so answers are remembered
 * per header value (bounded).
 */
export function chooseCoding(header: string | undefined, available: readonly Coding[] = ALL): Chosen {
  if (header === undefined || header === '') return undefined;
  let preferred = remembered.get(header);
  if (preferred === undefined) {
    preferred = preference(parse(header));
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(header, preferred);
  }
  for (const coding of preferred) if (available.includes(coding)) return coding;
  return undefined;
}

const ALL: readonly Coding[] = ['br', 'gzip'];
const IDENTITY = 'identity';
const MAX_REMEMBERED = 256;
/** Per header value: the codings it prefers to identity, best first. */
const remembered = new Map<string, readonly Coding[]>();

/** Weights by lower-case coding name; a malformed weight makes its element count as absent. */
function parse(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const element of header.split(',')) {
    const [name = '', ...params] = element.split(';');
    const coding = name.trim().toLowerCase();
    if (coding === '') continue;
    let weight = 1;
    for (const param of params) {
      const [key = '', value = ''] = param.split('=', 2);
      if (key.trim().toLowerCase() !== 'q') continue;
      const text = value.trim();
      // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
      weight = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(text) ? Number(text) : Number.NaN;
    }
    if (Number.isNaN(weight)) continue;
    // The same coding named twice: the first mention counts.
    if (!weights.has(coding)) weights.set(coding, weight);
  }
  return weights;
}

/** The codings that are acceptable and weighted at least as high as identity, best first (ties: the server's order). */
function preference(weights: Map<string, number>): readonly Coding[] {
  const any = weights.get('*');
  const weightOf = (coding: string) => weights.get(coding) ?? any ?? 0;
  // identity is acceptable by default (weight just above 0) unless excluded.
  const identity = weights.get(IDENTITY) ?? (any === 0 ? 0 : Number.MIN_VALUE);
  return ALL.filter((coding) => weightOf(coding) > 0 && weightOf(coding) >= identity).sort(
    (a, b) => weightOf(b) - weightOf(a),
  );
}
