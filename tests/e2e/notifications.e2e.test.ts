// Notifications in the app, through the real path (issue 9): a campaign lead has the
// notifications page open; a comms officer submits a message for approval through the API; the
// audit event's outbox row is dispatched by the workers, and the lead's bell counts it without a
// reload, a toast says so and the page lists it. "Mark all read" brings the count to none.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser, SETTLED, signIn } from '../support/browser';

const { baseUrl } = inject('e2e');
const TITLE = `Worried about a friend online? (${Date.now()})`;
// The bell polls every ten seconds; the dispatch itself is well under one.
const ARRIVAL = { timeout: 30_000, interval: 500 };

let browser: Browser;
let context: BrowserContext;
let page: Page;

async function api<T>(path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The colleague's side: a comms officer drafts a message and submits it for approval. */
async function submitAsColleague(): Promise<void> {
  const { token } = await api<{ token: string }>('/auth/token', {
    email: 'comms@lancashire.example',
    password: DEMO_PASSWORD,
    label: 'notifications e2e',
  });
  const campaigns = await fetch(`${baseUrl}/api/v1/campaigns`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { items } = (await campaigns.json()) as { items: { id: string; slug: string }[] };
  const campaign = items.find((item) => item.slug === 'stop-it-now-north-west');
  if (!campaign) throw new Error('the seed has no demo campaign');
  const message = await api<{ id: string }>(
    '/messages',
    {
      campaignId: campaign.id,
      title: TITLE,
      body: 'If something a friend does online worries you, you can talk it through in {area}.',
      theme: 'help',
    },
    token,
  );
  await api(`/messages/${message.id}/submit`, {}, token);
}

const bell = () => page.getByTestId('notification-bell');
const unreadOnBell = async () => {
  const label = (await bell().getAttribute('aria-label')) ?? '';
  const match = /^Notifications, (\d+)\+? unread$/.exec(label);
  return match ? Number(match[1]) : 0;
};

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await signIn(page, baseUrl, 'lead@nw-rocu.example');
  await page.waitForURL(`${baseUrl}/`);
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

describe('the bell and the notifications page', () => {
  it('count a colleague’s submission without a reload, toast it, and mark all read', async () => {
    await page.goto(`${baseUrl}/notifications`, SETTLED);
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    // Whatever the seed and earlier files raised, start from none unread.
    if ((await unreadOnBell()) > 0) {
      await page.getByRole('button', { name: 'Mark all read' }).first().click();
      await expect.poll(unreadOnBell, ARRIVAL).toBe(0);
    }
    // A mark on this very document: a reload would lose it.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    await submitAsColleague();

    await expect.poll(unreadOnBell, ARRIVAL).toBeGreaterThanOrEqual(1);
    await expect(bell().getAttribute('aria-label')).resolves.toMatch(/^Notifications, \d+ unread$/);
    await expect(page.getByTestId('notification-badge').textContent()).resolves.toBe(
      String(await unreadOnBell()),
    );
    const toast = page.getByTestId('notification-toast').filter({ hasText: TITLE });
    await toast.waitFor({ timeout: 5_000 });
    await expect(toast.textContent()).resolves.toContain('is waiting for approval');
    // Announced politely, and the focus stayed where it was (on the page, not in the toast).
    await expect(page.getByTestId('notification-announcer').textContent()).resolves.toContain(
      TITLE,
    );
    expect(await toast.evaluate((node) => node.contains(document.activeElement))).toBe(false);
    // The page lists it, unread, without a reload.
    const row = page.getByTestId('notification-row').filter({ hasText: TITLE });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('data-unread')).toBe('true');
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);

    // The bell's popover: the latest few, the new one first, linking to the message.
    await bell().click();
    const popover = page.getByRole('dialog', { name: 'Notifications' });
    await popover.waitFor();
    const link = popover.getByRole('link', { name: new RegExp(TITLE.replace(/[()?]/g, '\\$&')) });
    await expect(link.getAttribute('href')).resolves.toMatch(/^\/messages\/\w+$/);
    await popover.getByRole('button', { name: 'Mark all read' }).click();

    await expect.poll(unreadOnBell, ARRIVAL).toBe(0);
    await expect(bell().getAttribute('aria-label')).resolves.toBe('Notifications, none unread');
    await expect
      .poll(() => page.locator('[data-testid="notification-row"][data-unread]').count(), ARRIVAL)
      .toBe(0);
    await expect(page.getByTestId('unread-summary').textContent()).resolves.toBe('Nothing unread.');
    await expect(row.getByRole('button', { name: /^Mark unread/ }).count()).resolves.toBe(1);
  });

  it('marks one read when it is followed from the page, and unread again by its button', async () => {
    await page.goto(`${baseUrl}/notifications`, SETTLED);
    const row = page.getByTestId('notification-row').filter({ hasText: TITLE });
    await row.getByRole('button', { name: /^Mark unread/ }).click();
    await expect.poll(unreadOnBell, ARRIVAL).toBe(1);
    await expect.poll(() => row.getAttribute('data-unread'), ARRIVAL).toBe('true');

    await row.getByRole('link').click();
    await page.waitForURL(/\/messages\/\w+$/);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.goto(`${baseUrl}/notifications`, SETTLED);
    await expect.poll(unreadOnBell, ARRIVAL).toBe(0);
  });
});
