// Headless Chromium from Debian, driven by playwright-core (`npx playwright install` cannot
// download browsers here). The flags keep Chromium from reaching for the network at start.
import { type Browser, chromium, type Page } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * For `page.goto`: wait until the page has streamed in and hydrated. While a streamed page is
 * revealed, its markup is briefly in the document twice (once hidden), and a key pressed before
 * hydration can land on markup React is about to replace.
 */
export const SETTLED = { waitUntil: 'networkidle' } as const;

export const DEMO_PASSWORD = 'signpost-demo';

export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
