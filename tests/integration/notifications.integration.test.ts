// Who hears about what: each event reaches exactly the people it should — not its author, not
// another force — once, after its change has committed; a burst is one notification counted up;
// and with two worker processes dispatching at once, still once.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as approve } from '@/app/api/v1/messages/[id]/approve/route';
import { POST as reject } from '@/app/api/v1/messages/[id]/reject/route';
import { POST as submit } from '@/app/api/v1/messages/[id]/submit/route';
import { POST as postMessage } from '@/app/api/v1/messages/route';
import { recordAudit, SYSTEM_ACTOR } from '@/lib/audit/record-audit';
import { db } from '@/lib/db';
import { dispatchBatch, drainOutbox } from '@/lib/notifications/dispatch';
import { warnExpiringTokens } from '@/lib/notifications/token-expiry';
import { createPause } from '@/lib/pauses/create-pause';
import { liftPause } from '@/lib/pauses/lift-pause';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { actorFor, approvedMessage, channelOf } from '../support/fixtures';
import { waitFor } from '../support/processes';
import { resetSandbox } from '../support/sandbox';
import { workerProcess } from '../support/workers';

const LEAD = 'lead@nw-rocu.example';
const LEAD2 = 'lead2@nw-rocu.example';
const LANCS = 'comms@lancashire.example';
const CUMBRIA = 'comms@cumbria.example';
const LANCS_PARTNER = 'partner@lancashire-county-council.example';

let campaignId: string;

/** Who was told, by email, for notifications of a kind made since `since`. */
async function told(kind: string, since: Date) {
  const rows = await db.notification.findMany({
    where: { kind, createdAt: { gte: since } },
    select: { user: { select: { email: true } }, title: true, body: true, count: true, link: true },
    orderBy: { user: { email: 'asc' } },
  });
  return rows;
}

const emails = (rows: { user: { email: string } }[]) => rows.map((row) => row.user.email).sort();

async function leadsAndAdmins() {
  const rows = await db.membership.findMany({
    where: { role: { in: ['campaign_lead', 'admin'] } },
    select: { role: true, user: { select: { email: true } } },
  });
  const of = (role: string) => [
    ...new Set(rows.filter((row) => row.role === role).map((row) => row.user.email)),
  ];
  return { leads: of('campaign_lead').sort(), admins: of('admin').sort() };
}

async function membersOf(slug: string, roles: string[]) {
  const rows = await db.membership.findMany({
    where: { organisation: { slug }, role: { in: roles as never } },
    select: { user: { select: { email: true } } },
  });
  return rows.map((row) => row.user.email);
}

async function draftBy(email: string, title: string) {
  const response = await call<{ id: string }>(postMessage, '/messages', {
    method: 'POST',
    token: await tokenFor(email),
    body: { campaignId, title, body: 'Help to stop is there for people in {area}.', theme: 'help' },
  });
  expect(response.status).toBe(201);
  return response.body.id;
}

const act = async (
  route: typeof submit,
  name: string,
  email: string,
  id: string,
  body?: unknown,
) => {
  const response = await call(route, `/messages/${id}/${name}`, {
    method: 'POST',
    token: await tokenFor(email),
    params: { id },
    ...(body === undefined ? {} : { body }),
  });
  expect(response.status).toBe(200);
};

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  for (const email of [LEAD, LEAD2, LANCS, CUMBRIA]) await tokenFor(email);
  campaignId = (await db.campaign.findUniqueOrThrow({ where: { slug: 'stop-it-now-north-west' } }))
    .id;
});
beforeEach(async () => {
  await resetSandbox();
  await drainOutbox();
});

