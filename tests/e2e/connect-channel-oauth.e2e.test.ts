// An administrator connects channels by the platform's own authorisation, in the sandbox: X with
// OAuth 2.0 and PKCE, Facebook Login to a Page and its Instagram account, and "Reconnect" on a
// channel that needs re-authorising. The channel ends active with its tokens sealed; a callback
// whose state was tampered with, and a code used a second time, are refused with a clear page.
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from '../support/browser';

const { baseUrl, sandboxUrl, databaseUrl } = inject('e2e');
let browser: Browser;
const database = new pg.Client({ connectionString: databaseUrl });
const created: string[] = [];
// SCREENSHOTS=<dir> keeps pictures of each step at both widths, to look at.
const shots = process.env.SCREENSHOTS;

beforeAll(async () => {
  browser = await launchBrowser();
  await database.connect();
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  // The journeys elsewhere count the seeded channels: the ones made here go again.
  if (created.length > 0)
    await database.query(`DELETE FROM channels WHERE id = ANY($1)`, [created]);
  await database.end();
  await browser.close();
});

const sandboxPort = (offset: number) => {
  const url = new URL(sandboxUrl);
  return `${url.protocol}//${url.hostname}:${Number(url.port) + offset}`;
};
const X_ORIGIN = sandboxPort(1);
const FACEBOOK_ORIGIN = sandboxPort(2);

/** An organisation's name by its slug. */
async function organisationNamed(slug: string): Promise<string> {
  const { rows } = await database.query<{ name: string }>(
    `SELECT name FROM organisations WHERE slug = $1`,
    [slug],
  );
  if (!rows[0]) throw new Error(`no organisation ${slug}`);
  return rows[0].name;
}

async function organisationWithout(platform: string): Promise<string> {
  const { rows } = await database.query<{ name: string }>(
    `SELECT name FROM organisations o WHERE active AND NOT EXISTS
       (SELECT 1 FROM channels c WHERE c."organisationId" = o.id AND c.platform = $1)
     ORDER BY name LIMIT 1`,
    [platform],
  );
  if (!rows[0]) throw new Error(`every organisation has a ${platform} channel`);
  return rows[0].name;
}

