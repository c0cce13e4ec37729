// Keyboard only (WCAG 2.1.1, 2.1.2, 2.4.1, 2.4.3, 2.4.7): composing, approving, scheduling and
// pausing with keys alone. Every element Tab reaches shows a focus ring, the fields come in the
// order they are read, dialogs keep focus inside and give it back to the button that opened them.
// Locators only check where focus is; every action is a key press.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seededIds, type SeededIds } from '../support/accessibility-pages';
import { launchBrowser, SETTLED, signIn } from '../support/browser';

const { baseUrl, databaseUrl } = inject('e2e');
const TITLE = `Typed without a mouse (${Date.now()})`;
let browser: Browser;
let ids: SeededIds;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  ids = await seededIds(databaseUrl);
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser.close();
});

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, baseUrl, email);
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

interface Focused {
  description: string;
  ring: boolean;
  inDialog: boolean;
}

/** What has focus, whether it draws a ring (outline or box-shadow), and whether it is in a dialog. */
const focused = (page: Page): Promise<Focused | null> =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      description:
        `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''}`.trim(),
      ring: outline || style.boxShadow !== 'none',
      inDialog: element.closest('[role="dialog"]') !== null,
    };
  });

const hasFocus = (target: Locator) =>
  target.evaluate((element) => element === document.activeElement);

/** Presses Tab until the target has focus; every stop on the way must show its focus ring. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<string[]> {
  const stops: string[] = [];
  for (let press = 0; press < max; press += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    expect(now, `focus left the page after ${stops.join(' → ')}`).not.toBeNull();
    expect(now?.ring, `no focus ring on ${now?.description}`).toBe(true);
    if (await hasFocus(target)) return stops;
    stops.push(now!.description);
  }
  throw new Error(`Tab did not reach the target in ${max} presses: ${stops.join(' → ')}`);
}

/** Focus stays in the open dialog however far Tab and Shift+Tab go. */
async function expectFocusTrapped(page: Page, presses = 25): Promise<void> {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let press = 0; press < presses; press += 1) {
      await page.keyboard.press(key);
      const now = await focused(page);
      expect(now?.inDialog, `${key} ×${press + 1} left the dialog for ${now?.description}`).toBe(
        true,
      );
      expect(now?.ring, `no focus ring on ${now?.description}`).toBe(true);
    }
  }
}

/** Escape closes the dialog and focus goes back to the button that opened it. */
async function expectEscapeReturnsFocus(page: Page, opener: Locator): Promise<void> {
  // From the dialog's own close button: in a date field Escape closes the calendar first.
  await tabTo(page, page.getByRole('dialog').getByRole('button', { name: 'Close' }), 60);
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await expect.poll(() => hasFocus(opener)).toBe(true);
}

