import { BlockList, isIP } from 'node:net';

/**
 * Which peers may speak for the client through X-Forwarded-For.
 * - `none`: only the socket address counts (the default);
 * - `hops`: believe that many proxies in front of us, counting from the right;
 * - `cidrs`: walk X-Forwarded-For from the right while the hop is a trusted proxy.
 */
export type TrustProxy =
  { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'cidrs'; list: BlockList; text: string };

/** Parses TRUST_PROXY: empty/"false" → none, a number → hop count, else a comma list of CIDRs or addresses. Returns a message on error. */
export function parseTrustProxy(text: string): TrustProxy | string {
  const value = text.trim();
  if (value === '' || value === 'false' || value === '0') return { kind: 'none' };
  if (/^\d+$/.test(value)) return { kind: 'hops', hops: Number(value) };
  const list = new BlockList();
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = '', prefixText] = entry.split('/', 2);
    const family = isIP(address);
    if (family === 0) return `"${entry}" is not an IP address or CIDR range`;
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefixText === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const prefix = Number(prefixText);
    if (!/^\d+$/.test(prefixText) || prefix > (family === 6 ? 128 : 32)) return `"${entry}" has a bad prefix length`;
    list.addSubnet(address, prefix, type);
  }
  return { kind: 'cidrs', list, text: value };
}
