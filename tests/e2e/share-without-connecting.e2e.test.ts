// A partner shares without connecting an account: the text on "Ready to share" is the message
// rendered for the partner with the signpost; "Copy text" puts exactly that on the clipboard, the
// X link opens X's own composer with the same text, and "I shared this" is counted. Inside the
// partner's blackout nothing is offered to copy, open or download. The share is counted on the
// campaign lead's amplification view, where a partner that has not shared can be reminded.
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { SETTLED, launchBrowser, signIn } from '../support/browser';
import { seededIds } from '../support/accessibility-pages';

const { baseUrl, databaseUrl } = inject('e2e');
const PARTNER = 'partner@manchester-city-council.example';
const LEAD = 'lead@nw-rocu.example';
let browser: Browser;
const database = new pg.Client({ connectionString: databaseUrl });

beforeAll(async () => {
  browser = await launchBrowser();
  await database.connect();
});
afterAll(async () => {
  await database.end();
  await browser.close();
});

it('a partner copies the text, opens X with it, and says they shared it', async () => {
  const { rows: signposts } = await database.query<{ phone: string }>(
    'SELECT phone FROM signpost_versions ORDER BY version DESC LIMIT 1',
  );
  const phone = signposts[0]!.phone;
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  await signIn(page, baseUrl, PARTNER);
  await page.waitForURL(`${baseUrl}/`);
  await page.goto(`${baseUrl}/`, SETTLED);
  await page.getByRole('heading', { name: 'Ready to share', level: 1 }).waitFor();
  // A partner's navigation, not the forces' with parts hidden.
  const navigation = page.getByRole('navigation').first();
  await expect.poll(() => navigation.getByRole('link', { name: 'Shared' }).count()).toBe(1);
  expect(await navigation.getByRole('link', { name: 'Campaigns' }).count()).toBe(0);
  expect(await navigation.getByRole('link', { name: 'Approvals' }).count()).toBe(0);

  const card = page.getByRole('article').first();
  const shown = (await card.getByTestId('text-x').textContent()) ?? '';
  expect(shown).toContain(phone);
  expect(shown).toContain('utm_content=manchester-city-council');
  await page.screenshot({ path: '/tmp/partner-home.png', fullPage: false });

  await card.getByRole('button', { name: 'Copy text' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

  const href = (await card.getByTestId('open-x').getAttribute('href')) ?? '';
  const intent = new URL(href);
  expect(`${intent.origin}${intent.pathname}`).toBe('https://x.com/intent/post');
  expect(intent.searchParams.get('text')).toBe(shown);

  await card.getByRole('button', { name: 'I shared this' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Link to your post (optional)').fill('http://x.com/manchester/status/1');
  await dialog.getByRole('button', { name: 'Record it' }).click();
  await dialog.getByRole('alert').getByText('must start with https://').waitFor();
  await dialog
    .getByLabel('Link to your post (optional)')
    .fill('https://x.com/ManCityCouncil/status/1861');
  await dialog.getByRole('button', { name: 'Record it' }).click();
  await page.getByText('Counted: shared on X.').waitFor();
  await card.getByText('Shared on X').waitFor();
  await page.screenshot({ path: '/tmp/partner-home-shared.png', fullPage: false });

  const { rows } = await database.query<{ platform: string; url: string }>(
    `SELECT platform, url FROM shares
      WHERE "organisationId" = (SELECT id FROM organisations WHERE slug = 'manchester-city-council')`,
  );
  expect(rows).toEqual([{ platform: 'x', url: 'https://x.com/ManCityCouncil/status/1861' }]);
  const messageId = ((await card.getAttribute('aria-labelledby')) ?? '').replace(/^title-/, '');
  await page.goto(`${baseUrl}/shared`, SETTLED);
  await expect.poll(() => page.getByTestId('share-row').count()).toBe(1);
  await context.close();

  // The lead's amplification view counts it, for the week the message was approved in.
  const { rows: facts } = await database.query<{ campaignId: string; week: string }>(
    `SELECT "campaignId",
            to_char(("approvedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS week
       FROM messages WHERE id = $1`,
    [messageId],
  );
  const { campaignId, week } = facts[0]!;
  const leadContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const lead = await leadContext.newPage();
  await signIn(lead, baseUrl, LEAD);
  await lead.waitForURL(`${baseUrl}/`);
  await lead.goto(`${baseUrl}/reach/amplification?campaign=${campaignId}&week=${week}`, SETTLED);
  await lead.getByRole('heading', { name: 'Amplification', level: 1 }).waitFor();
  const row = lead.locator(
    `[data-testid="amplification-row"][data-partner="manchester-city-council"][data-message="${messageId}"]`,
  );
  expect(await row.getAttribute('data-shared')).toBe('true');
  await row.getByText('Shared without connecting').waitFor();
  expect(await row.getByRole('link', { name: /^X/ }).getAttribute('href')).toBe(
    'https://x.com/ManCityCouncil/status/1861',
  );
  await lead.screenshot({ path: '/tmp/amplification-1280.png', fullPage: true });

  // A partner that has not shared it is reminded once; the page says so.
  const waiting = lead.locator(
    `[data-testid="not-shared-row"][data-partner="cheshire-east-council"][data-message="${messageId}"]`,
  );
  await waiting.getByRole('button', { name: /^Remind Cheshire East Council/ }).click();
  await lead.getByText('Cheshire East Council is reminded').waitFor();
  await waiting.getByText(/one reminder a day per message/).waitFor();
  expect(await waiting.getByRole('button', { name: /^Remind/ }).count()).toBe(0);
  await lead.setViewportSize({ width: 390, height: 844 });
  await lead.screenshot({ path: '/tmp/amplification-390.png', fullPage: true });
  await leadContext.close();
});

it("shows a partner the campaign's approved messages without tabs they can never use", async () => {
  const ids = await seededIds(databaseUrl);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, PARTNER);
  await page.waitForURL(`${baseUrl}/`);
  await page.goto(`${baseUrl}/campaigns/${ids.campaign}`, SETTLED);
  await page.getByRole('tab', { name: /Approved/ }).waitFor();
  expect(await page.getByRole('tab', { name: /In review/ }).count()).toBe(0);
  expect(await page.getByRole('tab', { name: /Drafts/ }).count()).toBe(0);
  await context.close();
});

it("offers nothing to copy, open or download inside the partner's blackout", async () => {
  await database.query(
    `INSERT INTO blackouts (id, "organisationId", reason, "startsAt", "endsAt", "createdById")
     SELECT 'e2e-blackout', organisations.id, 'Pre-election period', now() - interval '1 hour',
            now() + interval '7 days', users.id
       FROM organisations, users
      WHERE organisations.slug = 'manchester-city-council' AND users.email = $1`,
    [PARTNER],
  );
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, PARTNER);
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/`, SETTLED);
    await page.getByTestId('quiet-period').first().waitFor();
    expect(await page.getByRole('button', { name: 'Copy text' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Open .* to post/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /share pack/ }).count()).toBe(0);
    await context.close();
  } finally {
    await database.query(`DELETE FROM blackouts WHERE id = 'e2e-blackout'`);
  }
});
