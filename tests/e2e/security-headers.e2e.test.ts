// The headers and cookies a security review checks, on the production build: a page, an API
// route and an image all carry them; the page's scripts carry the response's nonce; and signing in
// and opening the dashboard raises no CSP violation in Chromium. HSTS and Secure cookies hold only
// when production is served over HTTPS, which this build is not: their rules are unit-tested in
// lib/security/security-headers.test.ts.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signIn, DEMO_PASSWORD } from '../support/browser';
import { solidImage } from '../support/images';

const { baseUrl } = inject('e2e');
const PAGES = [
  '/',
  '/campaigns',
  '/schedule',
  '/approvals',
  '/reach',
  '/audit',
  '/settings',
  '/settings/signpost',
];

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get('content-security-policy') ?? '';
  const scripts = /(?:^|; )script-src ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts.some((source) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(source))).toBe(true);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(csp).toMatch(/(?:^|; )frame-ancestors 'none'(?:;|$)/);
  expect(csp).toMatch(/(?:^|; )object-src 'none'(?:;|$)/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  // Served over plain HTTP: no HSTS.
  expect(response.headers.get('strict-transport-security')).toBeNull();
  return csp;
}

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

async function signInOverHttp(email: string): Promise<{ cookie: string; setCookie: string[] }> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const setCookie = response.headers.getSetCookie();
  return { cookie: setCookie.map((value) => value.split(';')[0]).join('; '), setCookie };
}

describe('security headers', () => {
  it('are on every page, with a new nonce each time, carried by every script', async () => {
    const [first, second] = [await fetch(`${baseUrl}/sign-in`), await fetch(`${baseUrl}/sign-in`)];
    expect(first.status).toBe(200);
    const nonce = nonceOf(expectSecurityHeaders(first));
    expect(nonce).toBeDefined();
    expect(nonceOf(expectSecurityHeaders(second))).not.toBe(nonce);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });

  it('are on the signed-in dashboard, whose scripts carry the nonce too', async () => {
    const { cookie } = await signInOverHttp('comms@lancashire.example');
    const response = await fetch(`${baseUrl}/`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const nonce = nonceOf(expectSecurityHeaders(response));
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });

  it('are on API routes, their errors included', async () => {
    expectSecurityHeaders(await fetch(`${baseUrl}/api/v1/health`));
    const refused = await fetch(`${baseUrl}/api/v1/me`);
    expect(refused.status).toBe(401);
    expectSecurityHeaders(refused);
    expectSecurityHeaders(await fetch(`${baseUrl}/api/v1/openapi.json`));
  });

  it('are on media, and on a media URL that names no image', async () => {
    const token = await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'comms@lancashire.example', password: DEMO_PASSWORD }),
    }).then(async (response) => ((await response.json()) as { token: string }).token);
    const form = new FormData();
    form.set(
      'file',
      new Blob([new Uint8Array(await solidImage('jpeg'))], { type: 'image/jpeg' }),
      'a.jpg',
    );
    const uploaded = await fetch(`${baseUrl}/api/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    expectSecurityHeaders(uploaded);
    const { id } = (await uploaded.json()) as { id: string };
    const image = await fetch(`${baseUrl}/media/${id}/original`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expectSecurityHeaders(image);
    const missing = await fetch(`${baseUrl}/media/${id.replace(/.$/, 'x')}/original`);
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
  });
});

describe('session cookies', () => {
  it('are HttpOnly and SameSite=Lax (and not Secure over plain HTTP)', async () => {
    const { setCookie } = await signInOverHttp('lead@nw-rocu.example');
    const session = setCookie.find((value) => value.startsWith('better-auth.session_token='));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Path=\//i);
    expect(session).not.toMatch(/;\s*Secure/i);
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('signing in, opening the dashboard and every page breaks no rule of the CSP; the cookie is HttpOnly', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Every violation the page reports, from its first script on (before any of the app's).
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(
          `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
        ),
      );
    });
    const consoleViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Permissions-Policy/i.test(message.text()))
        consoleViolations.push(message.text());
    });
    const violations = () =>
      page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

    await signIn(page, baseUrl, 'lead@nw-rocu.example');
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await violations()).toEqual([]);
    // A page opened by client-side navigation loads more chunks: they must be allowed too.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Schedule', exact: true })
      .click();
    await page.waitForURL(`${baseUrl}/schedule**`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await violations()).toEqual([]);
    // And every page, opened afresh, with whatever it draws once hydrated.
    for (const path of PAGES) {
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
      expect({ path, violations: await violations() }).toEqual({ path, violations: [] });
    }
    expect(consoleViolations).toEqual([]);

    const session = (await context.cookies()).find(
      (cookie) => cookie.name === 'better-auth.session_token',
    );
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await context.close();
  });
});
