// Email through the sandbox's SMTP server (issue 9): a notification to be mailed at once reaches
// its person, once, with its subject and link; one for the digest waits for the person's UK hour,
// and the digest gathers the day's, once, however often the sweep runs; an unreachable mail
// server leaves the notification unmailed, the job retried, and the health route saying so.
// Notifications are made here directly (the dispatcher makes them in real life).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as getHealth } from '@/app/api/v1/health/route';
import { POST as submit } from '@/app/api/v1/messages/[id]/submit/route';
import { POST as postMessage } from '@/app/api/v1/messages/route';
import {
  GET as getNotificationSettings,
  PUT as putNotificationSettings,
} from '@/app/api/v1/me/notification-settings/route';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { sendDigests } from '@/lib/notifications/digest';
import { drainOutbox } from '@/lib/notifications/dispatch';
import { enqueueMail } from '@/lib/notifications/mail-queue';
import { deliveryFor } from '@/lib/notifications/kinds';
import {
  NotificationSettingsUpdate,
  notificationSettingsFor,
  saveNotificationSettings,
} from '@/lib/notifications/notification-settings';
import { sendNotificationMail } from '@/lib/notifications/send-mail';
import { QUEUES, sendMailJobId } from '@/lib/queue/jobs';
import { queue } from '@/lib/queue/queues';
import { sharedRedis } from '@/lib/redis';
import { resolveLocalTime } from '@/lib/scheduling/london-time';
import type { Health } from '@/lib/health/check-health';
import { call, tokenFor } from '../support/api';
import { resetDatabase, userId } from '../support/database';
import { actorFor } from '../support/fixtures';
import { clearSandboxMail, type SandboxMail, sandboxMail, waitForMail } from '../support/mail';
import { freePort, type Started, waitFor } from '../support/processes';
import { inProcessWorkers, workerProcess } from '../support/workers';

const LEAD = 'lead@nw-rocu.example';
const COMMS = 'comms@lancashire.example';
/** Every mail the file's tests made the sandbox receive, to look for credentials at the end. */
const received: SandboxMail[] = [];

beforeAll(async () => {
  await resetDatabase();
});
beforeEach(async () => {
  await db.notification.deleteMany();
  await db.notificationSettings.deleteMany();
  await sharedRedis().del(`${env().QUEUE_PREFIX}:mail-health`);
  await clearSandboxMail();
});
afterEach(async () => {
  received.push(...(await sandboxMail()));
});
afterAll(async () => {
  await queue(QUEUES.notify).obliterate({ force: true });
});

const context = (now = new Date()) => ({ now: () => now });

/** The instant a UK wall-clock time names (the first, when the clocks go back). */
function uk(date: string, time: string): Date {
  const resolved = resolveLocalTime({ date, time }, 'Europe/London', 'earlier');
  if (resolved.kind !== 'ok') throw new Error(`${date} ${time}: ${resolved.kind}`);
  return resolved.instant;
}

async function notify(
  email: string,
  overrides: Partial<{
    kind: string;
    title: string;
    body: string;
    link: string;
    emailDelivery: string;
    createdAt: Date;
  }> = {},
) {
  return db.notification.create({
    data: {
      userId: await userId(email),
      kind: 'message.submitted',
      title: 'A message is waiting for your approval',
      body: '“Worried about your thoughts?” by Lee Lead is waiting for your approval.',
      link: '/approvals',
      emailDelivery: 'immediate',
      ...overrides,
    },
  });
}

describe('a message submitted for approval', () => {
  it('is mailed at once to the other leads through the dispatcher and the notify queue, never to its author', async () => {
    const LEAD2 = 'lead2@nw-rocu.example';
    const campaign = await db.campaign.findUniqueOrThrow({
      where: { slug: 'stop-it-now-north-west' },
    });
    const token = await tokenFor(LEAD);
    const drafted = await call<{ id: string }>(postMessage, '/messages', {
      method: 'POST',
      token,
      body: {
        campaignId: campaign.id,
        title: 'Mail <b>me</b> & the others',
        body: 'Help to stop is there for people in {area}.',
        theme: 'help',
      },
    });
    expect(drafted.status).toBe(201);
    const id = drafted.body.id;
    const submitted = await call(submit, `/messages/${id}/submit`, {
      method: 'POST',
      token,
      params: { id },
    });
    expect(submitted.status).toBe(200);
    const workers = await inProcessWorkers();
    try {
      await drainOutbox();
      const [mail] = await waitForMail({ to: LEAD2 });
      expect(mail?.subject).toContain('Mail <b>me</b> & the others');
      expect(mail?.html).toContain('Mail &lt;b&gt;me&lt;/b&gt; &amp; the others');
      expect(mail?.text).toContain(`${env().APP_URL}/messages/${id}`);
      expect(await sandboxMail({ to: LEAD })).toEqual([]);
    } finally {
      await workers.stop();
    }
  });
});

