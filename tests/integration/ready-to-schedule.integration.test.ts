// "Ready to schedule" (GET /api/v1/ready, issue 10): per role, the approved messages not yet on
// each channel's schedule; a warning for one already there or published there lately; a message
// gone from the list once it is scheduled everywhere it fits; and a suggested time that is never
// in a blackout, and that the schedule route itself accepts.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as schedule } from '@/app/api/v1/messages/[id]/schedule/route';
import { GET as ready } from '@/app/api/v1/ready/route';
import { db } from '@/lib/db';
import type { Platform } from '@/lib/platforms/types';
import type { ReadyList } from '@/lib/posts/ready-view';
import { readyToSchedule } from '@/lib/posts/ready-to-schedule';
import { call, forgetTokens, tokenFor } from '../support/api';
import { organisationId, resetDatabase, userId } from '../support/database';
import { actorFor, approvedMessage, channelOf } from '../support/fixtures';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const COMMS = 'comms@lancashire.example';
const PARTNER = 'partner@manchester-city-council.example';
const VIEWER = 'viewer@cumbria.example';
const LEAD = 'lead@nw-rocu.example';

let shareable: Awaited<ReturnType<typeof approvedMessage>>;
let forcesOnly: Awaited<ReturnType<typeof approvedMessage>>;

async function readyAs(email: string, query: Record<string, string> = {}) {
  return call<ReadyList & ErrorBody>(ready, '/ready', { token: await tokenFor(email), query });
}

const item = (list: ReadyList, id: string) => list.items.find((message) => message.id === id);

async function addPost(
  message: { id: string; campaignId: string },
  channel: { id: string; organisationId: string; platform: Platform },
  fields: { status: 'scheduled' | 'published'; scheduledAt: Date; publishedAt?: Date },
) {
  await db.post.create({
    data: {
      messageId: message.id,
      channelId: channel.id,
      organisationId: channel.organisationId,
      campaignId: message.campaignId,
      platform: channel.platform,
      text: 'A post',
      signpostVersion: 1,
      batchId: randomUUID(),
      ...fields,
    },
  });
}

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  forcesOnly = await approvedMessage({ shareable: false });
  shareable = await approvedMessage({ shareable: true });
});

describe('who sees what', () => {
  it("a comms officer sees their own force's channels only, newest approved first", async () => {
    const response = await readyAs(COMMS);
    expect(response.status).toBe(200);
    expect(response.body.organisation.slug).toBe('lancashire');
    const ids = response.body.items.map((message) => message.id);
    expect(ids).toContain(shareable.id);
    expect(ids).toContain(forcesOnly.id);
    expect(ids.indexOf(shareable.id)).toBeLessThan(ids.indexOf(forcesOnly.id));
    const lancashire = await db.channel.findMany({
      where: { organisation: { slug: 'lancashire' }, status: 'active' },
      select: { id: true },
    });
    for (const message of response.body.items) {
      expect(message.channels.map((channel) => channel.id).sort()).toEqual(
        lancashire.map((channel) => channel.id).sort(),
      );
    }
  });

  it('a partner sees shareable messages only, on its own channels', async () => {
    const response = await readyAs(PARTNER);
    expect(response.status).toBe(200);
    expect(response.body.organisation.slug).toBe('manchester-city-council');
    expect(response.body.items.map((message) => message.id)).toContain(shareable.id);
    expect(response.body.items.map((message) => message.id)).not.toContain(forcesOnly.id);
    expect(response.body.items.every((message) => message.shareable)).toBe(true);
    const own = await organisationId('manchester-city-council');
    const channels = await db.channel.findMany({
      where: { organisationId: own },
      select: { id: true },
    });
    const allowed = new Set(channels.map((channel) => channel.id));
    for (const message of response.body.items)
      for (const channel of message.channels) expect(allowed.has(channel.id)).toBe(true);
  });

  it('a viewer is refused, and another organisation answers 404', async () => {
    expect((await readyAs(VIEWER)).status).toBe(403);
    expect((await readyAs(VIEWER, { organisation: 'cumbria' })).status).toBe(403);
    expect((await readyAs(VIEWER, { organisation: 'lancashire' })).status).toBe(404);
    const other = await readyAs(COMMS, { organisation: 'cumbria' });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
    expect((await readyAs(PARTNER, { organisation: 'lancashire' })).status).toBe(404);
    expect((await readyAs(COMMS, { organisation: 'no-such-force' })).status).toBe(404);
  });

  it('a campaign lead may pick any organisation, and starts from their own', async () => {
    expect((await readyAs(LEAD)).body.organisation.slug).toBe('nw-rocu');
    const cumbria = await readyAs(LEAD, { organisation: 'cumbria' });
    expect(cumbria.status).toBe(200);
    expect(cumbria.body.organisation.slug).toBe('cumbria');
    expect(item(cumbria.body, forcesOnly.id)).toBeDefined();
  });

  it('pages with limit and cursor, and names a bad limit', async () => {
    const first = await readyAs(COMMS, { limit: '1' });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await readyAs(COMMS, { limit: '1', cursor: first.body.nextCursor ?? '' });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id);
    const bad = await readyAs(COMMS, { limit: '0' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {})).toContain('limit');
    expect((await readyAs(COMMS, { cursor: 'nonsense' })).status).toBe(400);
  });
});

