// The headers every response carries (pages, API routes, media), built by proxy.ts for each
// request. Pure: the nonce and the mode come in, the header values go out, so each rule is
// unit-tested, including the production-only ones the e2e build over plain HTTP cannot show.

export interface SecurityHeaderOptions {
  /** Fresh for every request (proxy.ts); Next.js puts it on each of its own scripts. */
  nonce: string;
  /** `next dev`: React's development build evaluates strings, so it needs 'unsafe-eval'. */
  development: boolean;
  /** Production served over HTTPS (servedOverHttps): HSTS and upgrading every request. */
  https: boolean;
}

const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

/**
 * Scripts run only with this response's nonce, or when loaded by a script that has it
 * ('strict-dynamic': how Next.js loads its chunks); never inline script without the nonce.
 * Styles keep 'unsafe-inline': Mantine sets its CSS variables in `style` attributes on nearly every
 * element, which no nonce can cover (nonces apply to elements, not attributes), and a nonce in
 * style-src would make browsers ignore 'unsafe-inline'. Injected CSS can restyle, not run script.
 */
export function contentSecurityPolicy({ nonce, development, https }: SecurityHeaderOptions) {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    'style-src': ["'self'", "'unsafe-inline'"],
    // blob: for the composer's preview of an image not yet uploaded; data: for inline SVG icons.
    'img-src': ["'self'", 'blob:', 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`);
  if (https) policy.push('upgrade-insecure-requests');
  return policy.join('; ');
}

/** Every security header, by name. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Signpost uses none of these; a script that got in could not reach them either.
    'Permissions-Policy': [
      'camera=()',
      'microphone=()',
      'geolocation=()',
      'payment=()',
      'usb=()',
      'display-capture=()',
      'browsing-topics=()',
    ].join(', '),
    // Older browsers that ignore frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(options.https
      ? { 'Strict-Transport-Security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` }
      : {}),
  };
}

/**
 * HTTPS-only rules (HSTS, Secure cookies, upgrading requests) hold in production when the app's
 * public address is https. A production build on plain HTTP (`next start` on a laptop, the e2e
 * suite) gets neither: browsers ignore HSTS over HTTP and refuse Secure cookies outside localhost.
 */
export function servedOverHttps(settings: { NODE_ENV: string; APP_URL: string }): boolean {
  return settings.NODE_ENV === 'production' && new URL(settings.APP_URL).protocol === 'https:';
}

/** A nonce: 128 random bits, base64 (Web Crypto, so it runs wherever proxy.ts runs). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
