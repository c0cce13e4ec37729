// The leads' amplification view and reminders (issue 11, point 3), through the API's route
// handlers against real PostgreSQL and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getAmplification } from '@/app/api/v1/amplification/route';
import { POST as postRemind } from '@/app/api/v1/amplification/remind/route';
import { GET as getPack } from '@/app/api/v1/messages/[id]/share-pack/route';
import { POST as postShare } from '@/app/api/v1/messages/[id]/shares/route';
import type { AmplificationView, RemindAnswer } from '@/lib/amplification/amplification-schemas';
import { db } from '@/lib/db';
import { drainOutbox } from '@/lib/notifications/dispatch';
import { QUEUES, sendMailJobId } from '@/lib/queue/jobs';
import { queue } from '@/lib/queue/queues';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase, userId } from '../support/database';
import { approvedMessage } from '../support/fixtures';
import { publishedPost } from '../support/reach';
import { rowCounts } from '../support/row-counts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const LEAD = 'lead@nw-rocu.example';
const ADMIN = 'admin@nw-rocu.example';
const COMMS = 'comms@lancashire.example';
const VIEWER = 'viewer@cumbria.example';
const MANCHESTER = 'partner@manchester-city-council.example';
const CHESHIRE = 'partner@cheshire-east-council.example';

beforeAll(async () => {
  forgetTokens();
  await resetDatabase();
});
afterAll(async () => {
  await queue(QUEUES.notify).obliterate({ force: true });
});

async function amplification(email: string, query: Record<string, string>) {
  return call<AmplificationView & ErrorBody>(getAmplification, '/amplification', {
    token: await tokenFor(email),
    query,
  });
}

async function remind(email: string, body: Record<string, unknown>) {
  return call<RemindAnswer & ErrorBody>(postRemind, '/amplification/remind', {
    token: await tokenFor(email),
    body,
  });
}

const rowOf = (view: AmplificationView, slug: string) =>
  view.rows.find((row) => row.organisation.slug === slug);