async function shoot(page: Page, name: string) {
  if (!shots) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function admin(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, 'admin@nw-rocu.example');
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

/** Settings → Connect a channel → the platform's consent page. */
async function startConnecting(page: Page, platform: RegExp, organisation: string) {
  await page.goto(`${baseUrl}/settings`);
  await page.getByRole('link', { name: 'Connect a channel' }).click();
  await page.getByRole('heading', { name: 'Connect a channel' }).waitFor();
  await page.getByRole('combobox', { name: 'Platform' }).click();
  await page.getByRole('option', { name: platform }).click();
  await page.getByRole('combobox', { name: 'Organisation' }).click();
  await page.getByRole('option', { name: organisation, exact: true }).click();
  await shoot(page, 'connect');
  await page.getByRole('button', { name: /^Continue to / }).click();
  await page.getByRole('button', { name: 'Authorise' }).waitFor();
}

async function channelOf(externalAccountId: string) {
  const { rows } = await database.query<{
    id: string;
    status: string;
    handle: string;
    credentialsEncrypted: string;
    credentialsExpireAt: Date | null;
  }>(
    `SELECT id, status, handle, "credentialsEncrypted", "credentialsExpireAt"
       FROM channels WHERE platform = 'x' AND "externalAccountId" = $1`,
    [externalAccountId],
  );
  return rows;
}

async function channelRow(organisation: string, platform: string) {
  const { rows } = await database.query<{
    id: string;
    status: string;
    handle: string;
    credentialsEncrypted: string;
    credentialsExpireAt: Date | null;
  }>(
    `SELECT c.id, c.status, c.handle, c."credentialsEncrypted", c."credentialsExpireAt"
       FROM channels c JOIN organisations o ON o.id = c."organisationId"
      WHERE o.name = $1 AND c.platform = $2 ORDER BY c."createdAt" DESC`,
    [organisation, platform],
  );
  return rows;
}

function expectSealed(credentials: string) {
  // AES-256-GCM, v1.<iv>.<tag>.<ciphertext>: no token, no field name in the clear.
  expect(credentials).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(credentials).not.toContain('sbx.');
  expect(credentials).not.toContain('accessToken');
}

describe('X', () => {
  it('connects a new channel through the consent page; the tokens are sealed', async () => {
    const organisation = await organisationNamed('cheshire');
    const page = await admin();
    await startConnecting(page, /^X$/, organisation);
    expect(page.url().startsWith(`${X_ORIGIN}/i/oauth2/authorize?`)).toBe(true);
    const authorise = new URL(page.url());
    expect(authorise.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorise.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    await shoot(page, 'x-consent');
    await page.getByLabel('X account id').fill('1500000000000000777');
    await page.getByRole('button', { name: 'Authorise' }).click();

    await page.getByRole('heading', { name: 'Channel connected' }).waitFor();
    await page.getByText('sandbox1500000000000000777 on X').waitFor();
    await shoot(page, 'x-connected');
    const [channel] = await channelOf('1500000000000000777');
    expect(channel?.status).toBe('active');
    expect(channel?.handle).toBe('sandbox1500000000000000777');
    expectSealed(channel?.credentialsEncrypted ?? '');
    // X's two-hour token comes with a refresh token: Signpost renews it, so it has no end.
    expect(channel?.credentialsExpireAt).toBeNull();
    if (channel) created.push(channel.id);

    // The same callback again (the browser's back button, a replay) is refused, not a second
    // connection.
    const callback = page.url();
    await page.goto(callback);
    await page.getByRole('heading', { name: 'The channel was not connected' }).waitFor();
    await page.getByText(/can be used only once/).waitFor();
    await page.context().close();
  });

  it('refuses a callback whose state was tampered with', async () => {
    const organisation = await organisationNamed('cheshire');
    const page = await admin();
    await startConnecting(page, /^X$/, organisation);
    await page.locator('input[name="state"]').evaluate((input: HTMLInputElement) => {
      input.value = `${input.value.slice(0, -1)}${input.value.endsWith('A') ? 'B' : 'A'}`;
    });
    await page.getByRole('button', { name: 'Authorise' }).click();
    await page.getByRole('heading', { name: 'The channel was not connected' }).waitFor();
    await page.getByText(/does not match any connection started here/).waitFor();
    await shoot(page, 'x-refused');
    expect(await channelOf('1500000000000000001')).toEqual([]);
    await page.context().close();
  });

  it('refuses a code used a second time, even with a fresh start', async () => {
    const organisation = await organisationNamed('cheshire');
    const page = await admin();
    await startConnecting(page, /^X$/, organisation);
    await page.getByLabel('X account id').fill('1500000000000000888');
    await page.getByRole('button', { name: 'Authorise' }).click();
    await page.getByRole('heading', { name: 'Channel connected' }).waitFor();
    const spentCode = new URL(page.url()).searchParams.get('code') ?? '';
    for (const channel of await channelOf('1500000000000000888')) created.push(channel.id);

    // A new start gives a new state; the old code with it is refused by X and so here.
    await startConnecting(page, /^X$/, organisation);
    const state = new URL(page.url()).searchParams.get('state') ?? '';
    await page.goto(
      `${baseUrl}/settings/channels/callback/x?${new URLSearchParams({ state, code: spentCode })}`,
    );
    await page.getByRole('heading', { name: 'The channel was not connected' }).waitFor();
    await page.getByText(/would not exchange the authorisation/).waitFor();
    await page.context().close();
  });

  it('says nothing was connected when the person cancels on X', async () => {
    const organisation = await organisationNamed('cheshire');
    const page = await admin();
    await startConnecting(page, /^X$/, organisation);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('You cancelled on the platform, so nothing was connected.').waitFor();
    expect(await channelOf('1500000000000000001')).toEqual([]);
    await page.context().close();
  });

  it('reconnects a channel that needs re-authorising by the same flow', async () => {
    const { rows } = await database.query<{ id: string; externalAccountId: string }>(
      `UPDATE channels SET status = 'needs_reauth', "statusReason" = 'X: Unauthorized (HTTP 401)'
        WHERE platform = 'x' AND handle = 'CheshireEast' RETURNING id, "externalAccountId"`,
    );
    const [channel] = rows;
    const page = await admin();
    await page.goto(`${baseUrl}/settings`);
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'CheshireEast', exact: true }) });
    await row.getByRole('button', { name: 'Reconnect' }).click();
    await page.getByRole('button', { name: 'Authorise' }).waitFor();
    await page.getByLabel('X account id').fill(channel?.externalAccountId ?? '');
    await page.getByRole('button', { name: 'Authorise' }).click();
    await page.getByText('Reconnected and active.').waitFor();
    const { rows: after } = await database.query<{ status: string; credentialsEncrypted: string }>(
      `SELECT status, "credentialsEncrypted" FROM channels WHERE id = $1`,
      [channel?.id],
    );
    expect(after[0]?.status).toBe('active');
    expectSealed(after[0]?.credentialsEncrypted ?? '');
    await page.context().close();
  });
});

describe('Facebook', () => {
  it('connects a Page and its Instagram account picked after Facebook Login', async () => {
    const organisation = await organisationWithout('facebook');
    const page = await admin();
    await startConnecting(page, /^Facebook/, organisation);
    expect(page.url().startsWith(`${FACEBOOK_ORIGIN}/v23.0/dialog/oauth?`)).toBe(true);
    await shoot(page, 'facebook-consent');
    await page.getByRole('button', { name: 'Authorise' }).click();

    await page.getByRole('heading', { name: 'Choose the accounts to connect' }).waitFor();
    await page.getByRole('checkbox', { name: /^Sandbox Constabulary \(Facebook/ }).check();
    await page.getByRole('checkbox', { name: /^Sandbox Constabulary on Instagram/ }).check();
    await shoot(page, 'facebook-pick');
    await page.getByRole('button', { name: 'Connect the chosen accounts' }).click();
    await page.waitForURL(`${baseUrl}/settings`);
    await page.getByText(/Connected sandboxconstabulary, sandboxconstabulary/).waitFor();

    for (const platform of ['facebook', 'instagram']) {
      const [channel] = await channelRow(organisation, platform);
      expect(channel?.status).toBe('active');
      expect(channel?.handle).toBe('sandboxconstabulary');
      expectSealed(channel?.credentialsEncrypted ?? '');
      if (channel) created.push(channel.id);
    }
    // The offer is spent: going back to it cannot connect again.
    await page.goBack();
    await page.getByText(/already connected/).waitFor();
    await page.context().close();
  });
});
