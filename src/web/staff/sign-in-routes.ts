import type { Context } from 'hono';
import { z } from 'zod';
import { sendSigninLink, signInWithLink } from '../../staff/email-link.ts';
import { OIDC_PENDING_MS } from '../../staff/oidc.ts';
import { signOut, startSession } from '../../staff/sessions.ts';
import { clientIdOf } from '../../http/request-context.ts';
import { forbiddenPage, notFoundPage, startPage, tooManyPage } from './pages/common-pages.ts';
import { linkFailedPage, linkPage, signedInPage, signInPage } from './pages/sign-in-pages.ts';
import {
  clearOidcCookie,
  clearSessionCookie,
  readOidcCookie,
  readSessionCookie,
  setOidcCookie,
  setSessionCookie,
} from './session-cookie.ts';
import { formValue } from './staff-context.ts';
import type { StaffWebDeps } from './staff-deps.ts';
import { LAGESBILD_PATH, SIGN_IN_PATH, START_PATH } from './staff-paths.ts';

const EMAIL = z.email();

function signInState(deps: StaffWebDeps) {
  return {
    emailLinks: deps.config.staff.emailLinks,
    oidcName: deps.oidc ? deps.config.staff.oidc?.providerName : undefined,
  };
}

async function limited(c: Context, deps: StaffWebDeps, email?: string): Promise<Response | undefined> {
  // The edge's name for the client (its keyed, daily-changing hash; never the address).
  const decision = await deps.limiter.allow(clientIdOf(c), email);
  if (decision.allowed) return undefined;
  c.header('Retry-After', String(decision.retryAfterSeconds));
  return c.html(tooManyPage(decision.retryAfterSeconds), 429);
}

/** GET /personal/inloggning */
export function showSignIn(c: Context, deps: StaffWebDeps) {
  if (c.get('signedIn')) return c.redirect(START_PATH, 303);
  return c.html(
    signInPage({
      ...signInState(deps),
      sent: c.req.query('skickat') !== undefined,
      signedOut: c.req.query('utloggad') !== undefined,
      oidcFailed: c.req.query('misslyckad') !== undefined,
    }),
  );
}

/** POST /personal/inloggning: asks for a link. The answer never says whether the address is on the list. */
export async function requestLink(c: Context, deps: StaffWebDeps) {
  if (!deps.config.staff.emailLinks) return c.html(forbiddenPage(undefined), 403);
  const email = formValue(c.get('staffForm'), 'email').trim();
  if (!EMAIL.safeParse(email).success) {
    const message = email === '' ? 'Skriv din e-postadress' : 'Skriv e-postadressen som namn@exempel.se';
    return c.html(signInPage({ ...signInState(deps), email, errors: [{ field: 'email', message }] }), 422);
  }
  const refusal = await limited(c, deps, email);
  if (refusal) return refusal;
  // Not awaited: the answer (and its timing) is the same for every address.
  void sendSigninLink({ ...deps, siteUrl: deps.config.siteUrl, config: deps.config.staff }, email).catch(
    (error: unknown) => {
      deps.logger.error(
        { error: error instanceof Error ? error.name : 'UnknownError' },
        'staff: sign-in link not sent',
      );
    },
  );
  return c.redirect(`${SIGN_IN_PATH}?skickat`, 303);
}

/** GET /personal/inloggning/lank?kod=…: a page with one button; opening the link uses nothing up. */
export function showLink(c: Context) {
  return c.html(linkPage(c.req.query('kod')));
}

/** POST /personal/inloggning/lank: uses up the link and signs in with a new session id. */
export async function useLink(c: Context, deps: StaffWebDeps) {
  const refusal = await limited(c, deps);
  if (refusal) return refusal;
  const id = await signInWithLink(
    { ...deps, config: deps.config.staff },
    formValue(c.get('staffForm'), 'kod'),
    readSessionCookie(c),
  );
  if (!id) return c.html(linkFailedPage(), 400);
  setSessionCookie(c, id, deps.config.staff.sessionMaxMs);
  return c.redirect(START_PATH, 303);
}

/** GET /personal/inloggning/oidc: off to the provider. */
export async function beginOidc(c: Context, deps: StaffWebDeps) {
  if (!deps.oidc) return c.html(notFoundPage(undefined), 404);
  const refusal = await limited(c, deps);
  if (refusal) return refusal;
  const { url, pendingId } = await deps.oidc.begin();
  setOidcCookie(c, pendingId, OIDC_PENDING_MS);
  return c.redirect(url.href, 303);
}

/** GET /personal/inloggning/oidc/retur: the provider's answer. */
export async function completeOidc(c: Context, deps: StaffWebDeps) {
  if (!deps.oidc) return c.html(notFoundPage(undefined), 404);
  const refusal = await limited(c, deps);
  if (refusal) return refusal;
  const pendingId = readOidcCookie(c);
  clearOidcCookie(c);
  const callback = new URL(c.req.url);
  const public_ = new URL(callback.pathname + callback.search, deps.config.siteUrl);
  const member = await deps.oidc.complete(public_, pendingId).catch((error: unknown) => {
    deps.logger.info({ error: error instanceof Error ? error.name : 'UnknownError' }, 'staff: OIDC sign-in refused');
    return undefined;
  });
  if (!member) return c.redirect(`${SIGN_IN_PATH}?misslyckad`, 303);
  const id = await startSession({ ...deps, config: deps.config.staff }, member, 'oidc', readSessionCookie(c));
  setSessionCookie(c, id, deps.config.staff.sessionMaxMs);
  return c.html(signedInPage());
}

/** POST /personal/utloggning */
export async function signOutRoute(c: Context, deps: StaffWebDeps) {
  const signedIn = c.get('signedIn');
  if (signedIn) await signOut({ ...deps, config: deps.config.staff }, signedIn);
  clearSessionCookie(c);
  return c.redirect(`${SIGN_IN_PATH}?utloggad`, 303);
}

/** GET /personal/ */
export function showStart(c: Context) {
  const signedIn = c.get('signedIn');
  if (!signedIn) return c.redirect(SIGN_IN_PATH, 303);
  // Readers (the partners) have one thing here: the lägesbild. They land on this week's.
  if (signedIn.member.role === 'reader') return c.redirect(LAGESBILD_PATH, 303);
  return c.html(startPage(signedIn));
}
