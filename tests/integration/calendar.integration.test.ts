// The calendar's range query (GET /api/v1/calendar) and the rules a dragged post meets
// (PATCH /api/v1/posts/:id): only the range asked for, only what the role may see, a busy day
// capped with every post still counted, the clocks-change days in UK days, and what is shaded
// behind; a move into a blackout or a pause is refused with the reason and changes nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as calendar } from '@/app/api/v1/calendar/route';
import { PATCH as reschedule } from '@/app/api/v1/posts/[id]/route';
import type { CalendarView } from '@/lib/posts/calendar-posts';
import { db } from '@/lib/db';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase, userId } from '../support/database';
import { approvedMessage, channelOf } from '../support/fixtures';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

let message: Awaited<ReturnType<typeof approvedMessage>>;

async function addPosts(organisation: string, times: string[]): Promise<string[]> {
  const channel = await channelOf(organisation, 'facebook');
  const batchId = randomUUID();
  const rows = times.map((scheduledAt) => ({
    id: randomUUID(),
    messageId: message.id,
    channelId: channel.id,
    organisationId: channel.organisationId,
    campaignId: message.campaignId,
    platform: channel.platform,
    scheduledAt: new Date(scheduledAt),
    text: 'A post',
    signpostVersion: 1,
    batchId,
  }));
  await db.post.createMany({ data: rows });
  return rows.map((row) => row.id);
}

async function calendarAs(email: string, query: Record<string, string>) {
  return call<CalendarView & ErrorBody>(calendar, '/calendar', {
    token: await tokenFor(email),
    query,
  });
}

// The week of the spring clocks change in 2027: Monday 22 March to Sunday 28 March (23 hours).
const WEEK = { from: '2027-03-22T00:00:00Z', to: '2027-03-29T00:00:00+01:00' };

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  message = await approvedMessage();
  await addPosts('lancashire', [
    '2027-03-21T23:59:00Z', // the Sunday before: outside
    '2027-03-22T09:00:00Z',
    '2027-03-28T00:30:00Z', // 00:30 GMT on the 28th
    '2027-03-28T22:30:00Z', // 23:30 BST on the 28th
    '2027-03-28T23:00:00Z', // 00:00 BST on Monday 29th: outside
  ]);
  await addPosts('cumbria', ['2027-03-24T10:00:00Z']);
  // A busy Thursday: 30 posts for Lancashire.
  await addPosts(
    'lancashire',
    Array.from(
      { length: 30 },
      (_, i) =>
        `2027-03-25T${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}:00Z`,
    ),
  );
});

describe('GET /calendar', () => {
  it('answers only the posts of the range, in UK days across the clocks change', async () => {
    const response = await calendarAs('lead@nw-rocu.example', { ...WEEK, perDay: '100' });
    expect(response.status).toBe(200);
    const times = response.body.posts.map((post) => post.scheduledAt);
    expect(times).not.toContain('2027-03-21T23:59:00.000Z');
    expect(times).not.toContain('2027-03-28T23:00:00.000Z');
    expect(times).toContain('2027-03-28T22:30:00.000Z');
    expect(response.body.days).toEqual([
      { date: '2027-03-22', total: 1, shown: 1 },
      { date: '2027-03-24', total: 1, shown: 1 },
      { date: '2027-03-25', total: 30, shown: 30 },
      { date: '2027-03-28', total: 2, shown: 2 },
    ]);
  });

  it('caps a busy day and still counts every post of it', async () => {
    const response = await calendarAs('lead@nw-rocu.example', { ...WEEK, perDay: '4' });
    expect(response.body.days.find((day) => day.date === '2027-03-25')).toEqual({
      date: '2027-03-25',
      total: 30,
      shown: 4,
    });
    const thursday = response.body.posts.filter((post) =>
      post.scheduledAt.startsWith('2027-03-25'),
    );
    // The first four of the day, in time order.
    expect(thursday.map((post) => post.scheduledAt)).toEqual([
      '2027-03-25T08:00:00.000Z',
      '2027-03-25T08:10:00.000Z',
      '2027-03-25T08:20:00.000Z',
      '2027-03-25T08:30:00.000Z',
    ]);
    expect(response.body.posts).toHaveLength(1 + 1 + 4 + 2);
  });

  it('shows each role only what it may see, and applies the filters', async () => {
    const comms = await calendarAs('comms@lancashire.example', { ...WEEK, perDay: '100' });
    expect(comms.body.posts.length).toBe(33);
    expect(comms.body.posts.every((post) => post.organisation.slug === 'lancashire')).toBe(true);
    expect(comms.body.posts.every((post) => post.actions.includes('reschedule'))).toBe(true);

    const viewer = await calendarAs('viewer@cumbria.example', { ...WEEK });
    expect(viewer.body.posts.map((post) => post.organisation.slug)).toEqual(['cumbria']);
    expect(viewer.body.posts[0]?.actions).toEqual([]);

    const partner = await calendarAs('partner@manchester-city-council.example', { ...WEEK });
    expect(partner.body.posts).toEqual([]);
    expect(partner.body.days).toEqual([]);

    const filtered = await calendarAs('lead@nw-rocu.example', {
      ...WEEK,
      organisation: 'cumbria',
      platform: 'facebook',
      status: 'scheduled',
    });
    expect(filtered.body.posts.map((post) => post.organisation.slug)).toEqual(['cumbria']);
    const none = await calendarAs('lead@nw-rocu.example', { ...WEEK, platform: 'x' });
    expect(none.body.posts).toEqual([]);
  });

  it('shades the blackouts and pauses of the range and the chosen campaign', async () => {
    const lancashire = await db.organisation.findUniqueOrThrow({ where: { slug: 'lancashire' } });
    const cumbria = await db.organisation.findUniqueOrThrow({ where: { slug: 'cumbria' } });
    const lead = await userId('lead@nw-rocu.example');
    await db.blackout.createMany({
      data: [
        {
          organisationId: lancashire.id,
          reason: 'By-election',
          startsAt: new Date('2027-03-23T00:00:00Z'),
          endsAt: new Date('2027-03-24T00:00:00Z'),
          createdById: lead,
        },
        {
          organisationId: cumbria.id,
          reason: 'Major incident',
          startsAt: new Date('2027-03-26T00:00:00Z'),
          endsAt: new Date('2027-03-27T00:00:00Z'),
          createdById: lead,
        },
        {
          organisationId: lancashire.id,
          reason: 'Next month',
          startsAt: new Date('2027-04-10T00:00:00Z'),
          endsAt: new Date('2027-04-11T00:00:00Z'),
          createdById: lead,
        },
      ],
    });
    const pause = await db.pause.create({
      data: {
        scope: 'organisation',
        organisationId: cumbria.id,
        reason: 'Checking a complaint',
        createdById: lead,
        startsAt: new Date('2027-03-27T00:00:00Z'),
      },
    });
    try {
      const lead = await calendarAs('lead@nw-rocu.example', {
        ...WEEK,
        campaignId: message.campaignId,
      });
      expect(lead.body.blackouts.map((blackout) => blackout.reason)).toEqual([
        'By-election',
        'Major incident',
      ]);
      expect(lead.body.pauses).toEqual([
        expect.objectContaining({ covers: 'Cumbria Constabulary', endsAt: null }),
      ]);
      expect(lead.body.campaigns.map((campaign) => campaign.id)).toEqual([message.campaignId]);

      const comms = await calendarAs('comms@lancashire.example', WEEK);
      expect(comms.body.blackouts.map((blackout) => blackout.reason)).toEqual(['By-election']);
      expect(comms.body.pauses).toEqual([]);
      expect(comms.body.campaigns).toEqual([]);
    } finally {
      await db.pause.delete({ where: { id: pause.id } });
      await db.blackout.deleteMany({});
    }
  });

  it('refuses a range that is reversed, too long or not a time, naming the field', async () => {
    const reversed = await calendarAs('lead@nw-rocu.example', { from: WEEK.to, to: WEEK.from });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields).toHaveProperty('from');
    const long = await calendarAs('lead@nw-rocu.example', {
      from: '2027-01-01T00:00:00Z',
      to: '2027-06-01T00:00:00Z',
    });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/at most 62 days/);
    const missing = await calendarAs('lead@nw-rocu.example', { from: WEEK.from });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toHaveProperty('to');
    const cap = await calendarAs('lead@nw-rocu.example', { ...WEEK, perDay: '0' });
    expect(cap.status).toBe(400);
    expect(cap.body.error.fields).toHaveProperty('perDay');
  });
});

