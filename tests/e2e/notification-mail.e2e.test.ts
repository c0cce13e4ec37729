// Email, as a person meets it with every process running as a user starts them: a comms officer
// chooses on Settings → Notifications (the role's default preselected) and the choice stays; a
// message submitted for approval reaches the other lead's inbox, which in development is the
// sandbox's mail catcher.
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, SETTLED, signIn } from '../support/browser';
import { type SandboxMail, sandboxMail } from '../support/mail';
import { waitFor } from '../support/processes';

const { baseUrl, sandboxUrl, databaseUrl } = inject('e2e');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

it('a comms officer chooses what is emailed, and the choices stay', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, 'comms@lancashire.example');
  await page.waitForURL(`${baseUrl}/`);
  await page.goto(`${baseUrl}/settings`, SETTLED);
  await page.getByRole('link', { name: 'Choose your notifications' }).click();
  await page.waitForURL(`${baseUrl}/settings/notifications`);
  await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();

  const failed = page.getByRole('radiogroup', { name: 'Posts that could not be published' });
  // A comms officer's default: at once.
  expect(await failed.getByRole('radio', { name: 'Email at once (default)' }).isChecked()).toBe(
    true,
  );
  await failed.getByRole('radio', { name: 'No email' }).check();
  await page.getByRole('combobox', { name: 'Send the digest at (UK time)' }).click();
  await page.getByRole('option', { name: '06:00' }).click();
  await page.getByRole('button', { name: 'Save notification choices' }).click();
  await page.getByText('Your notification choices are saved.').waitFor();

  await page.reload(SETTLED);
  const again = page.getByRole('radiogroup', { name: 'Posts that could not be published' });
  expect(await again.getByRole('radio', { name: 'No email' }).isChecked()).toBe(true);
  expect(
    await page.getByRole('combobox', { name: 'Send the digest at (UK time)' }).inputValue(),
  ).toBe('06:00');
  await context.close();
});

it('a message submitted for approval reaches the other lead’s inbox with a link to it', async () => {
  const token = async (email: string) => {
    const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'signpost-demo', label: 'e2e mail' }),
    });
    return ((await response.json()) as { token: string }).token;
  };
  const lead = await token('lead@nw-rocu.example');
  const database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  const campaign = await database.query<{ id: string }>(
    `SELECT id FROM campaigns WHERE slug = 'stop-it-now-north-west'`,
  );
  await database.end();
  const api = (path: string, body: unknown) =>
    fetch(`${baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${lead}` },
      body: JSON.stringify(body),
    });
  const title = `Mailed for approval ${Date.now()}`;
  const created = await api('/messages', {
    campaignId: campaign.rows[0]?.id,
    title,
    body: 'Help to stop is there for people in {area}.',
    theme: 'help',
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await api(`/messages/${id}/submit`, {})).status).toBe(200);

  let about: SandboxMail | undefined;
  await waitFor(
    async () => {
      const mail = await sandboxMail({ to: 'lead2@nw-rocu.example', sandboxUrl });
      about = mail.find((one) => one.subject.includes(title));
      return about !== undefined;
    },
    { timeoutMs: 30_000, what: 'the mail to the other lead' },
  );
  expect(about?.text).toContain(`${baseUrl}/messages/${id}`);
  expect(await sandboxMail({ to: 'lead@nw-rocu.example', sandboxUrl })).not.toContainEqual(
    expect.objectContaining({ subject: expect.stringContaining(title) }),
  );
});
