// Every page each role can reach renders: no server error, no client-side crash. The journeys
// test what pages do; this catches a page that does not render at all.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from '../support/browser';

const { baseUrl } = inject('e2e');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const PAGES = [
  '/',
  '/campaigns',
  '/schedule',
  '/schedule/ready',
  '/approvals',
  '/reach',
  '/audit',
  '/notifications',
  '/shared',
  '/settings',
  '/settings/signpost',
];

describe.each([
  ['lead@nw-rocu.example', []],
  ['comms@lancashire.example', ['/approvals', '/audit']],
  ['partner@manchester-city-council.example', ['/approvals', '/audit']],
  ['viewer@cumbria.example', ['/schedule/ready', '/approvals', '/audit']],
  ['admin@nw-rocu.example', ['/schedule/ready', '/approvals']],
])('%s', (email, forbidden) => {
  it('opens every page without an error, and is refused (403) only where the role does not reach', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const crashes: string[] = [];
    page.on('pageerror', (error) => crashes.push(error.message));
    await signIn(page, baseUrl, email);
    await page.waitForURL(`${baseUrl}/`);
    for (const path of PAGES) {
      const response = await page.goto(`${baseUrl}${path}`);
      const expected = forbidden.includes(path) ? 403 : 200;
      expect(`${path} ${response?.status()}`).toBe(`${path} ${expected}`);
      // A 403 from forbidden() arrives as the React payload only and is drawn once the page has
      // hydrated, so wait for the heading rather than count it at the load event.
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 10_000 });
    }
    expect(crashes).toEqual([]);
    await context.close();
  });
});
