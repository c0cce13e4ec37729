// A campaign lead opens Reach and sees the help-seeking comparison the campaign published, then
// adds figures from a CSV file: a file with a bad row is refused with the row named and nothing
// changes; the corrected file replaces the illustrative figure with the real one.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, SETTLED, signIn } from '../support/browser';

const { baseUrl } = inject('e2e');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const HEADER = 'area,periodStart,periodEnd,contacts';

async function upload(page: Page, csv: string) {
  await page.locator('input[type="file"]').setInputFiles({
    name: 'merseyside.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.getByRole('button', { name: 'Import figures' }).click();
}

const areaRow = (page: Page, area: string) =>
  page.getByTestId('outcomes-table').getByRole('row').filter({ hasText: area });

it('a lead sees the comparison on Reach, and imports figures from a CSV file', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, 'lead@nw-rocu.example');
  await page.waitForURL(`${baseUrl}/`);
  await page.goto(`${baseUrl}/reach`, SETTLED);

  const table = page.getByTestId('outcomes-table');
  await table.waitFor();
  const totals = table.locator('tfoot tr');
  await expect.poll(() => totals.textContent()).toMatch(/North West.*1,747.*3,549.*\+103 %/);
  await expect.poll(() => areaRow(page, 'Lancashire').textContent()).toContain('+146 %');
  await expect.poll(() => areaRow(page, 'Cheshire').textContent()).toContain('+193 %');
  await expect.poll(() => areaRow(page, 'Cumbria').textContent()).toContain('+186 %');
  await expect.poll(() => areaRow(page, 'Merseyside').textContent()).toContain('Illustrative');
  await page.getByText('correlation, not cause', { exact: false }).first().waitFor();

  await page.getByLabel('Source').fill('Stop it Now! figures for Merseyside, 2018');
  await upload(
    page,
    `${HEADER}\nMerseyside,2018-02-01,2018-07-31,612\nMerseyside,2018-08-01,2018-08-31,many\n`,
  );
  const problems = page.getByTestId('outcome-problems');
  await expect.poll(() => problems.textContent()).toContain('Row 2, contacts');
  await expect.poll(() => problems.textContent()).toContain('line 3');
  // All or nothing: the good row was not imported either.
  await expect.poll(() => areaRow(page, 'Merseyside').textContent()).toContain('520');

  // Both of Merseyside's periods: a change stays illustrative while either side is.
  await upload(
    page,
    `${HEADER}\nMerseyside,2017-07-01,2018-01-31,300\nMerseyside,2018-02-01,2018-07-31,612\n`,
  );
  await page.getByText('2 figures imported, 2 replacing stored figures.').waitFor();
  await expect.poll(() => areaRow(page, 'Merseyside').textContent()).toMatch(/300.*612.*\+104 %/);
  await expect.poll(() => areaRow(page, 'Merseyside').textContent()).not.toContain('Illustrative');
  await context.close();
});
