import type { StaffConfig } from '../config/config.ts';
import type { Clock } from '../platform/clock.ts';
import type { SigninMethod, StaffMember, StaffStore } from '../store/staff-store.ts';
import { actorOf, type SignedIn } from './actor.ts';
import { looksLikeSecret, newSecret, secretHash } from './secrets.ts';

export interface SessionDeps {
  staff: StaffStore;
  clock: Clock;
  config: Pick<StaffConfig, 'sessionIdleMs' | 'sessionMaxMs'>;
}

/** Activity is written at most this often, so a busy page costs no write per request. */
export const TOUCH_INTERVAL_MS = 60_000;

/**
 * Starts a session for `member`: a new random id (only its hash is stored)
 * and CSRF token, ending the session the browser still carried if any, so
 * the id always changes at sign-in (no fixation). Returns the id for the cookie.
 */
export async function startSession(
  deps: SessionDeps,
  member: StaffMember,
  method: SigninMethod,
  previousId: string | undefined,
): Promise<string> {
  const now = deps.clock();
  const id = newSecret();
  await deps.staff.createSession(
    {
      idHash: secretHash(id, 'session'),
      staffId: member.id,
      csrfToken: newSecret(),
      now,
      expiresAt: now + deps.config.sessionMaxMs,
    },
    method,
    looksLikeSecret(previousId) ? secretHash(previousId, 'session') : undefined,
  );
  return id;
}

/** The member a session cookie signs in, or undefined (no, unknown, idle, expired session or a deactivated member). */
export async function resolveSession(deps: SessionDeps, id: string | undefined): Promise<SignedIn | undefined> {
  if (!looksLikeSecret(id)) return undefined;
  const now = deps.clock();
  const hash = secretHash(id, 'session');
  const session = await deps.staff.findSession(hash, now, deps.config.sessionIdleMs);
  if (!session) return undefined;
  if (now - session.lastSeenAt >= TOUCH_INTERVAL_MS) await deps.staff.touchSession(hash, now);
  return { member: session.staff, sessionHash: hash, csrfToken: session.csrfToken };
}

/** Ends the session on the server (the cookie alone is then worthless) and audits the sign-out. */
export async function signOut(deps: SessionDeps, signedIn: SignedIn): Promise<void> {
  await deps.staff.endSession(signedIn.sessionHash, actorOf(signedIn.member), deps.clock());
}
