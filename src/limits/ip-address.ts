import { isIP } from 'node:net';

/**
 * Address text helpers shared by the client-address middleware and the
 * client identifier. Pure functions: no I/O, no logging.
 */

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * Normalises one address as it comes from a socket or an X-Forwarded-For
 * entry: trims, drops IPv6 brackets, a trailing port and a zone id, turns
 * IPv4-mapped IPv6 (`::ffff:1.2.3.4`) into plain IPv4 and lower-cases IPv6.
 * Returns undefined when what is left is not an IP address.
 */
export function normaliseAddress(text: string): string | undefined {
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const zone = value.indexOf('%');
  if (zone !== -1) value = value.slice(0, zone);
  const mapped = IPV4_MAPPED.exec(value);
  if (mapped?.[1]) value = mapped[1];
  const family = isIP(value);
  if (family === 4) return value;
  if (family === 6) return value.toLowerCase();
  return undefined;
}

/** The eight 16-bit groups of a valid IPv6 address (handles `::` and a dotted IPv4 tail). */
export function ipv6Groups(address: string): number[] {
  let text = address;
  const tail = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::', 2);
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const left = parse(head);
  if (rest === undefined) return left;
  const right = parse(rest);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * What identifies one client for rate limiting: an IPv4 address as is, an
 * IPv6 address by its /64 prefix (one subscriber line or LAN usually holds a
 * whole /64, so per-address keys would be trivially rotated). Written in full
 * form so every spelling of the same prefix gives the same text, e.g.
 * `2001:0db8:0000:0001::/64`. Anything that is not an IP is returned as is.
 */
export function rateLimitSubject(address: string): string {
  const normalised = normaliseAddress(address);
  if (normalised === undefined) return address;
  if (isIP(normalised) === 4) return normalised;
  const prefix = ipv6Groups(normalised)
    .slice(0, 4)
    .map((group) => group.toString(16).padStart(4, '0'))
    .join(':');
  return `${prefix}::/64`;
}

/**
 * The IPv6 network an address belongs to at `prefixBits` (e.g. 48: what one
 * site or customer is usually given, so it holds 65,536 /64s), in full form
 * with the bits past the prefix cleared, e.g. `2001:0db8:0001:0000::/48`.
 * Undefined for IPv4 and anything that is not an IP address: their per-client
 * limits already apply to the whole address.
 */
export function rateLimitNetwork(address: string, prefixBits: number): string | undefined {
  const normalised = normaliseAddress(address);
  if (normalised === undefined || isIP(normalised) !== 6) return undefined;
  const groups = ipv6Groups(normalised).map((group, index) => {
    const keep = Math.max(0, Math.min(16, prefixBits - index * 16));
    return keep === 0 ? 0 : group & (0xffff << (16 - keep)) & 0xffff;
  });
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16).padStart(4, '0'))
    .join(':')}::/${prefixBits}`;
}