describe('the amplification view, per role', () => {
  it('answers campaign leads and administrators, and refuses everyone else with 403', async () => {
    const message = await approvedMessage();
    const query = { campaignId: message.campaignId };
    for (const email of [LEAD, ADMIN]) expect((await amplification(email, query)).status).toBe(200);
    for (const email of [COMMS, VIEWER, MANCHESTER]) {
      const answer = await amplification(email, query);
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
  });

  it('names the field for a week that is not a date, and answers 404 for an unknown campaign', async () => {
    const bad = await amplification(LEAD, { week: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('week');
    const unknown = await amplification(LEAD, { campaignId: 'no-such-campaign' });
    expect(unknown.status).toBe(404);
  });

  it("counts each partner's path and the reach its channel posts brought", async () => {
    const message = await approvedMessage();
    await publishedPost({
      messageId: message.id,
      organisation: 'lancashire-county-council',
      platform: 'x',
      publishedAt: new Date(Date.now() - 2 * 3_600_000),
      polls: [{ views: 340, reactions: 12, comments: 3, shares: 5 }],
    });
    // A lead looking at Manchester's pack is not Manchester sharing it.
    const looked = await call(getPack, `/messages/${message.id}/share-pack`, {
      token: await tokenFor(LEAD),
      params: { id: message.id },
      query: { organisation: 'manchester-city-council' },
    });
    expect(looked.status).toBe(200);
    let view = (await amplification(LEAD, { campaignId: message.campaignId })).body;
    expect(rowOf(view, 'manchester-city-council')?.shared).toBe(false);

    const downloaded = await call(getPack, `/messages/${message.id}/share-pack`, {
      token: await tokenFor(MANCHESTER),
      params: { id: message.id },
      query: { organisation: 'manchester-city-council' },
    });
    expect(downloaded.status).toBe(200);
    const shared = await call(postShare, `/messages/${message.id}/shares`, {
      token: await tokenFor(MANCHESTER),
      params: { id: message.id },
      body: {
        organisation: 'manchester-city-council',
        platform: 'bluesky',
        url: 'https://bsky.app/profile/manchester.gov.uk/post/3k',
      },
    });
    expect(shared.status).toBe(201);

    view = (await amplification(LEAD, { campaignId: message.campaignId })).body;
    expect(view.messages.map((item) => item.id)).toEqual([message.id]);
    expect(rowOf(view, 'lancashire-county-council')).toMatchObject({
      shared: true,
      paths: ['channel'],
      views: 340,
      engagements: 20,
    });
    expect(rowOf(view, 'manchester-city-council')).toMatchObject({
      shared: true,
      paths: ['pack', 'link'],
      packDownloads: 1,
      links: [{ platform: 'bluesky', url: 'https://bsky.app/profile/manchester.gov.uk/post/3k' }],
    });
    expect(rowOf(view, 'cheshire-east-council')).toMatchObject({
      shared: false,
      remind: { allowed: true },
    });
    expect(view.totals).toMatchObject({ shared: 2, byPath: { channel: 1, pack: 1, link: 1 } });
  });
});

describe('reminding a partner', () => {
  it('notifies its people and enqueues their email, once a day per message; the second is a 429 saying why', async () => {
    const message = await approvedMessage();
    const cheshire = await userId(CHESHIRE);
    const body = { organisation: 'cheshire-east-council', messageId: message.id };
    const first = await remind(LEAD, body);
    expect(first.status).toBe(201);
    expect(first.body.organisation.name).toBe('Cheshire East Council');
    const audit = await db.auditEvent.findMany({
      where: { action: 'message.remind', entityId: message.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorLabel).toContain(LEAD);

    await drainOutbox();
    const notifications = await db.notification.findMany({
      where: { kind: 'share.reminder', link: '/' },
      select: { id: true, userId: true, title: true, emailDelivery: true },
    });
    expect(notifications.map((row) => row.userId)).toEqual([cheshire]);
    expect(notifications[0]!.title).toContain(message.title);
    expect(notifications[0]!.emailDelivery).toBe('immediate');
    const job = await queue(QUEUES.notify).getJob(
      sendMailJobId({ notificationId: notifications[0]!.id }),
    );
    expect(job).toBeTruthy();

    const before = await rowCounts();
    const second = await remind(ADMIN, body);
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe('rate_limited');
    expect(second.body.error.message).toContain('Cheshire East Council');
    expect(second.body.error.message).toContain('one reminder a day');
    expect(second.headers.get('retry-after')).toBeTruthy();
    expect(await rowCounts()).toEqual(before);

    const view = (await amplification(LEAD, { campaignId: message.campaignId })).body;
    const row = rowOf(view, 'cheshire-east-council');
    expect(row?.remindedAt).not.toBeNull();
    expect(row?.remind.allowed).toBe(false);
  });

  it('refuses a partner that shared already with 409, and a comms officer or partner with 403', async () => {
    const message = await approvedMessage();
    await call(postShare, `/messages/${message.id}/shares`, {
      token: await tokenFor(MANCHESTER),
      params: { id: message.id },
      body: { organisation: 'manchester-city-council', platform: 'facebook' },
    });
    const shared = await remind(LEAD, {
      organisation: 'manchester-city-council',
      messageId: message.id,
    });
    expect(shared.status).toBe(409);
    expect(shared.body.error.message).toContain('shared this message already');
    const before = await rowCounts();
    for (const email of [COMMS, MANCHESTER, VIEWER]) {
      const refused = await remind(email, {
        organisation: 'cheshire-east-council',
        messageId: message.id,
      });
      expect(refused.status).toBe(403);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('answers 404 for a force or an unknown message, and 400 naming a missing field', async () => {
    const message = await approvedMessage();
    const forces = await approvedMessage({ shareable: false });
    expect((await remind(LEAD, { organisation: 'lancashire', messageId: message.id })).status).toBe(
      404,
    );
    expect(
      (await remind(LEAD, { organisation: 'cheshire-east-council', messageId: forces.id })).status,
    ).toBe(404);
    const missing = await remind(LEAD, { organisation: 'cheshire-east-council' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toHaveProperty('messageId');
  });
});
