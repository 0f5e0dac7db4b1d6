import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * The session cookie: `__Host-personal`, HttpOnly, Secure, SameSite=Strict,
 * Path=/, no Domain. Chromium stores Secure and __Host- cookies from plain
 * http://localhost and http://127.0.0.1 too (potentially trustworthy
 * origins; tested in tests/browser/staff-sign-in.test.ts), so development
 * on loopback uses the same cookie; config refuses a non-loopback http SITE_URL.
 * Only staff routes ever read or set it: public responses never vary with it.
 */
const SESSION = 'personal';
/** The pending OIDC sign-in: Lax, because the provider sends the browser back on a cross-site navigation. */
const OIDC_PENDING = 'personal-oidc';

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION, 'host');
}

export function setSessionCookie(c: Context, id: string, maxAgeMs: number): void {
  setCookie(c, SESSION, id, {
    prefix: 'host',
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Strict',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION, { prefix: 'host', path: '/', secure: true, httpOnly: true, sameSite: 'Strict' });
}

export function readOidcCookie(c: Context): string | undefined {
  return getCookie(c, OIDC_PENDING, 'host');
}

export function setOidcCookie(c: Context, id: string, maxAgeMs: number): void {
  setCookie(c, OIDC_PENDING, id, {
    prefix: 'host',
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearOidcCookie(c: Context): void {
  deleteCookie(c, OIDC_PENDING, { prefix: 'host', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' });
}
