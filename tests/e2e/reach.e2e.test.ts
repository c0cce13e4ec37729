// A campaign lead opens Reach: the headline tiles, a breakdown chart and its table, filters kept
// in the address, best messages; a comms officer sees the campaign's totals beside their own.
// The demo reach (prisma/seed/reach.ts) is added for this file and removed after it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, SETTLED, signIn } from '../support/browser';

const { baseUrl, databaseUrl } = inject('e2e');
let browser: Browser;

beforeAll(async () => {
  execFileSync(path.resolve('node_modules/.bin/tsx'), ['prisma/seed.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO_REACH: 'true', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  const database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  await database.query(`DELETE FROM posts WHERE "batchId" LIKE 'demo-reach-%'`);
  await database.end();
});

async function open(email: string, address = '/reach'): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage();
  await signIn(page, baseUrl, email);
  await page.waitForURL(`${baseUrl}/`);
  await page.goto(`${baseUrl}${address}`, SETTLED);
  return page;
}

const figureOf = async (page: Page, label: string) =>
  Number(
    (
      await page
        .getByTestId('reach-tiles')
        .locator('div', { hasText: label })
        .first()
        .locator('p')
        .nth(1)
        .innerText()
    ).replace(/[^\d]/g, ''),
  );

describe('Reach', () => {
  it('a lead sees the figures, breaks them down, filters, and the address keeps it all', async () => {
    const page = await open('lead@nw-rocu.example');
    // The page streams in after its loading state: wait for it rather than look at once.
    await page.getByRole('heading', { level: 1, name: 'Reach' }).waitFor();
    await page.getByTestId('reach-tiles').waitFor();
    const tiles = page.getByTestId('reach-tiles');
    await expect(tiles.getByText('Posts published').isVisible()).resolves.toBe(true);
    expect(await figureOf(page, 'Posts published')).toBeGreaterThan(0);
    expect(await figureOf(page, 'Views')).toBeGreaterThan(0);

    const breakdown = page.getByTestId('reach-breakdown');
    await breakdown.locator('.recharts-surface').first().waitFor();
    await expect(
      breakdown.getByRole('cell', { name: 'Greater Manchester Police' }).isVisible(),
    ).resolves.toBe(true);

    await breakdown.getByRole('tab', { name: 'Platform' }).click();
    await page.waitForURL(/by=platform/);
    await breakdown.getByRole('cell', { name: 'Bluesky', exact: true }).waitFor();
    // Bluesky reports no views: shown as not reported, never 0.
    const bluesky = breakdown.getByRole('row').filter({ hasText: 'Bluesky' });
    await expect(bluesky.getByText('not reported by Bluesky').count()).resolves.toBeGreaterThan(0);

    // Sorting by posts puts the busiest platform first, and says so to screen readers.
    await breakdown.getByRole('button', { name: /^Posts/ }).click();
    await expect(
      breakdown.getByRole('columnheader', { name: /^Posts/ }).getAttribute('aria-sort'),
    ).resolves.toBe('descending');

    await page.getByTestId('reach-filters').getByText('Last 7 days').click();
    await page.waitForURL(/period=7d/);
    await page.getByRole('combobox', { name: 'Platform' }).click();
    await page.getByRole('option', { name: 'Facebook' }).click();
    await page.waitForURL(/platform=facebook/);
    await breakdown.getByRole('cell', { name: 'Facebook', exact: true }).waitFor();
    await expect(breakdown.getByRole('cell', { name: 'X', exact: true }).count()).resolves.toBe(0);

    // The address is the view: opened afresh, it shows the same.
    const shared = page.url();
    const again = await open(
      'lead@nw-rocu.example',
      new URL(shared).pathname + new URL(shared).search,
    );
    await again
      .getByTestId('reach-breakdown')
      .getByRole('cell', { name: 'Facebook', exact: true })
      .waitFor();
    await expect(again.getByRole('radio', { name: 'Last 7 days' }).isChecked()).resolves.toBe(true);

    await expect(
      page.getByTestId('best-messages').getByRole('link').count(),
    ).resolves.toBeGreaterThan(0);
    await expect(
      page.getByRole('link', { name: 'Campaign report (PDF)' }).isVisible(),
    ).resolves.toBe(true);
  });

  it("a comms officer sees their force's figures and the campaign's totals, and no report", async () => {
    const page = await open('comms@lancashire.example');
    await page.getByTestId('campaign-totals').waitFor();
    const breakdown = page.getByTestId('reach-breakdown');
    await expect(
      breakdown.getByRole('cell', { name: 'Lancashire Constabulary' }).isVisible(),
    ).resolves.toBe(true);
    await expect(breakdown.getByRole('cell', { name: 'Merseyside Police' }).count()).resolves.toBe(
      0,
    );
    await expect(page.getByRole('link', { name: 'Campaign report (PDF)' }).count()).resolves.toBe(
      0,
    );
  });

  it("the dashboard shows the last 28 days' reach", async () => {
    const page = await open('lead@nw-rocu.example', '/');
    await page.getByTestId('reach-summary').waitFor();
    await expect(page.getByTestId('reach-summary').getByText('Views').isVisible()).resolves.toBe(
      true,
    );
  });
});
