// Single sign-on in Chromium (issue 12, point 3): an administrator's organisation set up against
// a local OpenID Connect provider; a person of its domain types their email on the sign-in page,
// is offered their organisation's single sign-on, goes through the provider and lands signed in,
// a member at the default role. Screenshots of the Settings page and the sign-in offer at desktop
// and phone widths go to SCREENSHOT_DIR when it is set.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser, signIn } from '../support/browser';
import { startOidcProvider } from '../support/oidc-provider';

const { baseUrl } = inject('e2e');
const DOMAIN = 'cumbria-sso.example';
let browser: Browser;
let provider: Awaited<ReturnType<typeof startOidcProvider>>;
let admin: string;

const api = (method: string, route: string, body?: unknown) =>
  fetch(`${baseUrl}/api/v1${route}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function screenshot(page: Page, name: string) {
  const folder = process.env.SCREENSHOT_DIR;
  if (folder) await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  browser = await launchBrowser();
  provider = await startOidcProvider();
  const token = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@nw-rocu.example', password: DEMO_PASSWORD }),
  });
  admin = ((await token.json()) as { token: string }).token;
  const registered = await api('PUT', '/organisations/cumbria/sso', {
    issuer: provider.issuer,
    clientId: 'signpost-cumbria',
    clientSecret: 'a-secret-for-the-e2e-run',
    domains: [DOMAIN],
  });
  expect(registered.status).toBe(200);
});
afterAll(async () => {
  await api('DELETE', '/organisations/cumbria/sso');
  await provider.stop();
  await browser.close();
});

describe('single sign-on in the browser', () => {
  it('an administrator sees each organisation’s single sign-on in Settings', async () => {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await signIn(page, baseUrl, 'admin@nw-rocu.example');
      await page.waitForURL(`${baseUrl}/`);
      await page.goto(`${baseUrl}/settings/single-sign-on`);
      await page.getByRole('heading', { name: 'Cumbria Constabulary' }).waitFor();
      expect(await page.getByText(`Email domains: ${DOMAIN}`).isVisible()).toBe(true);
      expect(
        await page.getByText(`${baseUrl}/api/auth/sso/callback/cumbria`, { exact: true }).count(),
      ).toBe(1);
      const scrolls = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      expect(scrolls).toBe(false);
      await screenshot(page, `settings-single-sign-on-${width}`);
      await page
        .getByRole('button', { name: 'Change Cumbria Constabulary’s single sign-on' })
        .click();
      await page.getByRole('dialog').waitFor();
      await screenshot(page, `settings-single-sign-on-dialog-${width}`);
      await context.close();
    }
  });

  it('a person of the domain signs in through it and lands in the force at the default role', async () => {
    const email = `pat.jones@${DOMAIN}`;
    provider.as({ sub: 'entra-pat', email, name: 'Pat Jones' });
    const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('textbox', { name: 'Email' }).press('Tab');
    const offer = page.getByRole('link', {
      name: 'Sign in with Cumbria Constabulary’s single sign-on',
    });
    await offer.waitFor();
    await screenshot(page, 'sign-in-single-sign-on-390');
    await offer.click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.getByTestId('active-organisation').textContent()).toBe(
      'Cumbria Constabulary',
    );
    expect(await page.getByTestId('active-role').textContent()).toBe('Viewer');
    await context.close();
  });

  it('an email alone, whose domain has single sign-on, goes straight to the provider', async () => {
    const email = `sam.lee@${DOMAIN}`;
    provider.as({ sub: 'entra-sam', email, name: 'Sam Lee' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.getByTestId('active-role').textContent()).toBe('Viewer');
    await context.close();
  });
});
