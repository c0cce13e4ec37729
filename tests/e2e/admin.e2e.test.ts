// An administrator brings a person in and takes them out again, in Chromium (issue 12): invites
// them on Settings → People (the link shown once, and emailed), the person opens the link, sets a
// password and is signed in, the administrator changes their role (their next page shows it),
// then deactivates them, and their next page load is the sign-in page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { wcagViolations } from '../support/accessibility';
import { DEMO_PASSWORD, launchBrowser, SETTLED, signIn } from '../support/browser';
import { waitForMail } from '../support/mail';

const { baseUrl, sandboxUrl } = inject('e2e');
const EMAIL = `robin.e2e.${Date.now()}@lancashire.example`;
const NAME = 'Robin Ashworth';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('dialog').getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

it('invite, accept, sign in, change role, deactivate: the person’s next page is signed out', async () => {
  const adminContext = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  const admin = await adminContext.newPage();
  await signIn(admin, baseUrl, 'admin@nw-rocu.example');
  await admin.waitForURL(`${baseUrl}/`);
  await admin.getByRole('link', { name: 'People' }).click();
  await admin.waitForURL(`${baseUrl}/settings/people`);
  await admin.getByRole('heading', { name: 'People', level: 1 }).waitFor();

  await admin.getByRole('button', { name: 'Invite a person' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Invite a person' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(NAME);
  await dialog.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
  await choose(admin, 'Organisation 1', 'Lancashire Constabulary');
  await dialog.getByRole('button', { name: 'Send the invitation' }).click();
  const link = (await admin.getByTestId('invite-link').textContent()) ?? '';
  expect(link).toMatch(/\/invite\/inv_/);
  const [mail] = await waitForMail({ to: EMAIL, sandboxUrl });
  expect(mail?.text).toContain(link);
  await admin.getByRole('button', { name: 'Done' }).click();
  await admin.getByTestId(`person-${EMAIL}`).getByText('Invited').waitFor();

  const personContext = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  const person = await personContext.newPage();
  await person.goto(link, SETTLED);
  await person.getByRole('heading', { name: 'Set your password' }).waitFor();
  const password = person.getByLabel('New password');
  await password.fill('robin2026');
  // Their own name: said at once, before anything is sent.
  await person.getByText(/Not your name or email address\s*\(not yet\)/).waitFor();
  await password.fill('password1234');
  await person.getByRole('button', { name: 'Set password and sign in' }).click();
  await person
    .getByRole('alert')
    .getByText(/common passwords/)
    .waitFor();
  await person.getByLabel('New password').fill('trombone-velvet-harbour');
  await person.getByRole('button', { name: 'Set password and sign in' }).click();
  await person.waitForURL(`${baseUrl}/`);
  await person.goto(`${baseUrl}/settings`, SETTLED);
  expect(await person.getByRole('link', { name: 'Manage webhooks' }).count()).toBe(0);

  await admin.reload(SETTLED);
  const row = admin.getByTestId(`person-${EMAIL}`);
  await row.getByText('Active').waitFor();
  await row.getByRole('button', { name: `Change roles of ${NAME}` }).click();
  await choose(admin, 'Role 1', 'Comms officer');
  await admin.getByRole('button', { name: 'Save the roles' }).click();
  await row.getByText('Comms officer, Lancashire Constabulary').waitFor();

  // A comms officer manages their force's webhooks: the very next page load offers it.
  await person.reload(SETTLED);
  await person.getByRole('link', { name: 'Manage webhooks' }).waitFor();

  await row.getByRole('button', { name: `Deactivate ${NAME}` }).click();
  await admin
    .getByRole('dialog')
    .getByRole('button', { name: `Deactivate ${NAME}` })
    .click();
  await row.getByText('Deactivated').waitFor();

  await person.reload(SETTLED);
  await person.waitForURL(/\/sign-in/);
  await person.getByRole('heading', { name: 'Sign in' }).waitFor();
  await adminContext.close();
  await personContext.close();
});

it('the invitation page, with its form, has no WCAG 2.2 AA violation', async () => {
  const token = async () => {
    const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'admin@nw-rocu.example',
        password: DEMO_PASSWORD,
      }),
    });
    return ((await response.json()) as { token: string }).token;
  };
  const invited = await fetch(`${baseUrl}/api/v1/users/invitations`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await token()}`,
    },
    body: JSON.stringify({
      email: `axe.${Date.now()}@cumbria.example`,
      name: 'Axe Check',
      memberships: [{ organisation: 'cumbria', role: 'viewer' }],
    }),
  });
  expect(invited.status).toBe(201);
  const { inviteUrl } = (await invited.json()) as { inviteUrl: string };
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(inviteUrl, SETTLED);
  await page.getByLabel('New password').fill('short');
  expect(await wcagViolations(page)).toEqual([]);
  await context.close();
});

it('the People page works from the keyboard: the invite dialog opens, keeps focus and gives it back', async () => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await signIn(page, baseUrl, 'admin@nw-rocu.example');
  await page.waitForURL(`${baseUrl}/`);
  await page.goto(`${baseUrl}/settings/people`, SETTLED);
  const invite = page.getByRole('button', { name: 'Invite a person' });
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    if (await invite.evaluate((element) => element === document.activeElement)) break;
  }
  await expect
    .poll(() => invite.evaluate((element) => element === document.activeElement))
    .toBe(true);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Invite a person' });
  await dialog.waitFor();
  for (let presses = 0; presses < 12; presses++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await expect
    .poll(() => invite.evaluate((element) => element === document.activeElement))
    .toBe(true);
  await context.close();
});
