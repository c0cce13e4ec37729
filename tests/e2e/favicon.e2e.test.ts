// Browsers ask every page's origin for /favicon.ico; it answered 404 (issue 8, point 6). The icon
// is one file served by Next's metadata conventions, named in each page's head too.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from '../support/browser';

const { baseUrl } = inject('e2e');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

it('/favicon.ico answers an image', async () => {
  const response = await fetch(`${baseUrl}/favicon.ico`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^image\//);
  expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
});

it('every page names an icon that answers an image, signed in or not', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const icons = async () => {
    const hrefs = await page
      .locator('link[rel~="icon"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      const response = await page.request.get(href);
      expect(`${href} ${response.status()}`).toBe(`${href} 200`);
      expect(response.headers()['content-type']).toMatch(/^image\//);
    }
  };
  await page.goto(`${baseUrl}/sign-in`);
  await icons();
  await signIn(page, baseUrl, 'comms@lancashire.example');
  await page.waitForURL(`${baseUrl}/`);
  await icons();
  await page.goto(`${baseUrl}/schedule`);
  await icons();
  await context.close();
});
