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

/**
 * A notification of each look (unread, read, a burst counted up) for every demo role, so the pass
 * checks the notifications page and the bell's popover with something in them. Written straight
 * to the table: what raises them is tested in tests/e2e/notifications.e2e.test.ts.
 */
export async function seedNotifications(databaseUrl: string): Promise<void> {
  const database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  try {
    await database.query(
      `INSERT INTO notifications (id, "userId", kind, title, body, link, count, "createdAt", "updatedAt", "readAt")
       SELECT md5(random()::text || users.id || sample.title), users.id, sample.kind, sample.title,
              sample.body, sample.link, sample.count, now() - sample.age, now(),
              CASE WHEN sample.read THEN now() END
         FROM users, (VALUES
           ('posts.held', '14 posts held by the pause on every organisation',
            'Paused for every organisation: a critical incident.', '/schedule?view=attention', 14,
            interval '5 minutes', false),
           ('posts.failed', 'Posts could not be published', 'Latest: the platform refused it',
            '/schedule?status=failed', 3, interval '2 hours', false),
           ('pause.lifted', 'Publishing resumed for Lancashire Constabulary',
            'Held posts stay held until released.', '/schedule', 1, interval '1 day', true)
         ) AS sample(kind, title, body, link, count, age, read)
        WHERE users.email = ANY($1)`,
      [Object.values(ROLES)],
    );
  } finally {
    await database.end();
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
// Not here: /admin/queues, bull-board's own pages (third-party; Settings, which links to it, is).
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
  '/schedule/ready',
  '/schedule?view=all&q=help',
  '/schedule?q=nothing-matches-this',
  '/campaigns?q=help',
  '/campaigns?q=nothing-matches-this',
  '/approvals',
  '/reach',
  '/reach/amplification',
  '/audit',
  '/notifications',
  '/notifications?show=read',
  '/shared',
  '/settings',
  '/settings/signpost',
  '/settings/notifications',
  '/settings/webhooks',
  '/settings/security',
  '/settings/people',
  '/settings/organisations',
  '/settings/single-sign-on',
  '/settings/calendar-feed',
  '/settings/channels/connect',
  // Without a state: the page that says the channel was not connected, and why.
  '/settings/channels/callback/x',
  '/settings/channels/pick/no-such-connection',
  '/no-such-page',
];

export const SIGNED_OUT_PAGES = [
  '/sign-in',
  '/sign-in?next=%2Fschedule',
  '/sign-in?sso=lancashire&error=invalid_provider&error_description=token_not_verified',
  '/invite/inv_no-such-invitation',
];

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

/** Adds a webhook through its dialog, and waits for the secret to be shown. */
async function addWebhook(page: Page): Promise<void> {
  await openDialog(page, 'Add a webhook');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('URL of your endpoint').fill('https://tools.example.org/signpost');
  await dialog.getByLabel('A post was published').check();
  await dialog.getByRole('button', { name: 'Add the webhook' }).click();
  await page.getByTestId('webhook-secret').waitFor();
}

/** A webhook on the page, whichever dialog ran first: one is added if there is none. */
async function withWebhook(page: Page): Promise<void> {
  const log = page.getByRole('button', { name: 'Delivery log', exact: true });
  if ((await log.count()) > 0) return;
  await addWebhook(page);
  await page.getByRole('button', { name: 'I have copied it' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await log.first().waitFor();
}

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
    name: 'notifications popover',
    roles: ['campaign lead', 'comms officer', 'partner', 'viewer', 'administrator'],
    // Over the notifications page: on a dashboard the open popover covers half of a small text
    // link below it, and axe measures what is left of that link's target (a covered link is not
    // one anyone can use until the popover closes, which a click outside it does).
    path: () => '/notifications',
    open: async (page) => {
      await page.getByTestId('notification-bell').click();
      await page.getByRole('dialog', { name: 'Notifications' }).waitFor();
    },
  },
  {
    name: 'kind filter on the notifications page',
    roles: ['campaign lead'],
    path: () => '/notifications',
    open: async (page) => {
      await page.getByRole('combobox', { name: 'Kind' }).click();
      await page.getByRole('listbox').waitFor();
    },
  },
  {
    name: 'schedule dialog',
    roles: ['campaign lead', 'comms officer', 'partner'],
    path: (ids) => `/messages/${ids.approved}`,
    open: (page) => openDialog(page, 'Schedule'),
  },
  {
    name: '"I shared this" dialog',
    roles: ['partner'],
    path: () => '/',
    open: (page) => openDialog(page, 'I shared this'),
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
    name: 'invite dialog',
    roles: ['administrator'],
    path: () => '/settings/people',
    open: (page) => openDialog(page, 'Invite a person'),
  },
  {
    name: 'change roles dialog',
    roles: ['administrator'],
    path: () => '/settings/people',
    open: (page) => openDialog(page, /^Change roles of /),
  },
  {
    name: 'deactivate person dialog',
    roles: ['administrator'],
    path: () => '/settings/people',
    open: (page) => openDialog(page, /^Deactivate /),
  },
  {
    name: 'add organisation dialog',
    roles: ['administrator'],
    path: () => '/settings/organisations',
    open: (page) => openDialog(page, 'Add an organisation'),
  },
  {
    name: 'single sign-on dialog',
    roles: ['administrator'],
    path: () => '/settings/single-sign-on',
    open: (page) => openDialog(page, /^Set up single sign-on for /),
  },
  {
    name: 'deactivate organisation dialog',
    roles: ['administrator'],
    path: () => '/settings/organisations',
    open: (page) => openDialog(page, /^Deactivate /),
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
    name: 'bulk move dialog',
    roles: ['campaign lead', 'comms officer'],
    path: () => '/schedule',
    open: async (page) => {
      await page.getByRole('checkbox', { name: /^Select all shown/ }).check();
      await page.getByRole('region', { name: 'Selected posts' }).waitFor();
      await page.getByRole('button', { name: 'Move by…' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'import dialog',
    roles: ['campaign lead', 'comms officer', 'partner'],
    path: () => '/schedule',
    open: (page) => openDialog(page, 'Import from CSV'),
  },
  // The bulk result and "Release all held" dialogs need posts changed or held first: their axe
  // pass is in tests/e2e/bulk.e2e.test.ts, which makes them.
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
    name: 'schedule dialog, from Ready to schedule',
    roles: ['comms officer', 'partner'],
    path: () => '/schedule/ready',
    open: async (page) => {
      await page
        .getByRole('button', { name: /^Another time… for / })
        .first()
        .click();
      await page.getByRole('dialog').waitFor();
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
    name: 'add a webhook dialog',
    roles: ['campaign lead', 'comms officer', 'administrator'],
    path: () => '/settings/webhooks',
    open: (page) => openDialog(page, 'Add a webhook'),
  },
  {
    name: 'webhook secret dialog',
    roles: ['comms officer'],
    path: () => '/settings/webhooks',
    open: addWebhook,
  },
  {
    name: 'webhook delivery log',
    roles: ['comms officer'],
    path: () => '/settings/webhooks',
    open: async (page) => {
      await withWebhook(page);
      await openDialog(page, 'Delivery log');
    },
  },
  {
    name: 'remove webhook dialog',
    roles: ['comms officer'],
    path: () => '/settings/webhooks',
    open: async (page) => {
      await withWebhook(page);
      await openDialog(page, 'Remove');
    },
  },
  {
    name: 'connect channel dialog',
    roles: ['administrator'],
    path: () => '/settings',
    open: (page) => openDialog(page, /^Credentials$/),
  },
];
