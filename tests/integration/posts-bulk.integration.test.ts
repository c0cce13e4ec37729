// `POST /posts/bulk` (issue 10): each post decided by its own route's rules, per role; one
// refusal never stops the others; moves across the clocks change; bad bodies named; and a bulk
// release after a pause publishing each held post once, spread out, by real workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as bulk } from '@/app/api/v1/posts/bulk/route';
import { db } from '@/lib/db';
import { bulkPosts } from '@/lib/posts/bulk-posts';
import { createPause } from '@/lib/pauses/create-pause';
import { liftPause } from '@/lib/pauses/lift-pause';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { enqueuePosts } from '@/lib/publishing/enqueue';
import { resolveLocalTime, toLocalParts } from '@/lib/scheduling/london-time';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { actorFor, approvedMessage, channelOf } from '../support/fixtures';
import { resetSandbox, sandboxPosts } from '../support/sandbox';
import { inProcessWorkers, waitForStatus } from '../support/workers';

type Result = {
  id: string;
  ok: boolean;
  status: string | null;
  scheduledAt?: string;
  goesOutAt?: string;
  error?: { code: string; message: string };
};
type Answer = {
  results: Result[];
  error: { code: string; message: string; fields?: Record<string, string> };
};

const LEAD = 'lead@nw-rocu.example';
const LANCASHIRE = 'comms@lancashire.example';
const DAY = 24 * 60 * 60 * 1000;
let messageId: string;

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  messageId = (await approvedMessage()).id;
});

/** Posts scheduled by the lead through the app: one per (organisation, time). */
async function postsOn(targets: { organisation: string; at: Date | string }[]) {
  const lead = await actorFor(LEAD);
  const resolved = await Promise.all(
    targets.map(async ({ organisation, at }) => ({
      channelId: (await channelOf(organisation, 'facebook')).id,
      scheduledAt: typeof at === 'string' ? at : at.toISOString(),
    })),
  );
  const { posts } = await scheduleMessage(lead.actor, lead.audit, messageId, {
    targets: resolved,
  });
  // The answer is in time order; the caller wants its own order.
  return resolved.map(
    (target) =>
      posts.find(
        (post) =>
          post.channelId === target.channelId &&
          Date.parse(post.scheduledAt) === Date.parse(target.scheduledAt),
      )!.id,
  );
}

async function bulkAs(email: string, body: unknown) {
  return call<Answer>(bulk, '/posts/bulk', { token: await tokenFor(email), body });
}

const byId = (answer: Answer) => new Map(answer.results.map((result) => [result.id, result]));

describe('bulk actions per role', () => {
  it("lets a comms officer cancel their force's posts; another force's post is refused alone", async () => {
    const soon = Date.now() + 3 * DAY;
    const [own1, own2, other] = await postsOn([
      { organisation: 'lancashire', at: new Date(soon) },
      { organisation: 'lancashire', at: new Date(soon + 60_000) },
      { organisation: 'merseyside', at: new Date(soon) },
    ]);
    const answer = await bulkAs(LANCASHIRE, { action: 'cancel', ids: [own1, other, own2] });
    expect(answer.status).toBe(200);
    // One result per id, in the order sent.
    expect(answer.body.results.map((result) => result.id)).toEqual([own1, other, own2]);
    const results = byId(answer.body);
    expect(results.get(own1!)).toMatchObject({ ok: true, status: 'cancelled' });
    expect(results.get(own2!)).toMatchObject({ ok: true, status: 'cancelled' });
    // Another force's post does not exist for them, and its status is not told.
    expect(results.get(other!)).toMatchObject({
      ok: false,
      status: null,
      error: { code: 'not_found' },
    });
    const rows = await db.post.findMany({ where: { id: { in: [own1!, own2!, other!] } } });
    expect(rows.find((row) => row.id === other)?.status).toBe('scheduled');
    // Each change is audited on its own, as a single cancel is.
    const audits = await db.auditEvent.findMany({
      where: { action: 'post.cancelled', entityId: { in: [own1!, own2!, other!] } },
    });
    expect(audits.map((audit) => audit.entityId).sort()).toEqual([own1, own2].sort());
  });

  it('refuses a viewer every post it can see, saying why, and changes nothing', async () => {
    const [cumbria] = await postsOn([
      { organisation: 'cumbria', at: new Date(Date.now() + 4 * DAY) },
    ]);
    const answer = await bulkAs('viewer@cumbria.example', { action: 'cancel', ids: [cumbria] });
    expect(answer.status).toBe(200);
    expect(answer.body.results[0]).toMatchObject({
      ok: false,
      status: 'scheduled',
      error: { code: 'forbidden' },
    });
  });

  it('lets a campaign lead retry failed posts; a post that changed meanwhile gets its own error', async () => {
    const [failed, cancelledMeanwhile] = await postsOn([
      { organisation: 'cheshire', at: new Date(Date.now() + 5 * DAY) },
      { organisation: 'cumbria', at: new Date(Date.now() + 5 * DAY) },
    ]);
    await db.post.update({ where: { id: failed }, data: { status: 'failed', lastError: 'x' } });
    await db.post.update({ where: { id: cancelledMeanwhile }, data: { status: 'cancelled' } });
    const answer = await bulkAs(LEAD, { action: 'retry', ids: [failed, cancelledMeanwhile] });
    const results = byId(answer.body);
    expect(results.get(failed!)).toMatchObject({ ok: true, status: 'scheduled' });
    expect(results.get(failed!)?.goesOutAt).toBeDefined();
    expect(results.get(cancelledMeanwhile!)).toMatchObject({ ok: false, status: 'cancelled' });
    expect(results.get(cancelledMeanwhile!)?.error?.message).toMatch(/Only a failed post/);
  });
});