describe('keyboard only', () => {
  it('the first Tab offers a skip link to the main content, which takes focus there', async () => {
    const page = await signedIn('comms@lancashire.example');
    await page.goto(`${baseUrl}/schedule`, SETTLED);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await hasFocus(skip)).toBe(true);
    expect((await focused(page))?.ring).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(page.getByRole('main'))).toBe(true);
    // The next stop is in the page itself, not the header or the navigation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });

  it('a campaign lead composes a message and submits it, fields in reading order', async () => {
    const page = await signedIn('lead@nw-rocu.example');
    await page.goto(`${baseUrl}/campaigns/${ids.campaign}/messages/new`, SETTLED);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // the skip link

    await tabTo(page, page.getByRole('textbox', { name: 'Title' }), 10);
    await page.keyboard.type(TITLE);
    await tabTo(page, page.getByRole('combobox', { name: 'Theme' }), 3);
    await page.keyboard.press('ArrowDown');
    const help = page.getByRole('option', { name: /^Help/ });
    await help.waitFor();
    for (let press = 0; press < 10 && !(await help.getAttribute('data-combobox-selected'));) {
      await page.keyboard.press('ArrowDown');
      press += 1;
    }
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Theme' }).inputValue())
      .toMatch(/^Help/);
    await tabTo(page, page.getByRole('textbox', { name: 'Message' }), 5);
    await page.keyboard.type(
      'If you are worried about your online behaviour, help is available across {area}. Call today.',
    );
    await tabTo(page, page.getByRole('button', { name: 'Submit for review' }), 80);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/messages\/(?!new)[^/]+$/);
    await expect
      .poll(() => page.getByTestId('message-status').first().textContent())
      .toBe('In review');
  });

  it('a second campaign lead approves it from the Approvals queue', async () => {
    const page = await signedIn('lead2@nw-rocu.example');
    await page.goto(`${baseUrl}/approvals`, SETTLED);
    const item = page.getByRole('article', { name: TITLE });
    await item.waitFor();
    await tabTo(page, item.getByRole('button', { name: `Approve “${TITLE}”` }), 120);
    await page.keyboard.press('Enter');
    await item.waitFor({ state: 'detached' });
  });

  it('the same lead opens the send-back dialog: focus is trapped and returns on Escape', async () => {
    const page = await signedIn('lead@nw-rocu.example');
    await page.goto(`${baseUrl}/messages/${ids.inReview}`, SETTLED);
    const opener = page.getByRole('button', { name: 'Send back with a reason' });
    await tabTo(page, opener, 80);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await expect.poll(async () => (await focused(page))?.inDialog).toBe(true);
    await expectFocusTrapped(page);
    await expectEscapeReturnsFocus(page, opener);
  });

  it('a comms officer schedules an approved message from its dialog', async () => {
    const page = await signedIn('comms@lancashire.example');
    await page.goto(`${baseUrl}/messages/${ids.approved}`, SETTLED);
    const opener = page.getByRole('button', { name: 'Schedule', exact: true });
    await tabTo(page, opener, 80);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect.poll(async () => (await focused(page))?.inDialog).toBe(true);
    await expectFocusTrapped(page);
    await expectEscapeReturnsFocus(page, opener);

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    // A day a month ahead, typed as a date.
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await tabTo(page, dialog.getByLabel(/: date$/), 40);
    await page.keyboard.type(day);
    await tabTo(page, dialog.getByLabel('Time (UK)'), 5);
    // Debian's Chromium draws a 12-hour field whatever the page's locale: hours, minutes, AM.
    await page.keyboard.type('1030A');
    expect(await dialog.getByLabel('Time (UK)').inputValue()).toBe('10:30');
    const submit = dialog.getByRole('button', { name: /^Schedule \d+ posts?$/ });
    await tabTo(page, submit, 40);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // The notification itself: the page's own post list, refreshed beside it, says "Scheduled" too,
    // in cards hidden at this width that come first in the document.
    await page
      .getByRole('alert')
      .filter({ hasText: /^Scheduled \d+ posts?/ })
      .waitFor();
  });

  it('a comms officer pauses their force and lifts the pause, with keys alone', async () => {
    const page = await signedIn('comms@lancashire.example');
    await page.goto(`${baseUrl}/schedule`, SETTLED);
    const opener = page.getByRole('button', { name: 'Pause publishing' });
    await tabTo(page, opener, 80);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectFocusTrapped(page, 12);
    await tabTo(page, dialog.getByRole('textbox', { name: 'Reason' }), 10);
    await page.keyboard.type('Keyboard check: hold Lancashire for a moment');
    await tabTo(page, dialog.getByRole('button', { name: 'Pause now' }), 10);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const banner = page.getByTestId('pause-banner');
    await banner.getByText('Keyboard check: hold Lancashire for a moment').waitFor();

    // The banner comes before the page's content: Tab reaches its button from the top.
    await page.reload();
    await banner.waitFor();
    await tabTo(page, banner.getByRole('button', { name: 'Lift pause' }), 40);
    await page.keyboard.press('Enter');
    await banner.waitFor({ state: 'detached' });
  });
});
