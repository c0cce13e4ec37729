// "Ready to schedule" in Chromium (issue 10): a comms officer opens the page from the
// navigation, clicks a suggested time, and the post is scheduled at that time on that channel
// (the database says so) and the channel is no longer offered; then does the same with the
// keyboard alone on another channel.
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, SETTLED, signIn } from '../support/browser';
import { seededIds, type SeededIds } from '../support/accessibility-pages';

const { baseUrl, databaseUrl } = inject('e2e');
let browser: Browser;
let database: pg.Client;
let ids: SeededIds;
let page: Page;
const MESSAGE_TITLE = 'Real children, real harm';

beforeAll(async () => {
  browser = await launchBrowser();
  database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  ids = await seededIds(databaseUrl);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, baseUrl, 'comms@lancashire.example');
  await page.waitForURL(`${baseUrl}/`);
});

afterAll(async () => {
  await browser.close();
  // The posts made here go (the audit log keeps its events): other files count Lancashire's.
  await database.query(
    `DELETE FROM posts WHERE "messageId" = $1
       AND "createdById" = (SELECT id FROM users WHERE email = $2)`,
    [ids.approvedForForces, 'comms@lancashire.example'],
  );
  await database.end();
});

const posts = async () =>
  (
    await database.query<{ channelId: string; scheduledAt: Date; status: string }>(
      `SELECT "channelId", "scheduledAt", status FROM posts WHERE "messageId" = $1
         AND "organisationId" = (SELECT id FROM organisations WHERE slug = 'lancashire')`,
      [ids.approvedForForces],
    )
  ).rows;

const article = () => page.getByRole('article', { name: MESSAGE_TITLE });

it('a comms officer schedules a message at a suggested time with one click', async () => {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Ready to schedule' })
    .click();
  await page.waitForURL(`${baseUrl}/schedule/ready`);
  await page.getByRole('heading', { level: 1, name: 'Ready to schedule' }).waitFor();
  await article().waitFor();
  const before = await posts();

  const slot = article().getByTestId('ready-slot').first();
  const name = (await slot.getAttribute('aria-label')) ?? '';
  expect(name).toMatch(/^Schedule for \w{3} \d{1,2} \w{3}, \d{2}:\d{2} on /);
  await page.screenshot({ path: '/tmp/ready-page.png', fullPage: true });
  await slot.click();
  await page.getByText(/^Scheduled “Real children, real harm” on /).waitFor();

  const after = await posts();
  expect(after.length).toBe(before.length + 1);
  const made = after.find(
    (post) =>
      !before.some(
        (old) => old.channelId === post.channelId && +old.scheduledAt === +post.scheduledAt,
      ),
  );
  expect(made?.status).toBe('scheduled');
  // That channel no longer offers this time: the page was refreshed from the server.
  await expect
    .poll(async () => article().getByRole('button', { name, exact: true }).count())
    .toBe(0);
  await page.screenshot({ path: '/tmp/ready-after.png', fullPage: true });
});

it('and with the keyboard alone on another channel', async () => {
  await page.goto(`${baseUrl}/schedule/ready`, SETTLED);
  const before = await posts();
  const slot = article().getByTestId('ready-slot').first();
  await slot.focus();
  await page.keyboard.press('Enter');
  await page.getByText(/^Scheduled “Real children, real harm” on /).waitFor();
  expect((await posts()).length).toBe(before.length + 1);
  // The answer has the focus, so the next Tab starts from where the person is.
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(
    'Scheduled “Real children, real harm”',
  );
});
