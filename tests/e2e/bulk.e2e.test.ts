// Bulk work and CSV import on the Schedule page (issue 10), in Chromium: select two posts and move
// them by a day; release every held post after a pause; import a small CSV with a dry run, then
// for real. Each dialog that needs posts changed or held first gets its axe pass here.
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { wcagViolations } from '../support/accessibility';
import { ROLES, seededIds, type SeededIds } from '../support/accessibility-pages';
import { DEMO_PASSWORD, launchBrowser, signIn } from '../support/browser';

const { baseUrl, databaseUrl } = inject('e2e');
let browser: Browser;
let ids: SeededIds;
const database = new pg.Client({ connectionString: databaseUrl });

/** A UK day some weeks ahead, its own so other files' posts do not show on it. */
const ukDay = (daysAhead: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
    new Date(Date.now() + daysAhead * 86_400_000),
  );

async function leadToken(): Promise<string> {
  const answer = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ROLES['campaign lead'], password: DEMO_PASSWORD, label: 'bulk' }),
  });
  return ((await answer.json()) as { token: string }).token;
}

beforeAll(async () => {
  browser = await launchBrowser();
  await database.connect();
  ids = await seededIds(databaseUrl);
});
afterAll(async () => {
  await database.end();
  await browser.close();
});

async function signedIn(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, ROLES['campaign lead']);
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

async function axe(page: Page) {
  const violations = await wcagViolations(page);
  expect(violations, violations.join('\n')).toEqual([]);
}

it('selects two posts and moves them by a day; the result says post by post', async () => {
  const day = ukDay(45);
  const next = ukDay(46);
  const scheduled = await fetch(`${baseUrl}/api/v1/messages/${ids.approved}/schedule`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await leadToken()}` },
    body: JSON.stringify({
      organisations: ['lancashire'],
      platforms: ['x', 'facebook'],
      startAt: { date: day, time: '10:00' },
    }),
  });
  expect(scheduled.status).toBe(201);
  const { posts } = (await scheduled.json()) as { posts: { id: string }[] };

  const page = await signedIn();
  await page.goto(`${baseUrl}/schedule?view=all&from=${day}&to=${day}`);
  const boxes = page.getByRole('checkbox', { name: /^Select “/ });
  await expect.poll(() => boxes.count()).toBe(2);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const bar = page.getByRole('region', { name: 'Selected posts' });
  await bar.getByText('2 posts selected').waitFor();
  await bar.getByRole('button', { name: 'Move by…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move by 2 posts?' });
  await dialog.getByLabel('Move by').fill('1');
  await dialog.getByLabel('Unit').selectOption('days');
  await dialog.getByLabel('Direction').selectOption('later');
  await dialog.getByRole('button', { name: 'Move by 2 posts' }).click();

  const result = page.getByRole('dialog', { name: 'Moved: 2 of 2' });
  await result.waitFor();
  await expect.poll(() => result.getByTestId('bulk-done').getByRole('listitem').count()).toBe(2);
  await axe(page);
  await result.getByRole('button', { name: 'Done' }).click();

  const { rows } = await database.query<{ day: string; time: string }>(
    `SELECT to_char("scheduledAt" AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS day,
            to_char("scheduledAt" AT TIME ZONE 'Europe/London', 'HH24:MI') AS time
       FROM posts WHERE id = ANY($1)`,
    [posts.map((post) => post.id)],
  );
  expect(rows).toEqual([
    { day: next, time: '10:00' },
    { day: next, time: '10:00' },
  ]);
  await page.context().close();
}, 90_000);

it('releases every held post, saying when they go out', async () => {
  // Two of the seeded Cumbria posts, held as a pause would hold them.
  const held = await database.query<{ id: string }>(
    `UPDATE posts SET status = 'held', "heldReason" = 'Paused for every organisation: test'
      WHERE id IN (SELECT id FROM posts WHERE status = 'scheduled' ORDER BY "scheduledAt" DESC LIMIT 2)
      RETURNING id`,
  );
  const page = await signedIn();
  await page.goto(`${baseUrl}/schedule?view=attention`);
  await page.getByRole('button', { name: /^Release all held \(\d+\)$/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Release \d+ held posts?\?$/ });
  await dialog.getByText(/spread over the coming minutes/).waitFor();
  await axe(page);
  await dialog.getByRole('button', { name: /^Release \d+ held posts?$/ }).click();
  const result = page.getByRole('dialog', { name: /^Released: \d+ of \d+$/ });
  await result.waitFor();
  await result
    .getByText(/goes out/)
    .first()
    .waitFor();
  const { rows } = await database.query<{ status: string }>(
    `SELECT status FROM posts WHERE id = ANY($1)`,
    [held.rows.map((row) => row.id)],
  );
  expect(rows).toEqual([{ status: 'scheduled' }, { status: 'scheduled' }]);
  await page.context().close();
}, 90_000);

it('imports a small CSV: the dry run shows the plan, then the posts are scheduled', async () => {
  const day = ukDay(50);
  const page = await signedIn();
  await page.goto(`${baseUrl}/schedule`);
  await page.getByRole('button', { name: 'Import from CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import posts from a CSV file' });
  const file = (text: string) => ({
    name: 'week.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  // A bad row first: nothing is scheduled, and the line and column are named.
  await dialog
    .locator('input[type="file"]')
    .setInputFiles(
      file(
        `message,organisation,platform,date,time\n${ids.approved},lancashire,myspace,${day},09:00\n`,
      ),
    );
  await dialog.getByRole('button', { name: 'Check the file' }).click();
  await dialog.getByText(/Line 2, platform: myspace is not a platform/).waitFor();
  await axe(page);

  await dialog
    .locator('input[type="file"]')
    .setInputFiles(
      file(
        `platform,organisation,message,date,time\nfacebook,lancashire,${ids.approved},${day},09:00\nfacebook,cumbria,${ids.approved},${day},09:30\n`,
      ),
    );
  await dialog.getByRole('button', { name: 'Check the file' }).click();
  await expect.poll(() => dialog.getByTestId('import-plan').getByRole('row').count()).toBe(3);
  await axe(page);
  const before = await database.query(`SELECT count(*)::int AS n FROM posts`);
  await dialog.getByRole('button', { name: 'Schedule 2 posts' }).click();
  await page.getByText('Scheduled 2 posts from week.csv.').waitFor();
  const after = await database.query(`SELECT count(*)::int AS n FROM posts`);
  expect(after.rows[0].n - before.rows[0].n).toBe(2);
  await page.context().close();
}, 90_000);
