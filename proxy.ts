// Next.js runs this before every route (Next 16's name for middleware): a fresh CSP nonce for the
// request, and the security headers on every response — pages, API routes and media alike. The
// rules themselves are lib/security/security-headers.ts.
import { type NextRequest, NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { createNonce, securityHeaders, servedOverHttps } from '@/lib/security/security-headers';

export function proxy(request: NextRequest) {
  const settings = env();
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    development: settings.NODE_ENV === 'development',
    https: servedOverHttps(settings),
  });
  // Next.js reads the nonce from the request's CSP header and puts it on every script it renders
  // (app/layout.tsx renders each page per request, so no prerendered page carries a stale nonce).
  const forwarded = new Headers(request.headers);
  forwarded.set('Content-Security-Policy', headers['Content-Security-Policy'] ?? '');
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's own hashed build files, which are served as they are.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
