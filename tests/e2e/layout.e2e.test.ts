// Usable on a phone and at 200 % zoom (WCAG 1.4.4, 1.4.10), and still when the system asks for
// less motion (2.3.3). 200 % zoom on a 1280 × 800 screen is a 640 × 400 CSS viewport.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { schedulePosts, seededIds, type SeededIds } from '../support/accessibility-pages';
import { launchBrowser, signIn } from '../support/browser';

const { baseUrl, databaseUrl } = inject('e2e');
let browser: Browser;
let ids: SeededIds;

beforeAll(async () => {
  browser = await launchBrowser();
  ids = await seededIds(databaseUrl);
  await schedulePosts(baseUrl, ids, 21);
});
afterAll(async () => {
  await browser.close();
});

const SIZES = [
  { name: 'a phone, 390 px wide', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: '200 % zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
] as const;

const MAIN_PAGES = (ids: SeededIds) => [
  '/',
  '/campaigns',
  `/campaigns/${ids.campaign}`,
  `/campaigns/${ids.campaign}/messages/new`,
  `/messages/${ids.approved}`,
  '/schedule',
  '/schedule?view=all',
  '/schedule/calendar',
  '/schedule/calendar?show=month',
  '/schedule/calendar?show=week',
  '/approvals',
  '/reach',
  '/audit',
  '/notifications',
  '/settings',
  '/settings/signpost',
];

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** How far the page scrolls sideways: 0 when everything fits the width. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement!;
    return root.scrollWidth - root.clientWidth;
  });

describe.each(SIZES)('at $name', ({ viewport, deviceScaleFactor }) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport, deviceScaleFactor, locale: 'en-GB' });
    page = await context.newPage();
    await signIn(page, baseUrl, 'lead@nw-rocu.example');
    await page.waitForURL(`${baseUrl}/`);
  });
  afterAll(async () => {
    await context.close();
  });

  it('no main page scrolls sideways', async () => {
    const overflowing: Record<string, number> = {};
    for (const path of MAIN_PAGES(ids)) {
      await open(page, path);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) overflowing[path] = overflow;
    }
    expect(overflowing).toEqual({});
  }, 120_000);

  it('the sign-in page does not scroll sideways', async () => {
    const signedOut = await browser.newContext({ viewport, deviceScaleFactor });
    const signInPage = await signedOut.newPage();
    await open(signInPage, '/sign-in');
    expect(await sidewaysOverflow(signInPage)).toBe(0);
    await signedOut.close();
  });

  it('the schedule shows its posts as cards, not a table that scrolls sideways', async () => {
    await open(page, '/schedule?view=all');
    const rows = page.getByTestId('post-row');
    await rows.first().waitFor();
    expect(await rows.first().evaluate((row) => row.tagName)).not.toBe('TR');
    expect(await page.getByRole('main').getByRole('table').count()).toBe(0);
    // The menu of each post is still there, and fits.
    const menu = page.getByRole('button', { name: /^Actions for / }).first();
    const box = await menu.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  });

  it("the composer's action bar covers less than a quarter of the screen", async () => {
    await open(page, `/campaigns/${ids.campaign}/messages/new`);
    const bar = page.getByTestId('composer-action-bar');
    await bar.waitFor();
    // At the top of the form, where a bar kept in view covers the most of what is being read.
    await page.evaluate(() => window.scrollTo(0, 0));
    const covered = await bar.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return Math.max(0, Math.min(rect.bottom, innerHeight) - Math.max(rect.top, 0));
    });
    expect(covered / viewport.height).toBeLessThan(0.25);
    // And its buttons are reachable: scrolled to, they are on screen and fit the width.
    const submit = bar.getByRole('button', { name: 'Submit for review' });
    await submit.scrollIntoViewIfNeeded();
    const box = await submit.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  });
});

describe('motion', () => {
  /** Elements whose transitions or animations last longer than 10 ms, after opening a dialog. */
  async function moving(reducedMotion: 'reduce' | 'no-preference'): Promise<number> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion,
    });
    const page = await context.newPage();
    await signIn(page, baseUrl, 'comms@lancashire.example');
    await page.waitForURL(`${baseUrl}/`);
    await open(page, '/schedule');
    await page.getByRole('button', { name: 'Pause publishing' }).click();
    await page.getByRole('dialog').waitFor();
    const count = await page.evaluate(() => {
      const seconds = (value: string) =>
        Math.max(
          ...value.split(',').map((part) => {
            const number = parseFloat(part);
            return part.trim().endsWith('ms') ? number / 1000 : number;
          }),
        );
      return [...document.querySelectorAll('*')].filter((element) => {
        const style = getComputedStyle(element);
        return (
          seconds(style.transitionDuration) > 0.01 ||
          (style.animationName !== 'none' && seconds(style.animationDuration) > 0.01)
        );
      }).length;
    });
    await context.close();
    return count;
  }

  it('nothing slides, fades or spins when the system asks for reduced motion', async () => {
    // Without the request the same page has moving parts, so the check below can fail.
    expect(await moving('no-preference')).toBeGreaterThan(0);
    expect(await moving('reduce')).toBe(0);
  });
});
