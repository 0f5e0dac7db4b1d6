import type { TrustProxy } from '../config/trust-proxy.ts';
import { normaliseAddress } from '../limits/ip-address.ts';

/** Used when there is no socket address; all such requests share one limit. */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * Picks the client address from the socket's and the X-Forwarded-For header.
 * The header is believed only as far as `trustProxy` allows (ASVS 4.1.3,
 * THREATS #7):
 * - `none`: the header is ignored;
 * - `hops` N: the address N hops left of the socket, counting the socket as
 *   the last hop; with fewer entries than that, the leftmost one;
 * - `cidrs`: from the socket leftwards while the hop is a trusted proxy, the
 *   first untrusted hop.
 * An entry that is not an IP address (garbage, "unknown", an obfuscated
 * identifier) is not taken: the hop that forwarded it stands in for it, so
 * every client behind that hop shares one limit rather than escaping it.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustProxy: TrustProxy,
): string {
  const socket = normaliseAddress(socketAddress ?? '') ?? UNKNOWN_ADDRESS;
  if (trustProxy.kind === 'none' || !forwardedFor) return socket;
  const hops = [...forwardedFor.split(',').map((entry) => normaliseAddress(entry)), socket];
  let index: number;
  if (trustProxy.kind === 'hops') {
    index = Math.max(0, hops.length - 1 - trustProxy.hops);
  } else {
    index = hops.length - 1;
    while (index > 0 && isTrusted(hops[index], trustProxy)) index -= 1;
  }
  // Step right to the nearest hop that is an address; the socket (last) always counts as one.
  for (let at = index; at < hops.length; at += 1) {
    const hop = hops[at];
    if (hop !== undefined) return hop;
  }
  return socket;
}

function isTrusted(address: string | undefined, trustProxy: Extract<TrustProxy, { kind: 'cidrs' }>): boolean {
  if (address === undefined || address === UNKNOWN_ADDRESS) return false;
  return trustProxy.list.check(address, address.includes(':') ? 'ipv6' : 'ipv4');
}
