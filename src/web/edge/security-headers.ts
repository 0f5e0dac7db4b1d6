/**
 * The headers every response carries, whoever produced it (static file,
 * API, Astro-rendered page, refusal, error). One list, written with every
 * response's head (src/web/edge/secured-response.ts).
 */

/**
 * The site has no inline script or style anywhere (Astro's CSP helper is off:
 * its `<meta>` CSP would repeat frame-ancestors, which browsers ignore there
 * with a console error), so one strict policy in the header fits every page.
 */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "script-src 'self'",
  "style-src 'self'",
] as const;

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_DIRECTIVES.join('; '),
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