describe('moving a post (PATCH /posts/:id) into a blackout or a pause', () => {
  it('is refused with the reason, and the post stays where it was', async () => {
    const [id] = await addPosts('cheshire', ['2027-05-04T09:00:00Z']);
    const cheshire = await db.organisation.findUniqueOrThrow({ where: { slug: 'cheshire' } });
    const lead = await userId('lead@nw-rocu.example');
    await db.blackout.create({
      data: {
        organisationId: cheshire.id,
        reason: 'Pre-election period',
        startsAt: new Date('2027-05-05T00:00:00Z'),
        endsAt: new Date('2027-05-07T00:00:00Z'),
        createdById: lead,
      },
    });
    const token = await tokenFor('comms@cheshire.example');
    const move = (scheduledAt: unknown) =>
      call<ErrorBody & { scheduledAt: string }>(reschedule, `/posts/${id}`, {
        method: 'PATCH',
        token,
        params: { id: id! },
        body: { scheduledAt },
      });

    const intoBlackout = await move({ date: '2027-05-05', time: '10:00' });
    expect(intoBlackout.status).toBe(400);
    expect(intoBlackout.body.error.message).toMatch(/Blackout for Cheshire.*Pre-election period/);
    expect(intoBlackout.body.error.fields).toHaveProperty('scheduledAt');

    const pause = await db.pause.create({
      data: {
        scope: 'organisation',
        organisationId: cheshire.id,
        reason: 'A review',
        createdById: lead,
        startsAt: new Date('2027-05-10T00:00:00Z'),
        endsAt: new Date('2027-05-12T00:00:00Z'),
      },
    });
    const intoPause = await move('2027-05-11T09:00:00Z');
    expect(intoPause.status).toBe(400);
    expect(intoPause.body.error.message).toMatch(/Paused for all of Cheshire.*A review/);

    const skipped = await move({ date: '2027-03-28', time: '01:30' });
    expect(skipped.status).toBe(400);
    expect(skipped.body.error.message).toMatch(/does not exist in UK time/);

    const post = await db.post.findUniqueOrThrow({ where: { id } });
    expect(post.scheduledAt.toISOString()).toBe('2027-05-04T09:00:00.000Z');
    expect(await db.auditEvent.count({ where: { entityId: id } })).toBe(0);

    // Either side of them is fine: after the pause ends, on the clocks' own time.
    const fine = await move({ date: '2027-05-12', time: '09:00' });
    expect(fine.status).toBe(200);
    expect(fine.body.scheduledAt).toBe('2027-05-12T08:00:00.000Z');
    await db.pause.delete({ where: { id: pause.id } });
  });
});
