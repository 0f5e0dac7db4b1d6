import { isIP } from 'node:net';

/**
 * Rules for what the outside world sees of the service in production: the
 * public origin (SITE_URL) and the sender of the emails (MAIL_FROM). A
 * development default ("localhost") there would put "localhost" into links,
 * the sitemap and every email's sender and Message-ID.
 */

/** A sender as written in MAIL_FROM: `Name <address>` or a bare address. */
export interface Sender {
  name: string | undefined;
  address: string;
  domain: string;
}

/** local@domain, where the domain is a host name (localhost too, for development) or a bracketed address. */
const ADDRESS =
  /^[^\s@<>()[\]",;:]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/i;

/** Parses MAIL_FROM; returns a message saying what is wrong when it is not a sender. */
export function parseSender(value: string): Sender | string {
  const text = value.trim();
  const named = /^(?:"([^"]*)"|([^<>"]*?))\s*<([^<>\s]+)>$/.exec(text);
  const address = named ? named[3] : text;
  if (!address || !ADDRESS.test(address)) {
    return `expected an address, e.g. "Tillsammans för trygghet <no-reply@trygghet.huge.se>"; got "${value}"`;
  }
  const name = (named?.[1] ?? named?.[2])?.trim() || undefined;
  return { name, address, domain: address.slice(address.lastIndexOf('@') + 1).toLowerCase() };
}

/** Top-level names reserved for tests, examples and local networks (RFC 2606, 6761, 6762, 8375). */
const RESERVED_TLDS = new Set(['localhost', 'local', 'test', 'example', 'invalid', 'internal', 'lan', 'home', 'arpa']);
const RESERVED_DOMAINS = new Set(['example.com', 'example.net', 'example.org']);

/**
 * Why a host name is not a real public domain (undefined when it is one):
 * no IP addresses, no single labels, nothing under a reserved name.
 */
export function publicDomainProblem(host: string): string | undefined {
  const name = host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (isIP(name)) return `"${host}" is an IP address, not a domain`;
  const labels = name.split('.');
  if (labels.length < 2) return `"${host}" is not a public domain`;
  const tld = labels.at(-1) ?? '';
  if (RESERVED_TLDS.has(tld) || RESERVED_DOMAINS.has(labels.slice(-2).join('.'))) {
    return `"${host}" is reserved for tests and local networks`;
  }
  if (!/^[a-z]{2,63}$|^xn--[a-z0-9-]{2,59}$/.test(tld)) return `"${host}" does not end in a top-level domain`;
  return undefined;
}
