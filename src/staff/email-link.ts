import type { Logger } from '../platform/logger.ts';
import type { SigninMailer } from '../delivery/mail/signin-mail.ts';
import { looksLikeSecret, newSecret, secretHash } from './secrets.ts';
import { startSession, type SessionDeps } from './sessions.ts';

/** A link signs in once, within this time (the 15 minutes). */
export const LINK_VALIDITY_MS = 15 * 60_000;

/** The path of the page a link opens; the token goes in the query (`?kod=`), which is never logged. */
export const LINK_PATH = '/personal/inloggning/lank';

export interface EmailLinkDeps extends SessionDeps {
  mailer: SigninMailer;
  logger: Logger;
  siteUrl: URL;
}

function linkText(url: string): string {
  return [
    'Hej!',
    '',
    'Någon (förhoppningsvis du) bad om att få logga in på personalsidorna för Tillsammans för trygghet.',
    'Öppna länken och tryck på knappen "Logga in" för att logga in:',
    '',
    url,
    '',
    'Länken fungerar en gång och i 15 minuter. Har du inte bett om den kan du strunta i det här mejlet.',
    '',
  ].join('\n');
}

/**
 * Emails a one-time link to `email` if it belongs to an active member, and
 * does nothing otherwise. The caller answers the same way either way and
 * does not wait for this, so neither the page nor its timing says whether
 * an address is on the staff list.
 */
export async function sendSigninLink(deps: EmailLinkDeps, email: string): Promise<void> {
  const member = await deps.staff.findStaffByEmail(email);
  if (!member?.active) return;
  const token = newSecret();
  await deps.staff.createSigninToken({
    tokenHash: secretHash(token, 'signin'),
    kind: 'email-link',
    staffId: member.id,
    data: null,
    expiresAt: deps.clock() + LINK_VALIDITY_MS,
  });
  const url = new URL(LINK_PATH, deps.siteUrl);
  url.searchParams.set('kod', token);
  await deps.mailer.send({
    to: member.email,
    subject: 'Din inloggningslänk – Tillsammans för trygghet',
    text: linkText(url.href),
  });
}

/**
 * Uses up the link's token and starts a session for its member; undefined
 * when the token is unknown, used, expired or its member deactivated.
 */
export async function signInWithLink(
  deps: SessionDeps,
  token: string | undefined,
  previousSessionId: string | undefined,
): Promise<string | undefined> {
  if (!looksLikeSecret(token)) return undefined;
  const used = await deps.staff.consumeSigninToken(secretHash(token, 'signin'), 'email-link', deps.clock());
  if (used?.staffId == null) return undefined;
  const member = await deps.staff.findStaffById(used.staffId);
  if (!member?.active) return undefined;
  return startSession(deps, member, 'email-link', previousSessionId);
}
