// Every page and every dialog, per role, that the accessibility pass checks: the one place to add
// a page (a path in PAGES) or a dialog (an entry in DIALOGS) when it is built.
import pg from 'pg';
import type { Page } from 'playwright-core';
import { dayOf } from '@/lib/scheduling/london-time';
import { DEMO_PASSWORD } from './browser';

export const ROLES = {
  'campaign lead': 'lead@nw-rocu.example',
  'comms officer': 'comms@lancashire.example',
  partner: 'partner@manchester-city-council.example',
  viewer: 'viewer@cumbria.example',
  administrator: 'admin@nw-rocu.example',
} as const;
export type Role = keyof typeof ROLES;

/** Ids of the seeded demo campaign and its messages (prisma/seed/campaign.ts). */
export interface SeededIds {
  campaign: string;
  /** Approved and shareable: every role may open and schedule it. */
  approved: string;
  /** Approved, not shareable: partners are told it does not exist. */
  approvedForForces: string;
  /** In review, written by a comms officer: a campaign lead may approve or send it back. */
  inReview: string;
  draft: string;
}

/**
 * Schedules the approved message on Lancashire's and Cumbria's channels some days ahead, as a
 * campaign lead does through the API, so the schedule has posts to open, for the comms officer
 * (Lancashire) and the viewer (Cumbria) too. The seed schedules nothing itself.
 */
export async function schedulePosts(
  baseUrl: string,
  ids: SeededIds,
  daysAhead = 14,
): Promise<void> {
  const token = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ROLES['campaign lead'], password: DEMO_PASSWORD, label: 'a11y' }),
  });
  if (token.status !== 201) throw new Error(`no API token: ${token.status}`);
  const { token: bearer } = (await token.json()) as { token: string };
  const startAt = new Date(Date.now() + daysAhead * 86_400_000).toISOString();
  const scheduled = await fetch(`${baseUrl}/api/v1/messages/${ids.approved}/schedule`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ organisations: ['lancashire', 'cumbria'], startAt, staggerMinutes: 5 }),
  });
  if (scheduled.status !== 201) {
    throw new Error(`scheduling failed: ${scheduled.status} ${await scheduled.text()}`);
  }
}

export async function seededIds(databaseUrl: string): Promise<SeededIds> {
  const database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  try {
    const campaign = await database.query<{ id: string }>(
      `SELECT id FROM campaigns WHERE slug = 'stop-it-now-north-west'`,
    );
    const messages = await database.query<{ id: string; title: string }>(
      `SELECT id, title FROM messages WHERE "campaignId" = $1`,
      [campaign.rows[0]?.id],
    );
    const byTitle = (title: string): string => {
      const found = messages.rows.find((message) => message.title === title);
      if (!found) throw new Error(`the seed has no message “${title}”`);
      return found.id;
    };
    return {
      campaign: campaign.rows[0]!.id,
      approved: byTitle('A growing problem close to home'),
      approvedForForces: byTitle('Real children, real harm'),
      inReview: byTitle('It is never too late to ask'),
      draft: byTitle('Talk to someone before it goes further'),
    };
  } finally {
    await database.end();
  }
}

/**
 * Pages each role opens. Every signed-in role opens every page, including the ones its role does
 * not reach: the 403 and 404 pages it then sees are pages too.
 */
const EVERY_PAGE = (ids: SeededIds) => [
  '/',
  '/campaigns',
  `/campaigns/${ids.campaign}`,
  `/campaigns/${ids.campaign}/messages/new`,
  `/messages/${ids.approved}`,
  `/messages/${ids.approvedForForces}`,
  `/messages/${ids.inReview}`,
  `/messages/${ids.draft}`,
  '/schedule',
  '/schedule?view=attention',
  '/schedule?view=published',
  '/schedule?view=all',
  '/schedule/calendar',
  '/schedule/calendar?show=week',
  '/schedule/calendar?show=list',
  '/approvals',
  '/reach',
  '/audit',
  '/settings',
  '/settings/signpost',
  '/no-such-page',
];

export const SIGNED_OUT_PAGES = ['/sign-in', '/sign-in?next=%2Fschedule'];

export const PAGES: Record<Role, (ids: SeededIds) => string[]> = {
  'campaign lead': EVERY_PAGE,
  'comms officer': EVERY_PAGE,
  partner: EVERY_PAGE,
  viewer: EVERY_PAGE,
  administrator: EVERY_PAGE,
};

