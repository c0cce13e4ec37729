// The message journey people take most: a campaign lead drafts a message and watches it on every
// platform as they type, submits it, and a second campaign lead approves it from the Approvals
// queue. The author can never approve their own, on screen or through the API.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PLATFORMS } from '@/lib/platforms/types';
import { DEMO_PASSWORD, launchBrowser, signIn } from '../support/browser';

const { baseUrl } = inject('e2e');
const TITLE = `Help is there before it goes further (${Date.now()})`;
// {area} is filled per organisation; the <b> shows that typed markup stays text.
const BODY =
  'If you are worried about where your online behaviour is heading, help is available across {area}. ' +
  'Talking to someone early can stop harm before it happens. <b>Nobody</b> needs to face this alone.';

let browser: Browser;
const contexts: BrowserContext[] = [];
let messageUrl = '';

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, baseUrl, email);
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser.close();
});

describe('composing and approving a message', () => {
  it('a campaign lead drafts a message, sees it on all eight platforms and submits it', async () => {
    const page = await signedIn('lead@nw-rocu.example');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Campaigns' })
      .click();
    await page.getByRole('link', { name: 'Stop it Now! North West' }).click();
    await page.getByRole('link', { name: 'New message' }).click();
    await page.waitForURL(/\/messages\/new$/);

    await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await page.getByRole('combobox', { name: 'Theme' }).click();
    await page.getByRole('option', { name: /^Help/ }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill(BODY);

    const cards = page.getByTestId('preview-card');
    await expect.poll(() => cards.count()).toBe(8);
    const platforms = await cards.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-platform')),
    );
    expect(platforms).toEqual([...PLATFORMS]);

    const x = page.locator('[data-testid="preview-card"][data-platform="x"]');
    const counter = x.getByTestId('preview-counter');
    await expect.poll(() => counter.textContent()).toMatch(/^\d{1,3}(,\d{3})* \/ 280$/);
    const length = Number(await counter.getAttribute('data-length'));
    expect(length).toBeGreaterThan(BODY.length / 2);
    expect(await counter.textContent()).toBe(`${length} / 280`);
    // Filled for the lead's own organisation, and the typed markup shown as text.
    const xText = await x.getByTestId('preview-text').textContent();
    expect(xText).toContain('help is available across the North West');
    expect(xText).toContain('<b>Nobody</b>');

    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.waitForURL(/\/messages\/(?!new)[^/]+$/);
    messageUrl = page.url();
    await expect
      .poll(() => page.getByTestId('message-status').first().textContent())
      .toBe('In review');
    expect(await page.getByTestId('review-state').textContent()).toBe(
      'Waiting for another campaign lead to approve',
    );
    expect(await page.getByTestId('message-body-text').textContent()).toBe(BODY);
  });

  it('the author cannot approve their own message: no button, and the server refuses', async () => {
    const page = await signedIn('lead@nw-rocu.example');
    await page.goto(messageUrl);
    await page.getByTestId('review-state').waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    const token = await page.request.post(`${baseUrl}/api/v1/auth/token`, {
      data: { email: 'lead@nw-rocu.example', password: DEMO_PASSWORD, label: 'e2e' },
    });
    expect(token.status()).toBe(201);
    const { token: bearer } = (await token.json()) as { token: string };
    const messageId = new URL(messageUrl).pathname.split('/').at(-1);
    const forced = await page.request.post(`${baseUrl}/api/v1/messages/${messageId}/approve`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(forced.status()).toBe(403);
    expect(((await forced.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('a second campaign lead approves it from the Approvals queue', async () => {
    const page = await signedIn('lead2@nw-rocu.example');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Approvals/ })
      .click();
    await page.waitForURL(`${baseUrl}/approvals`);
    const item = page.getByRole('article', { name: TITLE });
    await item.waitFor();
    expect(await item.getByTestId('preview-card').count()).toBe(3);
    await item.getByRole('button', { name: `Approve “${TITLE}”` }).click();
    await item.waitFor({ state: 'detached' });

    await page.goto(messageUrl);
    await expect
      .poll(() => page.getByTestId('message-status').first().textContent())
      .toBe('Approved');
    expect(await page.getByTestId('review-state').textContent()).toMatch(
      /^Approved by Marcus Doyle on /,
    );
  });
});
