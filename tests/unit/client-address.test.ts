import { describe, expect, it } from 'vitest';
import { parseTrustProxy, type TrustProxy } from '../../src/config/trust-proxy.ts';
import { resolveClientAddress, UNKNOWN_ADDRESS } from '../../src/http/client-address.ts';
import { clientNaming } from '../../src/web/edge/client-naming.ts';

function trust(text: string): TrustProxy {
  const parsed = parseTrustProxy(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

describe('resolveClientAddress', () => {
  const none = trust('');

  it('uses the socket and ignores X-Forwarded-For without TRUST_PROXY, whatever the header says', () => {
    for (const header of ['1.1.1.1', '2.2.2.2, 3.3.3.3', 'garbage', '', undefined]) {
      expect(resolveClientAddress('203.0.113.9', header, none)).toBe('203.0.113.9');
    }
  });

  it('normalises IPv4-mapped IPv6 socket addresses', () => {
    expect(resolveClientAddress('::ffff:127.0.0.5', undefined, none)).toBe('127.0.0.5');
    expect(resolveClientAddress('::FFFF:10.1.2.3', '9.9.9.9', trust('1'))).toBe('9.9.9.9');
    expect(resolveClientAddress('10.0.0.1', '::ffff:198.51.100.7', trust('1'))).toBe('198.51.100.7');
  });

  it('falls back to one shared "unknown" client when there is no socket address', () => {
    expect(resolveClientAddress(undefined, '1.1.1.1', none)).toBe(UNKNOWN_ADDRESS);
  });

  describe('hops', () => {
    it('takes the address N hops left of the socket', () => {
      const header = '198.51.100.1, 198.51.100.2, 198.51.100.3';
      expect(resolveClientAddress('10.0.0.1', header, trust('1'))).toBe('198.51.100.3');
      expect(resolveClientAddress('10.0.0.1', header, trust('2'))).toBe('198.51.100.2');
      expect(resolveClientAddress('10.0.0.1', header, trust('3'))).toBe('198.51.100.1');
    });

    it('takes the leftmost entry when the header is shorter than the hop count', () => {
      expect(resolveClientAddress('10.0.0.1', '198.51.100.1', trust('3'))).toBe('198.51.100.1');
    });

    it('keeps the socket address when no header came', () => {
      expect(resolveClientAddress('10.0.0.1', undefined, trust('1'))).toBe('10.0.0.1');
    });

    it('cannot be steered by entries a client adds on the left', () => {
      for (const spoof of ['1.1.1.1', '2.2.2.2, 3.3.3.3', '127.0.0.1, 10.0.0.1, ::1']) {
        expect(resolveClientAddress('10.0.0.1', `${spoof}, 198.51.100.3`, trust('1'))).toBe('198.51.100.3');
      }
    });

    it('lets the forwarding hop stand in for an entry that is not an address', () => {
      expect(resolveClientAddress('10.0.0.1', '198.51.100.1, unknown', trust('1'))).toBe('10.0.0.1');
      expect(resolveClientAddress('10.0.0.1', 'junk, 192.0.2.8', trust('2'))).toBe('192.0.2.8');
    });

    it('reads bracketed IPv6 and ports', () => {
      expect(resolveClientAddress('10.0.0.1', '[2001:DB8::1]:443', trust('1'))).toBe('2001:db8::1');
      expect(resolveClientAddress('10.0.0.1', '198.51.100.4:5555', trust('1'))).toBe('198.51.100.4');
    });
  });

  describe('cidrs', () => {
    const proxies = trust('10.0.0.0/8, 2001:db8:ffff::/48');

    it('takes the first untrusted hop from the right', () => {
      expect(resolveClientAddress('10.0.0.1', '198.51.100.3, 10.0.0.2', proxies)).toBe('198.51.100.3');
      expect(resolveClientAddress('2001:db8:ffff::1', '2001:db8:1::5', proxies)).toBe('2001:db8:1::5');
    });

    it('ignores spoofed entries left of the first untrusted hop', () => {
      expect(resolveClientAddress('10.0.0.1', '6.6.6.6, 10.9.9.9, 198.51.100.3, 10.0.0.2', proxies)).toBe(
        '198.51.100.3',
      );
    });

    it('believes nothing from an untrusted socket', () => {
      expect(resolveClientAddress('192.0.2.50', '198.51.100.3', proxies)).toBe('192.0.2.50');
    });

    it('takes the leftmost hop when every hop is a trusted proxy', () => {
      expect(resolveClientAddress('10.0.0.1', '10.0.0.3, 10.0.0.2', proxies)).toBe('10.0.0.3');
    });

    it('lets the trusted proxy stand in for an entry that is not an address', () => {
      expect(resolveClientAddress('10.0.0.1', '198.51.100.3, nonsense', proxies)).toBe('10.0.0.1');
    });
  });
});

describe('clientNaming (the edge names a client from its connection and TRUST_PROXY)', () => {
  // The parts of a Node request it reads; the real server is exercised in tests/integration.
  const request = (remoteAddress: string, forwardedFor?: string, socket: object = { remoteAddress }) =>
    ({ socket, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as never;
  const naming = (trustProxy: TrustProxy) => {
    const named: string[] = [];
    const nameClient = clientNaming({
      trustProxy,
      identify: (address) => {
        named.push(address);
        return `id:${address}`;
      },
      clock: () => 0,
    });
    return { nameClient, named };
  };

  it('names the socket address without a trusted proxy, and the forwarded one with', () => {
    expect(naming(trust('')).nameClient(request('::ffff:127.0.0.9', '198.51.100.3'))).toBe('id:127.0.0.9');
    expect(naming(trust('1')).nameClient(request('127.0.0.9', '198.51.100.3'))).toBe('id:198.51.100.3');
  });

  it('resolves the address once per connection without a trusted proxy', () => {
    const { nameClient, named } = naming(trust(''));
    const socket = { remoteAddress: '127.0.0.9' };
    nameClient(request('127.0.0.9', undefined, socket));
    (socket as { remoteAddress: string }).remoteAddress = '127.0.0.10';
    nameClient(request('127.0.0.10', undefined, socket));
    expect(named).toEqual(['127.0.0.9', '127.0.0.9']);
  });

  it('names the shared "unknown" client when the socket has no address', () => {
    expect(naming(trust('')).nameClient(request(undefined as never))).toBe(`id:${UNKNOWN_ADDRESS}`);
  });
});