describe('messages', () => {
  it('a submitted message reaches every lead who may approve it, never its author', async () => {
    const since = new Date();
    // A lead's own draft: the other lead approves it, so only they are told.
    const byLead = await draftBy(LEAD, 'Written by a lead');
    await act(submit, 'submit', LEAD, byLead);
    const byComms = await draftBy(LANCS, 'Written by a comms officer');
    await act(submit, 'submit', LANCS, byComms);
    expect(await db.notification.count({ where: { createdAt: { gte: since } } })).toBe(0);
    await drainOutbox();

    const rows = await told('message.submitted', since);
    const { leads } = await leadsAndAdmins();
    const aboutLead = rows.filter((row) => row.link === `/messages/${byLead}`);
    const aboutComms = rows.filter((row) => row.link === `/messages/${byComms}`);
    expect(emails(aboutLead)).toEqual(leads.filter((email) => email !== LEAD));
    expect(emails(aboutComms)).toEqual(leads);
    expect(emails(aboutComms)).not.toContain(LANCS);
    expect(aboutComms[0]?.title).toBe('“Written by a comms officer” is waiting for approval');
    expect(aboutComms[0]?.body).toContain('submitted it for review');

    // Dispatching again tells nobody anything twice.
    await drainOutbox();
    expect(await told('message.submitted', since)).toHaveLength(rows.length);
  });

  it('approval and sending back reach the author alone, with the reason', async () => {
    const since = new Date();
    const approved = await draftBy(LANCS, 'To be approved');
    await act(submit, 'submit', LANCS, approved);
    await act(approve, 'approve', LEAD, approved);
    const sentBack = await draftBy(CUMBRIA, 'To be sent back');
    await act(submit, 'submit', CUMBRIA, sentBack);
    await act(reject, 'reject', LEAD2, sentBack, { reason: 'Please name the helpline in full.' });
    await drainOutbox();

    const yes = await told('message.approved', since);
    expect(emails(yes)).toEqual([LANCS]);
    expect(yes[0]?.title).toBe('“To be approved” was approved');
    const no = await told('message.rejected', since);
    expect(emails(no)).toEqual([CUMBRIA]);
    expect(no[0]?.body).toContain('Please name the helpline in full.');
  });
});

describe('posts', () => {
  async function postsOf(slug: string, count: number) {
    const message = await approvedMessage();
    const comms = await actorFor(slug === 'lancashire' ? LANCS : CUMBRIA);
    const channel = await channelOf(slug, 'x');
    const at = Date.now() + 86_400_000;
    const { posts } = await scheduleMessage(comms.actor, comms.audit, message.id, {
      targets: Array.from({ length: count }, (_, index) => ({
        channelId: channel.id,
        scheduledAt: new Date(at + index * 60_000).toISOString(),
      })),
    });
    return posts.map((post) => ({ id: post.id, organisationId: channel.organisationId }));
  }

  async function record(
    action: 'post.failed' | 'post.held',
    post: { id: string; organisationId: string },
    after: object,
  ) {
    await db.$transaction((tx) =>
      recordAudit(tx, SYSTEM_ACTOR, {
        action,
        entityId: post.id,
        organisationId: post.organisationId,
        after,
      }),
    );
  }

  it('a failure reaches its organisation’s comms officers and partners and the leads, not another force', async () => {
    const since = new Date();
    const [post] = await postsOf('lancashire', 1);
    await record('post.failed', post!, { status: 'failed', error: 'The account is suspended.' });
    await drainOutbox();
    const rows = await told('posts.failed', since);
    const { leads } = await leadsAndAdmins();
    const lancashire = await membersOf('lancashire', ['comms_officer', 'partner']);
    expect(emails(rows)).toEqual([...new Set([...lancashire, ...leads])].sort());
    expect(emails(rows)).not.toContain(CUMBRIA);
    expect(emails(rows)).not.toContain(LANCS_PARTNER); // a partner organisation's, not the force's
    expect(rows[0]?.title).toBe('A post could not be published');
    expect(rows[0]?.body).toContain('The account is suspended.');
  });

  it('a burst of held posts is one notification per person, counted', async () => {
    const since = new Date();
    const posts = await postsOf('lancashire', 14);
    const reason = 'Paused for every organisation: a major incident';
    // Across three dispatches, as posts fall due minute by minute.
    for (const [index, post] of posts.entries()) {
      await record('post.held', post, { status: 'held', heldReason: reason });
      if (index === 4 || index === 9) await drainOutbox();
    }
    await drainOutbox();
    const rows = await told('posts.held', since);
    const { leads } = await leadsAndAdmins();
    expect(emails(rows)).toEqual(
      [
        ...new Set([...(await membersOf('lancashire', ['comms_officer', 'partner'])), ...leads]),
      ].sort(),
    );
    for (const row of rows) {
      expect(row.count).toBe(14);
      expect(row.title).toBe('14 posts held: paused for every organisation');
    }
  });
});

