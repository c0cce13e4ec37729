// "Ready to schedule" in Chromium (issue 10): a comms officer opens the page from the
// navigation, clicks a suggested time, and the post is scheduled at that time on that channel
// (the database says so) and the channel is no longer offered; then does the same with the
// keyboard alone on another channel.
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, SETTLED, signIn } from '../support/browser';

const { baseUrl, databaseUrl } = inject('e2e');
let browser: Browser;
let database: pg.Client;
let page: Page;
/** The message the test schedules: the newest waiting one, as the page lists it first. */
let message: { id: string; title: string };

beforeAll(async () => {
  browser = await launchBrowser();
  database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
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
    [message.id, 'comms@lancashire.example'],
  );
  await database.end();
});

const posts = async () =>
  (
    await database.query<{ channelId: string; scheduledAt: Date; status: string }>(
      `SELECT "channelId", "scheduledAt", status FROM posts WHERE "messageId" = $1
         AND "organisationId" = (SELECT id FROM organisations WHERE slug = 'lancashire')`,
      [message.id],
    )
  ).rows;

const article = () => page.getByRole('article', { name: message.title, exact: true });
const scheduledNotice = () => page.getByText(`Scheduled “${message.title}” on `, { exact: false });

it('a comms officer schedules a message at a suggested time with one click', async () => {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Ready to schedule' })
    .click();
  await page.waitForURL(`${baseUrl}/schedule/ready`);
  await page.getByRole('heading', { level: 1, name: 'Ready to schedule' }).waitFor();
  const first = page
    .getByTestId('ready-message')
    .first()
    .getByRole('heading', { level: 2 })
    .getByRole('link');
  message = {
    id: (await first.getAttribute('href'))!.replace('/messages/', ''),
    title: (await first.textContent())!,
  };
  await article().waitFor();
  const before = await posts();

  const slot = article().getByTestId('ready-slot').first();
  const name = (await slot.getAttribute('aria-label')) ?? '';
  expect(name).toMatch(/^Schedule for \w{3} \d{1,2} \w{3}, \d{2}:\d{2} on /);
  await slot.click();
  await scheduledNotice().waitFor();

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
});

it('and with the keyboard alone on another channel', async () => {
  await page.goto(`${baseUrl}/schedule/ready`, SETTLED);
  const before = await posts();
  const slot = article().getByTestId('ready-slot').first();
  await slot.focus();
  await page.keyboard.press('Enter');
  await scheduledNotice().waitFor();
  expect((await posts()).length).toBe(before.length + 1);
  // The answer has the focus, so the next Tab starts from where the person is.
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(
    `Scheduled “${message.title}”`,
  );
});
