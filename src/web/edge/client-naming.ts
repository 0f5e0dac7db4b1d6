import type { IncomingMessage } from 'node:http';
import type { TrustProxy } from '../../config/trust-proxy.ts';
import { resolveClientAddress } from '../../http/client-address.ts';

export interface ClientNamingDeps {
  trustProxy: TrustProxy;
  /**
   * The limiter's keyed, daily-changing hash of an address
   * (`createClientIdentifier`), which remembers its answer per connection.
   */
  identify: (address: string, now: number, connection: object) => string;
  clock: () => number;
}

/**
 * Names a request's client for the rate limiter: its address (the socket's,
 * or X-Forwarded-For as far as TRUST_PROXY allows; src/http/client-address.ts)
 * hashed by `identify`. Without a trusted proxy the address is the
 * connection's, so it is resolved once per connection and the name comes
 * from the connection's memo; behind a proxy (one connection carries many
 * clients) the header is read per request. The address itself is never
 * kept beyond the connection, logged or passed on.
 */
export function clientNaming({ trustProxy, identify, clock }: ClientNamingDeps): (incoming: IncomingMessage) => string {
  const addressOfConnection = new WeakMap<object, string>();
  return function nameClient(incoming) {
    const socket = incoming.socket;
    let address: string;
    if (trustProxy.kind === 'none') {
      address = addressOfConnection.get(socket) ?? resolveClientAddress(socket.remoteAddress, undefined, trustProxy);
      addressOfConnection.set(socket, address);
    } else {
      const forwarded = incoming.headers['x-forwarded-for'];
      address = resolveClientAddress(
        socket.remoteAddress,
        Array.isArray(forwarded) ? forwarded.join(', ') : forwarded,
        trustProxy,
      );
    }
    return identify(address, clock(), socket);
  };
}