describe('moving posts', () => {
  it('moves each post by a day, keeping its UK time; a published one is refused with the reason', async () => {
    const base = Date.now() + 6 * DAY;
    const [a, b, published] = await postsOn([
      { organisation: 'lancashire', at: new Date(base) },
      { organisation: 'cumbria', at: new Date(base + 120_000) },
      { organisation: 'cheshire', at: new Date(base) },
    ]);
    await db.post.update({ where: { id: published }, data: { status: 'published' } });
    const before = await db.post.findMany({ where: { id: { in: [a!, b!] } } });
    const answer = await bulkAs(LEAD, { action: 'move', ids: [a, b, published], minutes: 1440 });
    expect(answer.status).toBe(200);
    const results = byId(answer.body);
    for (const row of before) {
      const moved = results.get(row.id);
      expect(moved).toMatchObject({ ok: true, status: 'scheduled' });
      const from = toLocalParts(row.scheduledAt);
      const to = toLocalParts(new Date(moved!.scheduledAt!));
      expect(to.time).toBe(from.time);
      expect(Date.parse(to.date) - Date.parse(from.date)).toBe(DAY);
    }
    expect(results.get(published!)).toMatchObject({ ok: false, status: 'published' });
    expect(results.get(published!)?.error?.message).toMatch(/published post cannot be rescheduled/);
  });

  it('refuses a move onto 01:30 on 28 March 2027, which the clocks skip, and moves the others', async () => {
    const night = resolveLocalTime({ date: '2027-03-27', time: '01:30' });
    const morning = resolveLocalTime({ date: '2027-03-27', time: '09:00' });
    if (night.kind !== 'ok' || morning.kind !== 'ok') throw new Error('not a time');
    const [skipped, kept] = await postsOn([
      { organisation: 'lancashire', at: night.instant },
      { organisation: 'lancashire', at: morning.instant },
    ]);
    const answer = await bulkAs(LANCASHIRE, {
      action: 'move',
      ids: [skipped, kept],
      minutes: 1440,
    });
    const results = byId(answer.body);
    expect(results.get(skipped!)).toMatchObject({
      ok: false,
      status: 'scheduled',
      error: { code: 'validation_failed' },
    });
    expect(results.get(skipped!)?.error?.message).toMatch(/does not exist in UK time/);
    const moved = new Date(results.get(kept!)!.scheduledAt!);
    expect(toLocalParts(moved)).toEqual({ date: '2027-03-28', time: '09:00' });
  });

  it('refuses a move into a blackout or the past, post by post', async () => {
    const base = Date.now() + 20 * DAY;
    const [intoBlackout, free] = await postsOn([
      { organisation: 'north-wales', at: new Date(base) },
      { organisation: 'cumbria', at: new Date(base) },
    ]);
    const lead = await actorFor(LEAD);
    await db.blackout.create({
      data: {
        organisationId: (
          await db.organisation.findUniqueOrThrow({ where: { slug: 'north-wales' } })
        ).id,
        startsAt: new Date(base + DAY - 3_600_000),
        endsAt: new Date(base + DAY + 3_600_000),
        reason: 'Pre-election period',
        createdById: lead.actor.userId,
      },
    });
    const answer = await bulkAs(LEAD, { action: 'move', ids: [intoBlackout, free], minutes: 1440 });
    const results = byId(answer.body);
    expect(results.get(intoBlackout!)?.error?.message).toMatch(
      /Blackout for .*Pre-election period/,
    );
    expect(results.get(free!)).toMatchObject({ ok: true });
    const back = await bulkAs(LEAD, { action: 'move', ids: [free], minutes: -60 * 1440 });
    expect(back.body.results[0]?.error?.message).toMatch(/has passed/);
  });
});