describe('pauses and channels', () => {
  it('a pause reaches everyone whose posts it covers, but not who took it; lifting it too', async () => {
    const since = new Date();
    const comms = await actorFor(LANCS);
    const pause = await createPause(comms.actor, comms.audit, {
      scope: 'organisation',
      organisation: 'lancashire',
      reason: 'A court case',
    });
    await liftPause(comms.actor, comms.audit, pause.id);
    await drainOutbox();
    const { leads } = await leadsAndAdmins();
    const covered = (await membersOf('lancashire', ['comms_officer', 'partner', 'viewer'])).filter(
      (email) => email !== LANCS,
    );
    const started = await told('pause.started', since);
    expect(emails(started)).toEqual([...new Set([...covered, ...leads])].sort());
    expect(started[0]?.body).toContain('A court case');
    expect(emails(await told('pause.lifted', since))).toEqual(emails(started));
  });

  it('a channel needing re-authorising reaches administrators and its force’s comms officers', async () => {
    const since = new Date();
    const channel = await channelOf('cumbria', 'facebook');
    await db.$transaction((tx) =>
      recordAudit(tx, SYSTEM_ACTOR, {
        action: 'channel.needs_reauth',
        entityId: channel.id,
        organisationId: channel.organisationId,
        after: { status: 'needs_reauth', statusReason: 'The token was revoked.' },
      }),
    );
    await drainOutbox();
    const rows = await told('channel.needs_reauth', since);
    const { admins } = await leadsAndAdmins();
    expect(emails(rows)).toEqual(
      [
        ...new Set([...admins, ...(await membersOf('cumbria', ['comms_officer', 'partner']))]),
      ].sort(),
    );
    expect(rows[0]?.title).toMatch(/^Cumbria Constabulary's Facebook .* needs re-authorising$/);
  });

  it('administrators hear seven days before a channel’s access ends, once per expiry', async () => {
    const since = new Date();
    const channel = await channelOf('cheshire', 'facebook');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 6 * 86_400_000);
    await db.channel.update({
      where: { id: channel.id },
      data: { credentialsExpireAt: expiresAt },
    });
    // Eight days ahead is not yet due; run twice, warn once.
    expect(await warnExpiringTokens(new Date(now.getTime() - 2 * 86_400_000))).toBe(0);
    expect(await warnExpiringTokens(now)).toBe(1);
    expect(await warnExpiringTokens(now)).toBe(0);
    await drainOutbox();
    const rows = await told('channel.token_expiring', since);
    expect(emails(rows)).toEqual((await leadsAndAdmins()).admins);
    // New credentials with a new expiry are warned about again.
    await db.channel.update({
      where: { id: channel.id },
      data: { credentialsExpireAt: new Date(expiresAt.getTime() + 3_600_000) },
    });
    expect(await warnExpiringTokens(now)).toBe(1);
  });
});

describe('raised once', () => {
  it('an event whose transaction rolls back raises nothing', async () => {
    const [outboxBefore] = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM notification_outbox`;
    const channel = await channelOf('lancashire', 'x');
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: 'channel.needs_reauth',
          entityId: channel.id,
          organisationId: channel.organisationId,
        });
        throw new Error('the decision failed after its audit event');
      }),
    ).rejects.toThrow('the decision failed');
    const [outboxAfter] = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM notification_outbox`;
    expect(outboxAfter?.n).toBe(outboxBefore?.n);
    expect((await dispatchBatch()).events).toBe(0);
  });

  it(
    'with two worker processes listening, each event is told once',
    { timeout: 90_000 },
    async () => {
      const workers = await Promise.all([workerProcess(), workerProcess()]);
      try {
        const since = new Date();
        const ids: string[] = [];
        for (let index = 0; index < 12; index += 1) {
          const id = await draftBy(LANCS, `Burst ${index}`);
          await act(submit, 'submit', LANCS, id);
          ids.push(id);
        }
        const { leads } = await leadsAndAdmins();
        await waitFor(
          async () =>
            (await db.notification.count({
              where: { kind: 'message.submitted', createdAt: { gte: since } },
            })) >=
            ids.length * leads.length,
          { timeoutMs: 30_000, intervalMs: 100, what: 'every submission to be told' },
        );
        // Settle: nothing further arrives.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const rows = await told('message.submitted', since);
        expect(rows).toHaveLength(ids.length * leads.length);
        const pairs = new Set(rows.map((row) => `${row.user.email} ${row.link}`));
        expect(pairs.size).toBe(rows.length);
        const [pending] = await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM notification_outbox WHERE "dispatchedAt" IS NULL`;
        expect(pending?.n).toBe(0n);
      } finally {
        await Promise.all(workers.map((worker) => worker.stop()));
      }
    },
  );
});
