// An administrator reconnects a channel the platform refused, from Settings: the reason shows,
// the form asks for the platform's own fields, and the channel is active again.
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from '../support/browser';

const { baseUrl, databaseUrl } = inject('e2e');
let browser: Browser;
const database = new pg.Client({ connectionString: databaseUrl });

beforeAll(async () => {
  browser = await launchBrowser();
  await database.connect();
  await database.query(
    `UPDATE channels SET status = 'needs_reauth', "statusReason" = 'X: Unauthorized (HTTP 401)'
     WHERE platform = 'x' AND "organisationId" = (SELECT id FROM organisations WHERE slug = 'cumbria')`,
  );
});
afterAll(async () => {
  await database.end();
  await browser.close();
});

it('an administrator reconnects a channel that needs re-authorising', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, 'admin@nw-rocu.example');
  await page.waitForURL(`${baseUrl}/`);
  await page.goto(`${baseUrl}/settings`);

  const row = page.getByRole('row').filter({ hasText: 'Cumbria Constabulary' }).filter({
    hasText: 'Needs re-authorising',
  });
  await expect.poll(() => row.count()).toBe(1);
  await expect.poll(() => row.textContent()).toContain('X: Unauthorized (HTTP 401)');
  // X reconnects by OAuth (connect-channel-oauth.e2e.test.ts); its tokens can still be typed in.
  await row.getByRole('button', { name: 'Credentials' }).click();

  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('OAuth 2.0 user access token').fill('cumbria-new-token');
  await dialog.getByLabel('Access token expires at').fill('next Tuesday');
  await dialog.getByRole('button', { name: 'Save and activate' }).click();
  // The platform's shape is checked: the field that is wrong is named beside it.
  await dialog.getByText(/Invalid ISO datetime/i).waitFor();

  await dialog.getByLabel('Access token expires at').fill('');
  await dialog.getByRole('button', { name: 'Save and activate' }).click();
  await page.getByText('Channel connected.').waitFor();
  await expect.poll(() => row.count()).toBe(0);

  const { rows } = await database.query<{ status: string }>(
    `SELECT status FROM channels WHERE platform = 'x'
       AND "organisationId" = (SELECT id FROM organisations WHERE slug = 'cumbria')`,
  );
  expect(rows).toEqual([{ status: 'active' }]);
  await context.close();
});
