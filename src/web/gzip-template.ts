import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A text with placeholders whose values change per response, and its gzip form. */
export interface CompressedTemplate {
  /** The text with each placeholder replaced by its value. */
  text(values: Readonly<Record<string, string>>): string;
  /** The same text as one gzip member (RFC 1952). */
  gzip(values: Readonly<Record<string, string>>): Buffer;
}

// ID1 ID2, CM = deflate, no flags, no mtime, XFL 0, OS unknown.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/**
 * Compresses the fixed parts of a template once, so that a response with
 * its own few short values costs no compression at all.
 *
 * Deflate lets independently compressed pieces follow each other in one
 * stream when each piece but the last ends with a full flush (byte-aligned,
 * not final, and nothing after it refers back into it). So every fixed part
 * is compressed once as such a piece (the last one ends the stream), each
 * value goes between them as a stored (uncompressed) block, and the gzip
 * trailer's CRC-32 and length are computed over the whole text. No
 * compressor runs per response.
 */
export function compressTemplate(template: string, placeholders: readonly string[]): CompressedTemplate {
  const pattern = new RegExp(placeholders.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const fixed: Buffer[] = [];
  const slots: string[] = [];
  let from = 0;
  for (const match of template.matchAll(pattern)) {
    fixed.push(Buffer.from(template.slice(from, match.index)));
    slots.push(match[0]);
    from = match.index + match[0].length;
  }
  fixed.push(Buffer.from(template.slice(from)));

  const last = fixed.length - 1;
  const compressedFixed = fixed.map((part, index) =>
    deflateRawSync(part, { level: 9, finishFlush: index === last ? constants.Z_FINISH : constants.Z_FULL_FLUSH }),
  );
  const valueOf = (values: Readonly<Record<string, string>>, slot: string) => {
    const value = values[slot];
    if (value === undefined) throw new Error(`no value for the placeholder ${slot}`);
    return value;
  };

  return {
    text: (values) => template.replace(pattern, (slot) => valueOf(values, slot)),
    gzip(values) {
      const pieces: Buffer[] = [GZIP_HEADER];
      let crc = 0;
      let length = 0;
      fixed.forEach((part, index) => {
        pieces.push(compressedFixed[index] as Buffer);
        crc = crc32(part, crc);
        length += part.length;
        const slot = slots[index];
        if (slot === undefined) return;
        const value = Buffer.from(valueOf(values, slot));
        pieces.push(storedBlockHeader(value.length), value);
        crc = crc32(value, crc);
        length += value.length;
      });
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(crc >>> 0, 0);
      trailer.writeUInt32LE(length % 2 ** 32, 4);
      pieces.push(trailer);
      return Buffer.concat(pieces);
    },
  };
}

/** A non-final stored block (RFC 1951 §3.2.4) of `length` bytes, starting on a byte boundary. */
function storedBlockHeader(length: number): Buffer {
  if (length > 0xffff) throw new RangeError('a placeholder value is limited to 65,535 bytes');
  const header = Buffer.alloc(5);
  header[0] = 0; // BFINAL 0, BTYPE 00 (stored); the rest of the byte is padding
  header.writeUInt16LE(length, 1);
  header.writeUInt16LE(~length & 0xffff, 3);
  return header;
}