describe('bad bodies', () => {
  it.each([
    ['a repeated id', { action: 'cancel', ids: ['a', 'b', 'a'] }, 'ids.2'],
    ['no ids', { action: 'cancel', ids: [] }, 'ids'],
    [
      '1,001 ids',
      { action: 'cancel', ids: Array.from({ length: 1001 }, (_, i) => `p${i}`) },
      'ids',
    ],
    ['a move without minutes', { action: 'move', ids: ['a'] }, 'minutes'],
    ['a move by 1.5 minutes', { action: 'move', ids: ['a'], minutes: 1.5 }, 'minutes'],
    ['a move by 0 minutes', { action: 'move', ids: ['a'], minutes: 0 }, 'minutes'],
    ['minutes on a cancel', { action: 'cancel', ids: ['a'], minutes: 5 }, 'minutes'],
    ['an unknown action', { action: 'archive', ids: ['a'] }, 'action'],
  ])('answers %s with a 400 naming %s', async (_, body, field) => {
    const answer = await bulkAs(LEAD, body);
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields ?? {})).toContain(field);
  });
});

describe('releasing every held post after a pause', () => {
  let workers: Awaited<ReturnType<typeof inProcessWorkers>>;
  beforeAll(async () => {
    await resetSandbox();
    workers = await inProcessWorkers();
  });
  afterAll(async () => {
    await workers.stop();
  });

  it(
    'publishes each held post once, spread over the slots it was given',
    { timeout: 60_000 },
    async () => {
      const lead = await actorFor(LEAD);
      const channels = await db.channel.findMany({
        where: { platform: 'mastodon', status: 'active' },
        orderBy: { id: 'asc' },
        take: 3,
      });
      const pause = await createPause(lead.actor, lead.audit, {
        scope: 'global',
        reason: 'Major incident',
      });
      // Five posts a channel, a minute apart (a channel cannot take two in one minute), then made
      // due at once, as if the pause had lasted five minutes: the workers hold each as it falls due.
      const start = Date.now() + 2 * DAY;
      const { posts } = await scheduleMessage(lead.actor, lead.audit, messageId, {
        targets: channels.flatMap((channel) =>
          [0, 1, 2, 3, 4].map((n) => ({
            channelId: channel.id,
            scheduledAt: new Date(start + n * 60_000).toISOString(),
          })),
        ),
      });
      const ago = Date.now() - 10 * 60_000;
      for (const post of posts) {
        const row = await db.post.update({
          where: { id: post.id },
          data: {
            scheduledAt: new Date(ago + Date.parse(post.scheduledAt) - start),
            revision: { increment: 1 },
          },
        });
        await enqueuePosts([{ ...row, dueAt: row.scheduledAt }]);
      }
      const ids = posts.map((post) => post.id);
      await waitForStatus(ids, 'held');

      // While the pause is on, releasing is refused post by post: they would be held again.
      const early = await bulkPosts(lead.actor, lead.audit, { action: 'release', ids });
      expect(early.results.every((result) => !result.ok && result.status === 'held')).toBe(true);
      expect(early.results[0]?.error?.message).toMatch(/held again/);

      await liftPause(lead.actor, lead.audit, pause.id);
      // A "minute" of half a second, so the spread goes out while the test watches.
      const spread = { perChannelPerMinute: 2, perMinute: 20, minuteMs: 500 };
      const released = await bulkPosts(
        lead.actor,
        lead.audit,
        { action: 'release', ids },
        { spread },
      );
      expect(released.results.every((result) => result.ok && result.status === 'scheduled')).toBe(
        true,
      );
      const slots = new Map(released.results.map((r) => [r.id, new Date(r.goesOutAt!).getTime()]));
      // Never more than two a slot on a channel: five posts a channel take three slots.
      for (const channel of channels) {
        const times = posts.filter((p) => p.channelId === channel.id).map((p) => slots.get(p.id)!);
        expect(new Set(times).size).toBe(3);
      }

      await waitForStatus(ids, 'published');
      const sent = await sandboxPosts('mastodon');
      expect(sent.length).toBe(ids.length);
      const rows = await db.post.findMany({ where: { id: { in: ids } } });
      expect(new Set(rows.map((row) => row.externalId)).size).toBe(ids.length);
      // None went out before its slot.
      for (const row of rows)
        expect(row.publishedAt!.getTime()).toBeGreaterThanOrEqual(slots.get(row.id)!);
    },
  );
});