describe('a notification to be mailed at once', () => {
  it('reaches its person through the notify queue, with its title as subject and a link to the thing', async () => {
    const workers = await inProcessWorkers();
    try {
      const notification = await notify(LEAD, { link: '/messages/m-42' });
      expect(await enqueueMail([{ notificationId: notification.id, dueAt: new Date() }])).toBe(
        true,
      );
      const [mail] = await waitForMail({ to: LEAD });
      expect(mail?.to).toEqual([LEAD]);
      expect(mail?.subject).toBe('A message is waiting for your approval');
      expect(mail?.from).toContain('signpost@signpost.localhost');
      const link = `${env().APP_URL}/messages/m-42`;
      expect(mail?.text).toContain(link);
      expect(mail?.html).toContain(`href="${link}"`);
      expect(mail?.text).toContain(`${env().APP_URL}/settings/notifications`);
      const stored = await db.notification.findUniqueOrThrow({ where: { id: notification.id } });
      expect(stored.emailedAt).not.toBeNull();
    } finally {
      await workers.stop();
    }
  });

  it('is sent once however often its job runs, and tells the mail’s final title', async () => {
    const notification = await notify(COMMS, {
      kind: 'posts.held',
      title: '3 posts held by the pause on every organisation',
      link: '/schedule',
    });
    // The burst grew before its window closed: the mail reads the notification as it is now.
    await db.notification.update({
      where: { id: notification.id },
      data: { count: 14, title: '14 posts held by the pause on every organisation' },
    });
    const outcomes = await Promise.all([
      sendNotificationMail({ notificationId: notification.id }, context()),
      sendNotificationMail({ notificationId: notification.id }, context()),
    ]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['sent', 'skipped']);
    expect((await sendNotificationMail({ notificationId: notification.id }, context())).kind).toBe(
      'skipped',
    );
    const mail = await sandboxMail({ to: COMMS });
    expect(mail.map((one) => one.subject)).toEqual([
      '14 posts held by the pause on every organisation',
    ]);
  });

  it('is not mailed when its person chose the digest or no email for it', async () => {
    const digest = await notify(LEAD, { emailDelivery: 'digest' });
    const none = await notify(LEAD, { emailDelivery: 'none' });
    for (const notification of [digest, none]) {
      expect(
        (await sendNotificationMail({ notificationId: notification.id }, context())).kind,
      ).toBe('skipped');
    }
    expect(await sandboxMail()).toEqual([]);
    const stored = await db.notification.findMany({ where: { emailedAt: { not: null } } });
    expect(stored).toEqual([]);
  });
});