export interface Dialog {
  name: string;
  roles: Role[];
  path: (ids: SeededIds) => string;
  /** Opens it as a person would; resolves once it is on screen. */
  open: (page: Page) => Promise<void>;
}

const openDialog = async (page: Page, button: string | RegExp) => {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  await page.getByRole('dialog').waitFor();
};

const firstPostMenu = async (page: Page) => {
  await page
    .getByRole('button', { name: /^Actions for / })
    .first()
    .click();
  await page.getByRole('menu').waitFor();
};

export const DIALOGS: Dialog[] = [
  {
    name: 'account menu',
    roles: ['campaign lead', 'comms officer', 'partner', 'viewer', 'administrator'],
    path: () => '/',
    open: async (page) => {
      await page.getByTestId('account-menu').click();
      await page.getByRole('menu').waitFor();
    },
  },
  {
    name: 'schedule dialog',
    roles: ['campaign lead', 'comms officer', 'partner'],
    path: (ids) => `/messages/${ids.approved}`,
    open: (page) => openDialog(page, 'Schedule'),
  },
  {
    name: 'pause dialog',
    roles: ['campaign lead', 'comms officer'],
    path: () => '/schedule',
    open: (page) => openDialog(page, 'Pause publishing'),
  },
  {
    name: 'post actions menu',
    roles: ['campaign lead', 'comms officer', 'viewer'],
    path: () => '/schedule',
    open: firstPostMenu,
  },
  {
    name: 'post drawer',
    roles: ['campaign lead', 'comms officer', 'viewer'],
    path: () => '/schedule',
    open: async (page) => {
      await firstPostMenu(page);
      await page.getByRole('menuitem', { name: 'Details and attempts' }).click();
      await page.getByRole('dialog').getByText('Attempts').first().waitFor();
    },
  },
  {
    name: 'reschedule dialog',
    roles: ['campaign lead', 'comms officer'],
    path: () => '/schedule',
    open: async (page) => {
      await firstPostMenu(page);
      await page.getByRole('menuitem', { name: 'Reschedule' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'post drawer, from the calendar',
    roles: ['campaign lead', 'comms officer', 'viewer'],
    // The week of the posts schedulePosts makes, as a list.
    path: () =>
      `/schedule/calendar?show=list&date=${dayOf(new Date(Date.now() + 14 * 86_400_000))}`,
    open: async (page) => {
      await page.getByTestId('calendar-post').first().click();
      await page.getByRole('dialog').getByText('Attempts').first().waitFor();
    },
  },
  {
    name: 'reschedule dialog, from the calendar',
    roles: ['campaign lead', 'comms officer'],
    path: () =>
      `/schedule/calendar?show=list&date=${dayOf(new Date(Date.now() + 14 * 86_400_000))}`,
    open: async (page) => {
      await page.getByTestId('calendar-post').first().click();
      await page.getByRole('button', { name: 'Reschedule…' }).click();
      await page.getByRole('dialog', { name: 'Reschedule post' }).waitFor();
    },
  },
  {
    name: 'send back dialog, from the message',
    roles: ['campaign lead'],
    path: (ids) => `/messages/${ids.inReview}`,
    open: (page) => openDialog(page, 'Send back with a reason'),
  },
  {
    name: 'send back dialog, from the approvals queue',
    roles: ['campaign lead'],
    path: () => '/approvals',
    open: (page) => openDialog(page, /^Send back “.*” with a reason$/),
  },
  {
    name: 'theme list in the composer',
    roles: ['campaign lead'],
    path: (ids) => `/campaigns/${ids.campaign}/messages/new`,
    open: async (page) => {
      await page.getByRole('combobox', { name: 'Theme' }).click();
      await page.getByRole('listbox').waitFor();
    },
  },
  {
    name: 'new campaign dialog',
    roles: ['campaign lead'],
    path: () => '/campaigns',
    open: (page) => openDialog(page, 'New campaign'),
  },
  {
    name: 'edit campaign dialog',
    roles: ['campaign lead'],
    path: (ids) => `/campaigns/${ids.campaign}`,
    open: (page) => openDialog(page, 'Edit'),
  },
  {
    name: 'archive campaign dialog',
    roles: ['campaign lead'],
    path: (ids) => `/campaigns/${ids.campaign}`,
    open: (page) => openDialog(page, 'Archive'),
  },
  {
    name: 'connect channel dialog',
    roles: ['administrator'],
    path: () => '/settings',
    open: (page) => openDialog(page, /^(Credentials|Reconnect)$/),
  },
];
