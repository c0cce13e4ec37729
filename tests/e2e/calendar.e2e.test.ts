// A comms officer plans on the calendar (issue 10): drags a post to another day and it moves
// (the database says so, at the same UK time of day), undoes it from the toast, is refused with
// the reason when dropping it into a blackout or the past (and the post is back where it was),
// and moves it with the keyboard alone: focus the post, Enter, "Reschedule…", a new time.
import pg from 'pg';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { dayOf, dayStart, resolveLocalTime } from '@/lib/scheduling/london-time';
import { launchBrowser, SETTLED, signIn } from '../support/browser';
import { seededIds } from '../support/accessibility-pages';

const { baseUrl, databaseUrl } = inject('e2e');
let browser: Browser;
let database: pg.Client;
const POST_ID = '0e2e0000-ca1e-4da7-8000-000000000001';
const BLACKOUT_ID = 'e2e-calendar-blackout';

/** The UK date `days` after today. */
const ukDay = (days: number) => dayOf(dayStart(dayOf(new Date()), days)!);
const instant = (date: string, time: string) => {
  const resolved = resolveLocalTime({ date, time });
  if (resolved.kind !== 'ok') throw new Error(`${date} ${time} is not one instant`);
  return resolved.instant.toISOString();
};
const scheduledAt = async () =>
  (
    await database.query<{ scheduledAt: Date }>('SELECT "scheduledAt" FROM posts WHERE id = $1', [
      POST_ID,
    ])
  ).rows[0]!.scheduledAt.toISOString();

// Opened at yesterday's month, the grid shows yesterday to four days ahead whatever today is
// (six weeks always run at least five days past the month's end).
const YESTERDAY = ukDay(-1);
const HOME = ukDay(2);
const NEXT = ukDay(3);
const BLACKED_OUT = ukDay(4);

beforeAll(async () => {
  browser = await launchBrowser();
  database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  const ids = await seededIds(databaseUrl);
  // One post of Lancashire's, two days ahead at 10:00 UK time, and a blackout on the fourth day.
  await database.query(
    `INSERT INTO posts (id, "messageId", "channelId", "organisationId", "campaignId", platform,
       "scheduledAt", status, text, "signpostVersion", "batchId", revision, attempts, "createdAt", "updatedAt")
     SELECT $1, $2, c.id, c."organisationId", $3, c.platform, $4, 'scheduled', 'Calendar post', 1,
       gen_random_uuid(), 0, 0, now(), now()
     FROM channels c JOIN organisations o ON o.id = c."organisationId"
     WHERE o.slug = 'lancashire' AND c.platform = 'facebook' LIMIT 1`,
    [POST_ID, ids.approved, ids.campaign, instant(HOME, '10:00')],
  );
  await database.query(
    `INSERT INTO blackouts (id, "organisationId", reason, "startsAt", "endsAt", "createdById", "createdAt")
     SELECT $1, o.id, 'Calendar test by-election', $2, $3, u.id, now()
     FROM organisations o, users u WHERE o.slug = 'lancashire' AND u.email = 'lead@nw-rocu.example'`,
    [BLACKOUT_ID, dayStart(BLACKED_OUT)!.toISOString(), dayStart(BLACKED_OUT, 1)!.toISOString()],
  );
});

afterAll(async () => {
  await browser.close();
  await database.query('DELETE FROM blackouts WHERE id = $1', [BLACKOUT_ID]);
  // The audit log keeps its events (it is append-only); the post itself goes.
  await database.query('DELETE FROM posts WHERE id = $1', [POST_ID]);
  await database.end();
});

const cell = (page: Page, date: string) => page.locator(`[role="cell"][data-date="${date}"]`);
/** The post's calendar entry (the focusable element FullCalendar draws around our content). */
const entry = (page: Page) =>
  page.locator(`[data-post-id="${POST_ID}"]`).locator('xpath=ancestor::*[@role="button"][1]');

async function drag(page: Page, from: Locator, to: Locator) {
  const start = (await from.boundingBox())!;
  const end = (await to.boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 10, start.y + start.height / 2 + 10, {
    steps: 5,
  });
  await page.mouse.move(end.x + end.width / 2, end.y + end.height * 0.6, { steps: 15 });
  await page.mouse.up();
}

const toast = (page: Page, text: string | RegExp) =>
  page.locator('.mantine-Notification-root').filter({ hasText: text }).first();

it('moves a post by dragging, undoes it, refuses a blackout and the past, and moves it by keyboard', async () => {
  const context = await browser.newContext({
    // Tall enough that no drop lands near the window's edge, where dragging scrolls the page.
    viewport: { width: 1280, height: 1600 },
    // UK times whatever the browser's own zone is.
    timezoneId: 'Asia/Tokyo',
  });
  const page = await context.newPage();
  await signIn(page, baseUrl, 'comms@lancashire.example');
  await page.waitForURL(`${baseUrl}/`);
  await page.goto(`${baseUrl}/schedule/calendar?show=month&date=${YESTERDAY}`, SETTLED);
  await cell(page, HOME).locator(`[data-post-id="${POST_ID}"]`).waitFor();
  expect(await entry(page).textContent()).toContain('10:00');

  // Dragged to the next day: it keeps 10:00 UK time.
  await drag(page, entry(page), cell(page, NEXT));
  await toast(page, 'Post moved').waitFor();
  await expect.poll(scheduledAt).toBe(instant(NEXT, '10:00'));
  await cell(page, NEXT).locator(`[data-post-id="${POST_ID}"]`).waitFor();

  // Undo from the toast puts it back, through the same rules.
  await toast(page, 'Post moved').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(scheduledAt).toBe(instant(HOME, '10:00'));
  await cell(page, HOME).locator(`[data-post-id="${POST_ID}"]`).waitFor();

  // Into the blackout: refused with its reason, and the post is back where it was.
  await drag(page, entry(page), cell(page, BLACKED_OUT));
  await toast(page, 'Calendar test by-election').waitFor();
  expect(await toast(page, 'Calendar test by-election').textContent()).toMatch(/Blackout/);
  await cell(page, HOME).locator(`[data-post-id="${POST_ID}"]`).waitFor();
  expect(await scheduledAt()).toBe(instant(HOME, '10:00'));

  // Into the past: refused, and back.
  await drag(page, entry(page), cell(page, YESTERDAY));
  await toast(page, 'has passed').waitFor();
  await cell(page, HOME).locator(`[data-post-id="${POST_ID}"]`).waitFor();
  expect(await scheduledAt()).toBe(instant(HOME, '10:00'));

  // The keyboard way: focus the post, open it, "Reschedule…", a new time, confirm.
  await entry(page).focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: 'Post details' });
  const reschedule = drawer.getByRole('button', { name: 'Reschedule…' });
  await reschedule.waitFor();
  await reschedule.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Reschedule post' });
  await dialog.getByLabel('Time (UK)').fill('11:15');
  await dialog.getByRole('button', { name: 'Reschedule', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(scheduledAt).toBe(instant(HOME, '11:15'));
  await toast(page, 'Post moved').waitFor();
  await context.close();
});
