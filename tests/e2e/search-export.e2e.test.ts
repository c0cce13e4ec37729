// Search and find, exports (issue 10): a comms officer searches the Schedule page (the words stay
// in the address, the calendar honours them, a search that finds nothing says so and clears),
// reads where a message goes on its page, and makes, reads and revokes a calendar feed.
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { dayOf } from '@/lib/scheduling/london-time';
import { seededIds } from '../support/accessibility-pages';
import { launchBrowser, SETTLED, signIn } from '../support/browser';

const { baseUrl, databaseUrl } = inject('e2e');
let browser: Browser;
let database: pg.Client;
const POST_ID = '0e2e0000-5ea1-4c40-8000-000000000001';
const WORD = 'Zanzibarferry';
const AT = new Date(Date.now() + 3 * 86_400_000);
let ids: Awaited<ReturnType<typeof seededIds>>;
/** E2E_SCREENSHOTS=<folder> keeps a picture of each page, to look at by hand. */
const picture = async (page: Page, name: string) => {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
};

beforeAll(async () => {
  browser = await launchBrowser();
  database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  ids = await seededIds(databaseUrl);
  await database.query(
    `INSERT INTO posts (id, "messageId", "channelId", "organisationId", "campaignId", platform,
       "scheduledAt", status, text, "signpostVersion", "batchId", revision, attempts, "createdAt", "updatedAt")
     SELECT $1, $2, c.id, c."organisationId", $3, c.platform, $4, 'scheduled', $5, 1,
       gen_random_uuid(), 0, 0, now(), now()
     FROM channels c JOIN organisations o ON o.id = c."organisationId"
     WHERE o.slug = 'lancashire' AND c.platform = 'facebook' LIMIT 1`,
    [POST_ID, ids.approved, ids.campaign, AT, `The ${WORD} timetable. Call 0808 1000 900.`],
  );
});

afterAll(async () => {
  await browser.close();
  await database.query('DELETE FROM posts WHERE id = $1', [POST_ID]);
  await database.query(`DELETE FROM calendar_feeds WHERE label = 'E2E feed'`);
  await database.end();
});

it('searches the schedule, keeps the words in the address, and says when nothing matches', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, baseUrl, 'comms@lancashire.example');
  await page.waitForURL(`${baseUrl}/`);
  await page.goto(`${baseUrl}/schedule?view=all`, SETTLED);

  const box = page.getByRole('searchbox', { name: 'Search posts' });
  await box.fill(WORD.toLowerCase());
  await box.press('Enter');
  await page.waitForURL(/[?&]q=zanzibarferry/);
  await page.locator(`[data-post-id="${POST_ID}"]`).first().waitFor();
  // Only the one post has the word (a row shows its message's title, not its text).
  expect(await page.getByTestId('post-row').count()).toBe(1);
  await picture(page, 'schedule-search');
  // The export carries the search with the other filters.
  const exportHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  expect(exportHref).toContain('q=zanzibarferry');
  const csv = await page.request.get(`${baseUrl}${exportHref}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(POST_ID);

  // A reload keeps it: it is in the address.
  await page.reload(SETTLED);
  expect(await page.getByRole('searchbox', { name: 'Search posts' }).inputValue()).toBe(
    'zanzibarferry',
  );

  // The calendar honours it too.
  await page.goto(`${baseUrl}/schedule/calendar?show=list&date=${dayOf(AT)}&q=${WORD}`, SETTLED);
  await page.locator(`[data-post-id="${POST_ID}"]`).first().waitFor();
  await picture(page, 'calendar-search');

  await page.goto(`${baseUrl}/campaigns?q=help`, SETTLED);
  await page
    .locator('[data-testid="message-result"], [data-testid="no-matches"]')
    .first()
    .waitFor();
  await picture(page, 'campaigns-search');

  await page.goto(`${baseUrl}/schedule?view=all`, SETTLED);
  await page.getByRole('searchbox', { name: 'Search posts' }).fill('qqxqq-nothing');
  await page.getByRole('searchbox', { name: 'Search posts' }).press('Enter');
  await page.getByText('No posts match “qqxqq-nothing”').waitFor();
  await picture(page, 'schedule-no-match');
  await page.getByRole('link', { name: 'Clear the search' }).click();
  await page.waitForURL((url) => !url.searchParams.has('q'));
  await page.getByTestId('post-row').first().waitFor();
  await context.close();
});

it('lists where a message goes on its page, for the role’s own organisation only', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, baseUrl, 'comms@lancashire.example');
  await page.waitForURL(`${baseUrl}/`);
  await page.goto(`${baseUrl}/messages/${ids.approved}`, SETTLED);
  const section = page.getByRole('region', { name: 'Where it goes' });
  await section.waitFor();
  await section.locator(`#post-${POST_ID}`).waitFor();
  await picture(page, 'message-where-it-goes');
  const organisations = await section.getByTestId('where-it-goes-organisation').allTextContents();
  expect(organisations.every((text) => text.startsWith('Lancashire Constabulary'))).toBe(true);
  await context.close();

  // A partner with no posts of this message sees the empty state.
  const partner = await browser.newContext();
  const partnerPage = await partner.newPage();
  await signIn(partnerPage, baseUrl, 'partner@manchester-city-council.example');
  await partnerPage.waitForURL(`${baseUrl}/`);
  await partnerPage.goto(`${baseUrl}/messages/${ids.approved}`, SETTLED);
  await partnerPage.getByTestId('where-it-goes-empty').waitFor();
  await partner.close();
});

it('makes a calendar feed that a calendar can read, and revokes it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, baseUrl, 'comms@lancashire.example');
  await page.waitForURL(`${baseUrl}/`);
  await page.goto(`${baseUrl}/settings/calendar-feed?q=${WORD}`, SETTLED);
  await page.getByText(`the words “${WORD}”`).first().waitFor();
  await page.getByRole('textbox', { name: 'New feed' }).fill('E2E feed');
  await page.getByRole('button', { name: 'Create feed' }).click();
  const url = (await page.getByTestId('new-feed-url').textContent()) ?? '';
  expect(url).toContain('/api/v1/feeds/');
  await picture(page, 'calendar-feed');

  // Read as a calendar app would: no cookie, only the address.
  const feedPath = new URL(url).pathname;
  const feed = await fetch(`${baseUrl}${feedPath}`);
  expect(feed.status).toBe(200);
  expect(feed.headers.get('content-type')).toContain('text/calendar');
  const ics = await feed.text();
  expect(ics).toContain(`UID:post-${POST_ID}@`);
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  // Read only: the address takes nothing but GET.
  expect((await fetch(`${baseUrl}${feedPath}`, { method: 'POST' })).status).toBe(405);

  await page.getByRole('button', { name: 'Revoke the feed “E2E feed”' }).click();
  await page.getByText('Calendar feed revoked').first().waitFor();
  expect((await fetch(`${baseUrl}${feedPath}`)).status).toBe(404);
  await context.close();
});