describe('per channel', () => {
  it('says a message cannot go on Instagram without an image, and offers no time there', async () => {
    const message = item((await readyAs(COMMS)).body, shareable.id);
    const instagram = message?.channels.find((channel) => channel.platform === 'instagram');
    expect(instagram?.valid).toBe(false);
    expect(instagram?.problems.length).toBeGreaterThan(0);
    expect(instagram?.slots).toEqual([]);
    const x = message?.channels.find((channel) => channel.platform === 'x');
    expect(x?.valid).toBe(true);
    expect(x?.slots.length).toBe(3);
  });

  it('warns when the message is already scheduled there, or was published there lately', async () => {
    const x = await channelOf('lancashire', 'x');
    const facebook = await channelOf('lancashire', 'facebook');
    await addPost(forcesOnly, x, {
      status: 'scheduled',
      scheduledAt: new Date(Date.now() + 5 * 86_400_000),
    });
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
    await addPost(forcesOnly, facebook, {
      status: 'published',
      scheduledAt: threeDaysAgo,
      publishedAt: threeDaysAgo,
    });
    const message = item((await readyAs(COMMS)).body, forcesOnly.id);
    const onX = message?.channels.find((channel) => channel.id === x.id);
    expect(onX).toMatchObject({ waiting: false, slots: [] });
    expect(onX?.warnings[0]).toMatch(/^Already on the schedule here for /);
    const onFacebook = message?.channels.find((channel) => channel.id === facebook.id);
    expect(onFacebook?.waiting).toBe(true);
    expect(onFacebook?.warnings[0]).toMatch(/^Published here (3 days ago|yesterday|.*days ago)/);
    expect(onFacebook?.slots.length).toBeGreaterThan(0);
  });

  it('a suggested time is never in a blackout, and the schedule route accepts it', async () => {
    // A blackout over the next two days for Lancashire.
    const now = new Date();
    const endsAt = new Date(now.getTime() + 2 * 86_400_000);
    await db.blackout.create({
      data: {
        organisationId: await organisationId('lancashire'),
        reason: 'Court case',
        createdById: await userId(COMMS),
        startsAt: new Date(now.getTime() - 3_600_000),
        endsAt,
      },
    });
    const list = (await readyAs(COMMS)).body;
    const slots = list.items.flatMap((message) =>
      message.channels.flatMap((channel) => channel.slots),
    );
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots)
      expect(new Date(slot.scheduledAt).getTime()).toBeGreaterThanOrEqual(endsAt.getTime());

    const x = item(list, shareable.id)?.channels.find((channel) => channel.platform === 'x');
    const slot = x?.slots[0];
    const scheduled = await call<ErrorBody>(schedule, `/messages/${shareable.id}/schedule`, {
      token: await tokenFor(COMMS),
      params: { id: shareable.id },
      body: { targets: [{ channelId: x?.id, scheduledAt: slot?.scheduledAt }] },
    });
    expect(scheduled.status).toBe(201);
  });

  it('a message leaves the list once it is scheduled on every channel it fits', async () => {
    const before = item((await readyAs(COMMS)).body, shareable.id);
    const open = (before?.channels ?? []).filter((channel) => channel.waiting && channel.valid);
    expect(open.length).toBeGreaterThan(0);
    // The x channel was scheduled by the test before: it is no longer waiting.
    expect(before?.channels.find((channel) => channel.platform === 'x')?.waiting).toBe(false);
    const scheduled = await call<ErrorBody>(schedule, `/messages/${shareable.id}/schedule`, {
      token: await tokenFor(COMMS),
      params: { id: shareable.id },
      body: {
        targets: open.map((channel) => ({
          channelId: channel.id,
          scheduledAt: channel.slots[0]?.scheduledAt,
        })),
      },
    });
    expect(scheduled.status).toBe(201);
    const after = await readyAs(COMMS);
    expect(item(after.body, shareable.id)).toBeUndefined();
    // Still there for another organisation that has not scheduled it.
    expect(item((await readyAs(PARTNER)).body, shareable.id)).toBeDefined();
  });

  it('the lib answers the same for an actor, with now passed in', async () => {
    const { actor } = await actorFor(COMMS);
    const list = await readyToSchedule(actor, { limit: 50 }, new Date());
    expect(list.items.map((message) => message.id)).toContain(forcesOnly.id);
  });
});
