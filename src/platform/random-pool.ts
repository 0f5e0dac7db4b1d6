import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

/**
 * Cryptographically random bytes drawn from a pool refilled 4 KB at a time:
 * one `randomFillSync` call costs several microseconds whatever its size, so
 * a call per tip reference was measurable. Each byte is handed out once.
 * The returned view is only valid until the next call.
 */
export function pooledRandomBytes(count: number): Uint8Array {
  if (count > POOL_BYTES) throw new RangeError(`at most ${POOL_BYTES} bytes`);
  if (offset + count > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + count);
  offset += count;
  return bytes;
}