describe('the daily digest', () => {
  it('gathers the day’s notifications at the person’s chosen UK hour, once, and marks them mailed', async () => {
    const lead = await userId(LEAD);
    await db.notificationSettings.create({ data: { userId: lead, digestHour: 18, email: {} } });
    const day = '2026-06-10';
    const titles = ['First held', 'Second held', 'A pause was lifted'];
    for (const [index, title] of titles.entries()) {
      await notify(LEAD, {
        kind: 'posts.held',
        title,
        link: '/schedule',
        emailDelivery: 'digest',
        createdAt: uk(day, `0${index + 7}:15`),
      });
    }
    // One to be mailed at once is not the digest's.
    await notify(LEAD, { title: 'Mailed at once', createdAt: uk(day, '09:30') });

    expect(await sendDigests({ now: uk(day, '17:00') })).toEqual({ sent: 0, failed: 0 });
    expect(await sandboxMail()).toEqual([]);

    // Two sweeps at the hour at once (two workers), and the same sweep again.
    const reports = await Promise.all([
      sendDigests({ now: uk(day, '18:00') }),
      sendDigests({ now: uk(day, '18:00') }),
    ]);
    expect(reports.map((report) => report.sent).sort()).toEqual([0, 1]);
    expect(await sendDigests({ now: uk(day, '18:00') })).toEqual({ sent: 0, failed: 0 });

    const mail = await sandboxMail({ to: LEAD });
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe('Signpost: 3 notifications since your last digest');
    const text = mail[0]?.text ?? '';
    const at = titles.map((title) => text.indexOf(title));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).not.toContain('Mailed at once');
    expect(text).toContain(`${env().APP_URL}/schedule`);
    const waiting = await db.notification.count({
      where: { userId: lead, emailDelivery: 'digest', emailedAt: null },
    });
    expect(waiting).toBe(0);

    // Later that day: a new one waits for tomorrow's digest.
    await notify(LEAD, { title: 'Evening', emailDelivery: 'digest', createdAt: uk(day, '20:10') });
    expect((await sendDigests({ now: uk(day, '21:00') })).sent).toBe(0);
    expect((await sendDigests({ now: uk('2026-06-11', '18:00') })).sent).toBe(1);
    const next = await sandboxMail({ to: LEAD });
    expect(next[0]?.subject).toBe('Signpost: 1 notification since your last digest');
    expect(next[0]?.text).toContain('Evening');
  });

  it('goes at 8 UK time to a person who never chose an hour, and only once on the night the clocks go back', async () => {
    // 25 October 2026: 01:00 happens twice. A person at 1 o'clock is sent one digest.
    const lead = await userId(LEAD);
    await db.notificationSettings.create({ data: { userId: lead, digestHour: 1, email: {} } });
    await notify(LEAD, {
      emailDelivery: 'digest',
      createdAt: new Date('2026-10-24T18:00:00Z'),
    });
    await notify(COMMS, {
      kind: 'posts.failed',
      title: 'Posts could not be published',
      emailDelivery: 'digest',
      createdAt: new Date('2026-10-24T18:00:00Z'),
    });
    const sweeps = ['2026-10-24T23:00:00Z', '2026-10-25T00:00:00Z', '2026-10-25T01:00:00Z'];
    const sent = [];
    for (const now of sweeps) sent.push((await sendDigests({ now: new Date(now) })).sent);
    expect(sent).toEqual([0, 1, 0]);
    expect(await sandboxMail({ to: LEAD })).toHaveLength(1);
    expect(await sandboxMail({ to: COMMS })).toEqual([]);

    // The comms officer has no settings row: 8 o'clock GMT that morning.
    expect((await sendDigests({ now: new Date('2026-10-25T07:00:00Z') })).sent).toBe(0);
    expect((await sendDigests({ now: new Date('2026-10-25T08:00:00Z') })).sent).toBe(1);
    expect(await sandboxMail({ to: COMMS })).toHaveLength(1);
    const settings = await db.notificationSettings.findUniqueOrThrow({
      where: { userId: await userId(COMMS) },
    });
    expect(settings.lastDigestAt).not.toBeNull();
  });

  it('sends nothing to someone with nothing waiting', async () => {
    await notify(LEAD, { emailDelivery: 'none', createdAt: uk('2026-06-10', '07:00') });
    expect(await sendDigests({ now: uk('2026-06-10', '08:00') })).toEqual({ sent: 0, failed: 0 });
    expect(await sandboxMail()).toEqual([]);
    expect(await db.notificationSettings.count()).toBe(0);
  });
});

describe('each person’s choices', () => {
  it('start at the role’s defaults, are saved with the digest hour, and are what the dispatcher reads', async () => {
    const { actor } = await actorFor(LEAD);
    const before = await notificationSettingsFor(actor);
    expect(before.digestHour).toBe(8);
    const submitted = before.kinds.find((kind) => kind.kind === 'message.submitted');
    expect(submitted).toMatchObject({ default: 'immediate', delivery: 'immediate' });
    const held = before.kinds.find((kind) => kind.kind === 'posts.held');
    expect(held).toMatchObject({ default: 'digest', delivery: 'digest' });

    const update = NotificationSettingsUpdate.parse({
      email: { 'message.submitted': 'digest', 'posts.held': 'digest', 'pause.started': 'none' },
      digestHour: 17,
    });
    const after = await saveNotificationSettings(actor, update);
    expect(after.digestHour).toBe(17);
    expect(after.kinds.find((kind) => kind.kind === 'message.submitted')?.delivery).toBe('digest');

    const stored = await db.notificationSettings.findUniqueOrThrow({
      where: { userId: actor.userId },
    });
    // Only what differs from the role's default is kept, so the default follows the role.
    expect(stored.email).toEqual({ 'message.submitted': 'digest', 'pause.started': 'none' });
    expect(stored.digestHour).toBe(17);
    const roles = actor.memberships.map((membership) => membership.role);
    expect(deliveryFor('message.submitted', roles, stored.email)).toBe('digest');
    expect(deliveryFor('posts.failed', roles, stored.email)).toBe('digest');
    const audit = await db.auditEvent.findFirst({
      where: { action: 'user.notification_settings', entityId: actor.userId },
    });
    expect(audit?.after).toMatchObject({ digestHour: 17 });
  });

  it('refuse an unknown kind, an unknown choice or an hour that is not one, naming the field', () => {
    const cases = [
      [{ email: { 'posts.held': 'weekly' }, digestHour: 8 }, 'email.posts.held'],
      [{ email: { 'no.such.kind': 'none' }, digestHour: 8 }, 'email'],
      [{ email: {}, digestHour: 24 }, 'digestHour'],
      [{ email: {}, digestHour: 7.5 }, 'digestHour'],
      [{ email: {} }, 'digestHour'],
    ] as const;
    for (const [input, field] of cases) {
      const parsed = NotificationSettingsUpdate.safeParse(input);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
    }
  });
});

