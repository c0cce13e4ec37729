import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from '../support/browser';

const { baseUrl } = inject('e2e');
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
});

describe('signing in and out', () => {
  it('a comms officer signs in, sees their organisation and role, and signs out', async () => {
    await signIn(page, baseUrl, 'comms@lancashire.example');
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hello, /);
    expect(await page.getByTestId('active-organisation').textContent()).toBe(
      'Lancashire Constabulary',
    );
    expect(await page.getByTestId('active-role').textContent()).toBe('Comms officer');
    const navigation = page.getByRole('navigation', { name: 'Main' });
    expect(await navigation.getByRole('link', { name: 'Schedule', exact: true }).isVisible()).toBe(
      true,
    );
    expect(await navigation.getByRole('link', { name: 'Approvals' }).count()).toBe(0);

    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(`${baseUrl}/sign-in`);
    // Signed out means signed out: the dashboard sends us back to sign in.
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(`${baseUrl}/sign-in`);
  });

  it('a wrong password is refused with a clear message and no session', async () => {
    await signIn(page, baseUrl, 'lead@nw-rocu.example', 'not-the-password');
    // Next's route announcer is an (empty) alert too: find ours by its words.
    const alert = page.getByRole('alert').filter({ hasText: 'Could not sign in' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The email or password is wrong');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.goto(`${baseUrl}/settings`);
    await page.waitForURL(/\/sign-in/);
  });

  it('a page the role may not see answers 403 with a plain explanation', async () => {
    await signIn(page, baseUrl, 'viewer@cumbria.example');
    await page.waitForURL(`${baseUrl}/`);
    const response = await page.goto(`${baseUrl}/approvals`);
    expect(response?.status()).toBe(403);
    // forbidden() sends the 403 page as the React payload, drawn once the page has hydrated.
    await page
      .getByRole('heading', { name: 'You don’t have access to this page' })
      .waitFor({ timeout: 10_000 });
  });

  it('a person with two organisations switches between them', async () => {
    await signIn(page, baseUrl, 'viewer@cumbria.example');
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.getByTestId('active-organisation').textContent()).toBe(
      'Cumbria Constabulary',
    );
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: /Lancashire County Council/ }).click();
    await expect
      .poll(() => page.getByTestId('active-organisation').textContent())
      .toBe('Lancashire County Council');
  });
});
