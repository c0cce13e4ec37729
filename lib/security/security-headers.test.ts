import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionCookieAttributes } from '../auth/session-cookies';
import {
  contentSecurityPolicy,
  createNonce,
  securityHeaders,
  servedOverHttps,
} from './security-headers';

const production = { nonce: 'bm9uY2U=', development: false, https: true };
const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((part) => part.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('security headers', () => {
  it('allows scripts only with the nonce, never inline without it, in every mode', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (development, https) => {
        const nonce = createNonce();
        const scripts = directive(
          contentSecurityPolicy({ nonce, development, https }),
          'script-src',
        );
        expect(scripts).toContain(`'nonce-${nonce}'`);
        expect(scripts).toContain("'strict-dynamic'");
        expect(scripts).not.toContain("'unsafe-inline'");
        expect(scripts?.includes("'unsafe-eval'")).toBe(development);
      }),
    );
  });

  it('refuses framing, plugins and foreign form targets', () => {
    const policy = contentSecurityPolicy(production);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'form-action')).toEqual(["'self'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'self'"]);
  });

  it('sends HSTS and upgrades requests only when production is served over HTTPS', () => {
    const secure = securityHeaders(production);
    expect(secure['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(secure['Content-Security-Policy']).toContain('upgrade-insecure-requests');
    const plain = securityHeaders({ ...production, https: false });
    expect(plain['Strict-Transport-Security']).toBeUndefined();
    expect(plain['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
  });

  it('sends the headers a security review asks for', () => {
    expect(securityHeaders(production)).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
    expect(securityHeaders(production)['Permissions-Policy']).toMatch(/camera=\(\)/);
  });

  it('makes a new nonce of 128 random bits each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });

  it('counts only production with an https address as served over HTTPS', () => {
    expect(servedOverHttps({ NODE_ENV: 'production', APP_URL: 'https://signpost.example' })).toBe(
      true,
    );
    expect(servedOverHttps({ NODE_ENV: 'production', APP_URL: 'http://localhost:3000' })).toBe(
      false,
    );
    expect(servedOverHttps({ NODE_ENV: 'development', APP_URL: 'https://signpost.example' })).toBe(
      false,
    );
  });
});

describe('session cookies', () => {
  it('are HttpOnly and SameSite=Lax always, and Secure over HTTPS', () => {
    expect(sessionCookieAttributes(true)).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
    });
    expect(sessionCookieAttributes(false)).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      secure: false,
    });
  });
});
