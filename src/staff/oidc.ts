import type { StaffMember } from '../store/staff-store.ts';

/** How long a started sign-in may take at the provider. */
export const OIDC_PENDING_MS = 10 * 60_000;

/** Sign-in through an OpenID Connect provider (authorization code + PKCE, state and nonce). */
export interface OidcSignIn {
  /** Starts a sign-in: where to send the browser, and the id of the pending sign-in (for a short-lived cookie). */
  begin(): Promise<{ url: URL; pendingId: string }>;
  /**
   * Completes it from the URL the provider sent the browser back to; the
   * member on the staff list the ID token names, or undefined (wrong or
   * missing state, a used code, an unlisted or deactivated person …).
   */
  complete(callbackUrl: URL, pendingId: string | undefined): Promise<StaffMember | undefined>;
}
