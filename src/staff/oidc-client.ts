import * as client from 'openid-client';
import type { StaffConfig } from '../config/config.ts';
import type { Clock } from '../platform/clock.ts';
import type { StaffMember, StaffStore } from '../store/staff-store.ts';
import { OIDC_PENDING_MS, type OidcSignIn } from './oidc.ts';
import { looksLikeSecret, newSecret, secretHash } from './secrets.ts';

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
}

/**
 * OpenID Connect through `openid-client` 6 (a certified relying party):
 * authorization code flow with PKCE (S256), state and nonce. What a started
 * sign-in must remember is kept server-side as a one-time token (its hash
 * only) that the browser names in a short-lived Lax cookie, so a callback
 * that is replayed, forged or comes from another browser finds nothing. The
 * provider's metadata is discovered at the first sign-in (the server starts
 * even when the provider is down) and must name the configured issuer. The
 * member is found by the configured claim of the verified ID token: by their
 * linked OIDC id (Entra ID: `oid`, stable and unique in the tenant), or,
 * with OIDC_STAFF_CLAIM=email, by a verified email address.
 */
export async function createOidcSignIn(
  settings: NonNullable<StaffConfig['oidc']>,
  deps: { staff: StaffStore; clock: Clock; redirectUri: URL; allowHttp: boolean },
): Promise<OidcSignIn> {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client
      .discovery(settings.issuer, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), {
        execute: deps.allowHttp && settings.issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = undefined; // try again at the next sign-in
        throw error;
      });
    return discovered;
  };

  const findMember = async (claims: client.IDToken): Promise<StaffMember | undefined> => {
    const value = claims[settings.claim];
    if (typeof value !== 'string' || value === '') return undefined;
    const member =
      settings.claim === 'email'
        ? claims['email_verified'] === false
          ? undefined
          : await deps.staff.findStaffByEmail(value)
        : await deps.staff.findStaffByOidcSubject(value);
    return member?.active ? member : undefined;
  };

  return {
    async begin() {
      const config = await configuration();
      const pending: Pending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
      };
      const pendingId = newSecret();
      await deps.staff.createSigninToken({
        tokenHash: secretHash(pendingId, 'signin'),
        kind: 'oidc',
        staffId: null,
        data: JSON.stringify(pending),
        expiresAt: deps.clock() + OIDC_PENDING_MS,
      });
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: deps.redirectUri.href,
        scope: 'openid profile email',
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pendingId };
    },

    async complete(callbackUrl, pendingId) {
      if (!looksLikeSecret(pendingId)) return undefined;
      const used = await deps.staff.consumeSigninToken(secretHash(pendingId, 'signin'), 'oidc', deps.clock());
      if (!used?.data) return undefined;
      const pending = JSON.parse(used.data) as Pending;
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      return claims ? findMember(claims) : undefined;
    },
  };
}