describe('GET and PUT /api/v1/me/notification-settings', () => {
  it('answer the person’s choices, save new ones, and refuse bad ones with 400 naming the field, saving nothing', async () => {
    const token = await tokenFor(COMMS);
    const got = await call<{ digestHour: number; kinds: { kind: string; delivery: string }[] }>(
      getNotificationSettings,
      '/me/notification-settings',
      { token },
    );
    expect(got.status).toBe(200);
    expect(got.body.digestHour).toBe(8);
    expect(got.body.kinds.find((kind) => kind.kind === 'posts.failed')?.delivery).toBe('immediate');

    const refused = await call<{ error: { code: string; fields: Record<string, string> } }>(
      putNotificationSettings,
      '/me/notification-settings',
      { token, method: 'PUT', body: { email: { 'posts.failed': 'weekly' }, digestHour: 25 } },
    );
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.error.fields)).toEqual(
      expect.arrayContaining(['email.posts.failed', 'digestHour']),
    );
    expect(await db.notificationSettings.count()).toBe(0);

    const saved = await call<{ digestHour: number; kinds: { kind: string; delivery: string }[] }>(
      putNotificationSettings,
      '/me/notification-settings',
      { token, method: 'PUT', body: { email: { 'posts.failed': 'none' }, digestHour: 6 } },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.digestHour).toBe(6);
    expect(saved.body.kinds.find((kind) => kind.kind === 'posts.failed')?.delivery).toBe('none');
    const nobody = await call(getNotificationSettings, '/me/notification-settings');
    expect(nobody.status).toBe(401);
  });
});

describe('an unreachable mail server', () => {
  let worker: Started | undefined;
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    await queue(QUEUES.notify).obliterate({ force: true });
  });

  it(
    'leaves the notification unmailed, fails the job and retries it with backoff, and the logs and health route say so',
    { timeout: 90_000 },
    async () => {
      // A port nothing listens on.
      const closed = `smtp://127.0.0.1:${await freePort()}`;
      worker = await workerProcess({ SMTP_URL: closed });
      const notification = await notify(LEAD);
      await enqueueMail([{ notificationId: notification.id, dueAt: new Date() }]);
      const jobId = sendMailJobId({ notificationId: notification.id });
      await waitFor(
        async () => ((await queue(QUEUES.notify).getJob(jobId))?.attemptsMade ?? 0) >= 2,
        { timeoutMs: 45_000, intervalMs: 200, what: 'the mail job to be tried twice' },
      );
      const job = await queue(QUEUES.notify).getJob(jobId);
      expect(await job?.getState()).not.toBe('failed');
      expect(job?.failedReason).toMatch(/ECONNREFUSED/);

      const stored = await db.notification.findUniqueOrThrow({ where: { id: notification.id } });
      expect(stored.emailedAt).toBeNull();
      expect(await sandboxMail()).toEqual([]);
      expect(worker.output()).toContain('the mail server could not take the mail');

      const health = await call<Health>(getHealth, '/health');
      // The app itself is fine: mail waits, publishing and the pages do not.
      expect(health.status).toBe(200);
      expect(health.body.mail.ok).toBe(false);
      expect(health.body.mail.lastError).toMatch(/ECONNREFUSED/);
      expect(health.body.mail.lastErrorAt).not.toBeNull();
      expect(health.body.mail.waiting).toBeGreaterThanOrEqual(1);
    },
  );
});

describe('every mail sent in these tests', () => {
  it('carries no secret, token or credential', async () => {
    // A token that reached a notification's words, to prove it goes no further.
    const token = await tokenFor(LEAD);
    const notification = await notify(LEAD, { body: `Your token ${token} was used.` });
    await sendNotificationMail({ notificationId: notification.id }, context());
    received.push(...(await sandboxMail()));
    const channels = await db.channel.findMany({ select: { credentialsEncrypted: true } });
    const secrets = [
      env().AUTH_SECRET,
      env().CREDENTIALS_KEY,
      env().DEMO_PASSWORD,
      token,
      ...channels.map((channel) => channel.credentialsEncrypted),
    ];
    expect(received.length).toBeGreaterThan(5);
    for (const mail of received) {
      const whole = JSON.stringify(mail);
      for (const secret of secrets) expect(whole).not.toContain(secret);
    }
  });
});
