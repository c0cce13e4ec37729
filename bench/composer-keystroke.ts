// How long the composer takes from a keystroke to the live preview of all eight platforms being on
// the page, measured in a real browser against a running app. The page measures itself (the
// preview's data-render-ms: from the textarea's input event to React's DOM update and the page's
// layout, before paint; data-compose-ms: the renderer's share) and this script types a message key
// by key and reads it.
//
// Run: npx tsx bench/composer-keystroke.ts (BASE_URL defaults to http://localhost:3000; the demo
// data must be seeded). A production build (`next build && next start`) is what people use; the
// dev server runs React's development build, several times slower.
import os from 'node:os';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const EMAIL = process.env.BENCH_EMAIL ?? 'lead@nw-rocu.example';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'signpost-demo';
// Typed as people type it, placeholders and punctuation included; 260 characters.
const MESSAGE =
  'Every time an image of a child being abused is viewed, that child is harmed again. ' +
  '{organisation} is working with partners across {area} to find the people who view them. ' +
  'If you are worried about your own thoughts, confidential help is there — and it works.';
const WARM_UP = 10;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const ms = (value: number) => `${value.toFixed(2)} ms`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${BASE_URL}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE_URL}/`);

  await page.goto(`${BASE_URL}/campaigns`);
  const campaign = await page
    .locator('article a[href^="/campaigns/"]')
    .first()
    .getAttribute('href');
  if (!campaign) throw new Error('No running campaign to write a message for: seed the demo data.');
  await page.goto(`${BASE_URL}${campaign}/messages/new`);
  const preview = page.getByTestId('live-preview');
  await preview.waitFor();
  await page.getByRole('textbox', { name: 'Message' }).click();

  const renderMs: number[] = [];
  const composeMs: number[] = [];
  for (const [index, key] of [...MESSAGE].entries()) {
    const before = Number((await preview.getAttribute('data-render-count')) ?? 0);
    await page.keyboard.type(key);
    await page.waitForFunction(
      (count) =>
        Number(
          document.querySelector('[data-testid="live-preview"]')?.getAttribute('data-render-count'),
        ) > count,
      before,
    );
    if (index < WARM_UP) continue;
    renderMs.push(Number(await preview.getAttribute('data-render-ms')));
    composeMs.push(Number(await preview.getAttribute('data-compose-ms')));
  }
  const typed = await page.getByRole('textbox', { name: 'Message' }).inputValue();
  if (typed !== MESSAGE) throw new Error('The message typed is not the message in the composer.');

  renderMs.sort((a, b) => a - b);
  composeMs.sort((a, b) => a - b);
  const cpus = os.cpus();
  console.log(`app: ${BASE_URL}`);
  console.log(
    `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, load ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' / ')} (1 / 5 / 15 min)`,
  );
  console.log(
    `typed ${MESSAGE.length} keys (first ${WARM_UP} not counted), 8 platforms previewed on each`,
  );
  console.log(
    `keystroke to preview on the page: p50 ${ms(percentile(renderMs, 50))}, p95 ${ms(percentile(renderMs, 95))}, max ${ms(renderMs.at(-1) ?? NaN)}`,
  );
  console.log(
    `of which the renderer (composePreview): p50 ${ms(percentile(composeMs, 50))}, p95 ${ms(percentile(composeMs, 95))}, max ${ms(composeMs.at(-1) ?? NaN)}`,
  );
} finally {
  await browser.close();
}
