import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider from 'oidc-provider';

/** A real OpenID Connect provider (npm oidc-provider 9) on loopback, with its development login pages. */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Where the provider's redirects to the registered redirect URI really
   * send the browser (a test may rewrite them, e.g. to forge the state);
   * by default unchanged. Every such return is recorded in `returns`.
   */
  onReturn: (url: URL) => URL;
  returns: URL[];
  stop(): Promise<void>;
}

/**
 * Starts oidc-provider at http://localhost:<port> (another site than the
 * server's 127.0.0.1, so the return from the provider is a cross-site
 * navigation, as from Entra ID). Any login name signs in (the provider's
 * development interactions); its ID token carries `sub`, an Entra-style
 * `oid` ("oid-<login>") and a verified `email` ("<login>@huge.se").
 * PKCE is required, as Entra ID allows it to be.
 */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  const issuer = `http://localhost:${port}`;
  const clientId = 'tillsammans-for-trygghet';
  const clientSecret = 'test-client-secret-0123456789abcdef';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['oid', 'name'], email: ['email', 'email_verified'] },
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, oid: `oid-${sub}`, name: sub, email: `${sub}@huge.se`, email_verified: true }),
    }),
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true } },
  });
  const callback = provider.callback() as typeof handle;
  const test: TestOidcProvider = {
    issuer,
    clientId,
    clientSecret,
    onReturn: (url) => url,
    returns: [],
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  // The redirect URI names SITE_URL (the build's http://localhost:4321); the server under test
  // listens elsewhere, so the provider's answer is sent on to where `onReturn` says, as a proxy would.
  handle = (req, res) => {
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name, value) => {
      if (name.toLowerCase() === 'location' && typeof value === 'string' && value.startsWith(redirectUri)) {
        const url = new URL(value);
        test.returns.push(url);
        return setHeader(name, test.onReturn(new URL(url)).href);
      }
      return setHeader(name, value);
    };
    callback(req, res);
  };
  return test;
}
