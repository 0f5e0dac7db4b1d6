/**
 * The headers every response carries, whoever produced it (static file,
 * API, Astro-rendered page, error). One list, applied by the front layer.
 */

/** Directives shared by the header CSP and Astro's per-page CSP (see astro.config.mjs). */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
] as const;

/** CSP for responses Astro did not render: no inline script or style at all. */
export const DEFAULT_CSP = [...CSP_DIRECTIVES, "script-src 'self'", "style-src 'self'"].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': DEFAULT_CSP,
  'Strict-Transport-Security': 'max-age=31536000',
  // same-origin, not no-referrer: under no-referrer browsers send `Origin: null`
  // on our own no-JavaScript form posts (see STACK-NOTES "Form posts").
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Sets the security headers through any header setter (Hono Headers or a Node response). */
export function applySecurityHeaders(set: (name: string, value: string) => void): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) set(name, value);
}
