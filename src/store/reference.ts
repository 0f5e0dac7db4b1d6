import { pooledRandomBytes } from '../platform/random-pool.ts';

/**
 * Tip references: two groups of four from an alphabet without look-alikes
 * (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V), easy to read aloud or copy from a
 * phone: e.g. "K7MX-4RDP". 24^8 ≈ 1.1·10^11 values; the store retries on a collision.
 */
export const REFERENCE_ALPHABET = 'ACDEFGHJKMNPQRTWXY346789';

const REFERENCE = new RegExp(`^[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`);

/** The largest multiple of the alphabet's size below 256: bytes at or above it are skipped, so no symbol is likelier. */
const UNBIASED_LIMIT = 256 - (256 % REFERENCE_ALPHABET.length);

export function newReference(): string {
  let text = '';
  // Bytes in bulk (crypto.randomInt per symbol costs several times more).
  while (text.length < 8) {
    for (const byte of pooledRandomBytes(16)) {
      if (byte >= UNBIASED_LIMIT || text.length === 8) continue;
      text += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
    }
  }
  return `${text.slice(0, 4)}-${text.slice(4)}`;
}

/** Accepts what a person types ("k7mx 4rdp", "K7MX4RDP") and returns the canonical form, or undefined. */
export function parseReference(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const candidate = `${compact.slice(0, 4)}-${compact.slice(4)}`;
  return REFERENCE.test(candidate) ? candidate : undefined;
}
