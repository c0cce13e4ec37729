// Polling published posts for their figures, through the real workers, sandbox, PostgreSQL and
// Redis. Time moves through the workers' own clock (and the sweep's `now`), never by waiting.
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as refreshRoute } from '@/app/api/v1/reach/refresh/route';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Platform } from '@/lib/platforms/types';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { channelLimitedUntil } from '@/lib/publishing/rate-limits';
import { pollChannel } from '@/lib/reach/poll-channel';
import { POLL_OFFSETS_MS } from '@/lib/reach/poll-plan';
import { POLL_LEASE_MS, sweepPolls } from '@/lib/reach/sweep-polls';
import { sharedRedis } from '@/lib/redis';
import { call, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { actorFor, approvedMessage, channelOf } from '../support/fixtures';
import { waitFor } from '../support/processes';
import { publishedPosts } from '../support/sandbox-published';
import { clearRedisPrefix } from '../support/redis';
import { injectFault, resetSandbox } from '../support/sandbox';
import { inProcessWorkers, waitForStatus } from '../support/workers';

const MINUTE = 60_000;
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
/** Sets the workers' clock to `at`. */
const moveTo = (at: Date) => {
  offsetMs = at.getTime() - Date.now();
};

let workers: Awaited<ReturnType<typeof inProcessWorkers>>;

beforeAll(async () => {
  await resetDatabase();
  workers = await inProcessWorkers({ now: clock });
});
afterAll(async () => {
  await workers.stop();
});
beforeEach(async () => {
  offsetMs = 0;
  // Each test sweeps the whole database: the posts of the tests before it poll no more.
  await db.post.updateMany({ data: { nextPollAt: null } });
  await resetSandbox();
  await clearRedisPrefix(env().REDIS_URL, `${env().QUEUE_PREFIX}:reach-refresh`);
  await clearRedisPrefix(env().REDIS_URL, `${env().QUEUE_PREFIX}:channel-limited-until`);
});

const control = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${env().SANDBOX_URL}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<unknown>;
};
const sandboxCalls = () => control('GET', '/_sandbox/calls') as Promise<Record<string, number>>;

const pollState = (postId: string) =>
  db.post.findUniqueOrThrow({
    where: { id: postId },
    select: { pollsDone: true, nextPollAt: true, removedAt: true, publishedAt: true },
  });
const snapshotsOf = (postId: string) =>
  db.reachSnapshot.findMany({ where: { postId }, orderBy: { id: 'asc' } });

/** Sweeps at `at` and waits for the workers to record a poll of every post (a new snapshot each). */
async function pollAt(at: Date, postIds: string[]) {
  moveTo(at);
  const before = await db.reachSnapshot.count({ where: { postId: { in: postIds } } });
  const report = await sweepPolls({ now: at });
  await waitFor(
    async () =>
      (await db.reachSnapshot.count({ where: { postId: { in: postIds } } })) >=
      before + postIds.length,
    { timeoutMs: 20_000, intervalMs: 50, what: `a poll of ${postIds.length} posts` },
  );
  return report;
}

async function publishThroughWorkers(organisation: string, platform: Platform) {
  const lead = await actorFor('lead@nw-rocu.example');
  const message = await approvedMessage();
  const channel = await channelOf(organisation, platform);
  const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, {
    targets: [{ channelId: channel.id, scheduledAt: new Date(Date.now() + 1000).toISOString() }],
  });
  const post = posts[0]!;
  await waitForStatus([post.id], 'published');
  return { post: await db.post.findUniqueOrThrow({ where: { id: post.id } }), channel, message };
}

describe('polling published posts', () => {
  it('a published post is polled at +1 h, +6 h, +24 h, +72 h, +7 d and +28 d, and never after the last', async () => {
    const { post } = await publishThroughWorkers('greater-manchester', 'mastodon');
    const publishedAt = post.publishedAt!;
    // Publishing started the plan in the same statement, and the post's reach row beside it.
    expect(post.nextPollAt).toEqual(new Date(publishedAt.getTime() + POLL_OFFSETS_MS[0]!));
    expect(await db.postReach.findUnique({ where: { postId: post.id } })).toMatchObject({
      views: null,
      collectedAt: null,
    });

    // Not due yet: nothing is claimed.
    expect((await sweepPolls({ now: new Date(publishedAt.getTime() + 30 * MINUTE) })).claimed).toBe(
      0,
    );
    for (const [index, offset] of POLL_OFFSETS_MS.entries()) {
      const at = new Date(publishedAt.getTime() + offset + MINUTE);
      const report = await pollAt(at, [post.id]);
      expect(report.claimed).toBe(1);
      const state = await pollState(post.id);
      expect(state.pollsDone).toBe(index + 1);
      const next = POLL_OFFSETS_MS[index + 1];
      expect(state.nextPollAt).toEqual(
        next === undefined ? null : new Date(publishedAt.getTime() + next),
      );
    }
    expect(await snapshotsOf(post.id)).toHaveLength(POLL_OFFSETS_MS.length);

    // A year on, the post is never claimed again.
    const later = new Date(publishedAt.getTime() + 365 * 24 * 60 * MINUTE);
    moveTo(later);
    expect((await sweepPolls({ now: later })).claimed).toBe(0);
    expect(await snapshotsOf(post.id)).toHaveLength(POLL_OFFSETS_MS.length);
  });

  it('each poll appends a snapshot; post_reach holds the latest figures, null where the platform reports none', async () => {
    const channel = await channelOf('greater-manchester', 'mastodon');
    const publishedAt = new Date();
    const [postId] = await publishedPosts({ channels: [channel], count: 1, publishedAt });
    const { externalId } = await db.post.findUniqueOrThrow({ where: { id: postId! } });
    const figures = (favourites: number, reblogs: number) =>
      control('POST', '/_sandbox/metrics', {
        platform: 'mastodon',
        id: externalId,
        metrics: { favourites_count: favourites, reblogs_count: reblogs, replies_count: 1 },
      });

    await figures(10, 2);
    await pollAt(new Date(publishedAt.getTime() + 61 * MINUTE), [postId!]);
    await figures(25, 4);
    await pollAt(new Date(publishedAt.getTime() + 6 * 60 * MINUTE + MINUTE), [postId!]);

    const snapshots = await snapshotsOf(postId!);
    expect(snapshots.map((s) => [s.reactions, s.shares, s.comments, s.views])).toEqual([
      [10, 2, 1, null],
      [25, 4, 1, null],
    ]);
    expect(snapshots[1]!.raw).toMatchObject({ favourites_count: 25 });
    const latest = await db.postReach.findUniqueOrThrow({ where: { postId: postId! } });
    expect(latest).toMatchObject({
      reactions: 25,
      shares: 4,
      comments: 1,
      views: null,
      linkClicks: null,
      engagements: 30,
      removed: false,
    });
    expect(latest.collectedAt).toEqual(snapshots[1]!.collectedAt);
  });

  it('reads 100 X posts of one channel in one metrics call', async () => {
    const channel = await channelOf('lancashire', 'x');
    const publishedAt = new Date();
    const ids = await publishedPosts({ channels: [channel], count: 100, publishedAt });
    const report = await pollAt(new Date(publishedAt.getTime() + 61 * MINUTE), ids);
    expect(report).toMatchObject({ claimed: 100, jobs: 1 });
    expect((await sandboxCalls())['x GET /2/tweets']).toBe(1);
    const polled = await db.post.count({ where: { id: { in: ids }, pollsDone: 1 } });
    expect(polled).toBe(100);
    expect(await db.postReach.count({ where: { postId: { in: ids }, views: { not: null } } })).toBe(
      100,
    );
  });

  it('a post removed on the platform is marked removed, keeps its last figures, and is polled no more', async () => {
    const channel = await channelOf('merseyside', 'bluesky');
    const publishedAt = new Date();
    const [postId] = await publishedPosts({ channels: [channel], count: 1, publishedAt });
    await pollAt(new Date(publishedAt.getTime() + 61 * MINUTE), [postId!]);
    const before = await db.postReach.findUniqueOrThrow({ where: { postId: postId! } });
    expect(before.reactions).not.toBeNull();

    const { externalId } = await db.post.findUniqueOrThrow({ where: { id: postId! } });
    await control('DELETE', `/_sandbox/posts/bluesky/${encodeURIComponent(externalId!)}`);
    const at = new Date(publishedAt.getTime() + 6 * 60 * MINUTE + MINUTE);
    moveTo(at);
    expect((await sweepPolls({ now: at })).claimed).toBe(1);
    await waitFor(async () => (await pollState(postId!)).removedAt !== null, {
      timeoutMs: 20_000,
      intervalMs: 50,
      what: 'the post to be marked removed',
    });

    const after = await db.postReach.findUniqueOrThrow({ where: { postId: postId! } });
    expect(after.removed).toBe(true);
    expect({ ...after, removed: false }).toEqual(before);
    expect(await snapshotsOf(postId!)).toHaveLength(1);
    expect(
      await db.auditEvent.count({
        where: { entityId: postId!, action: 'post.removed_on_platform' },
      }),
    ).toBe(1);
    const later = new Date(publishedAt.getTime() + 30 * 24 * 60 * MINUTE);
    expect((await sweepPolls({ now: later })).claimed).toBe(0);
  });

  it('an expired token while polling marks the channel as publishing does: needs re-authorising, its scheduled posts held', async () => {
    const channel = await channelOf('greater-manchester', 'linkedin');
    const publishedAt = new Date();
    const [postId] = await publishedPosts({ channels: [channel], count: 1, publishedAt });
    const lead = await actorFor('lead@nw-rocu.example');
    const message = await approvedMessage();
    const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, {
      targets: [
        {
          channelId: channel.id,
          scheduledAt: new Date(Date.now() + 24 * 60 * MINUTE).toISOString(),
        },
      ],
    });
    await injectFault({ platform: 'linkedin', kind: '401', count: 1 });

    const at = new Date(publishedAt.getTime() + 61 * MINUTE);
    moveTo(at);
    expect((await sweepPolls({ now: at })).claimed).toBe(1);
    await waitFor(
      async () =>
        (await db.channel.findUniqueOrThrow({ where: { id: channel.id } })).status ===
        'needs_reauth',
      { timeoutMs: 20_000, intervalMs: 50, what: 'the channel to need re-authorising' },
    );
    const marked = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(marked.statusReason).toMatch(/^LinkedIn: /);
    const held = await db.post.findUniqueOrThrow({ where: { id: posts[0]!.id } });
    expect(held.status).toBe('held');
    expect(held.heldReason).toMatch(/needs re-authorising/);
    expect(
      await db.auditEvent.count({
        where: { entityId: channel.id, action: 'channel.needs_reauth' },
      }),
    ).toBe(1);
    expect(await snapshotsOf(postId!)).toHaveLength(0);
    // Its posts wait for the account to be connected again, rather than being polled in vain.
    const later = new Date(at.getTime() + 60 * MINUTE);
    expect((await sweepPolls({ now: later })).claimed).toBe(0);
    expect((await pollState(postId!)).pollsDone).toBe(0);
  });
});

describe('publishing comes first', () => {
  const jobFor = (channelId: string, postIds: string[], now: Date) => ({
    channelId,
    postIds,
    leaseUntil: new Date(now.getTime() + POLL_LEASE_MS).toISOString(),
  });

  it('a channel with a post due to publish is not polled until it has gone out', async () => {
    const channel = await channelOf('north-wales', 'mastodon');
    const publishedAt = new Date(Date.now() - 2 * 60 * MINUTE);
    const [postId] = await publishedPosts({ channels: [channel], count: 1, publishedAt });
    const message = await approvedMessage();
    // Due now and not yet taken by a worker (no job: the test holds it there).
    const due = await db.post.create({
      data: {
        messageId: message.id,
        channelId: channel.id,
        organisationId: channel.organisationId,
        campaignId: message.campaignId,
        platform: 'mastodon',
        scheduledAt: new Date(Date.now() - 1000),
        text: '',
        signpostVersion: 1,
        batchId: 'publishing-first',
      },
    });
    const now = new Date();
    // The sweep leaves the channel for later: no poll job is made while it publishes.
    expect((await sweepPolls({ now })).claimed).toBe(0);
    // A poll already made when the post fell due waits for it.
    const job = jobFor(channel.id, [postId!], now);
    const log = pino({ level: 'silent' });
    expect(await pollChannel(job, { log, now: () => now })).toMatchObject({
      kind: 'deferred',
      reason: 'publishing_first',
    });
    expect((await sandboxCalls())['mastodon GET /api/v1/statuses/:id']).toBeUndefined();
    await db.post.update({ where: { id: due.id }, data: { status: 'published' } });
    expect(await pollChannel(job, { log, now: () => now })).toMatchObject({
      kind: 'polled',
      polled: 1,
    });
  });

  it('a 429 on a poll limits the channel for publishing too, and the poll waits out the window', async () => {
    const channel = await channelOf('cumbria', 'nextdoor');
    const publishedAt = new Date(Date.now() - 2 * 60 * MINUTE);
    const [postId] = await publishedPosts({ channels: [channel], count: 1, publishedAt });
    await injectFault({ platform: 'nextdoor', kind: '429', count: 1, retryAfterSeconds: 120 });
    const now = new Date();
    const job = jobFor(channel.id, [postId!], now);
    const log = pino({ level: 'silent' });
    const first = await pollChannel(job, { log, now: () => now });
    expect(first).toMatchObject({ kind: 'deferred', reason: 'rate_limited' });
    // The one limiter: publishing on this channel now waits for the same window.
    const limited = await channelLimitedUntil(sharedRedis(), env().QUEUE_PREFIX, channel.id, now);
    expect(limited?.getTime()).toBe(now.getTime() + 120_000);
    const calls = (await sandboxCalls())['nextdoor GET /external/api/partner/v1/post'];
    // Within the window the platform is not called again.
    const soon = new Date(now.getTime() + 60_000);
    expect(await pollChannel(job, { log, now: () => soon })).toMatchObject({ kind: 'deferred' });
    expect((await sandboxCalls())['nextdoor GET /external/api/partner/v1/post']).toBe(calls);
    const after = new Date(now.getTime() + 121_000);
    expect(await pollChannel(job, { log, now: () => after })).toMatchObject({
      kind: 'polled',
      polled: 1,
    });
  });
});

describe('a poll the platform refuses for good', () => {
  it('skips to the post’s next planned poll instead of asking again every lease', async () => {
    const channel = await channelOf('lancashire', 'nextdoor');
    const publishedAt = new Date(Date.now() - 2 * 60 * MINUTE);
    const [postId] = await publishedPosts({ channels: [channel], count: 1, publishedAt });
    // Nextdoor lists an agency's latest 100 posts only: 100 newer ones push this one off the list.
    for (let index = 0; index < 100; index++)
      await control('POST', '/_sandbox/posts', {
        platform: 'nextdoor',
        account: channel.externalAccountId,
        text: `A newer post ${index}`,
        receivedAt: new Date().toISOString(),
      });
    const now = new Date();
    const outcome = await pollChannel(
      {
        channelId: channel.id,
        postIds: [postId!],
        leaseUntil: new Date(now.getTime() + POLL_LEASE_MS).toISOString(),
      },
      { log: pino({ level: 'silent' }), now: () => now },
    );
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(await pollState(postId!)).toMatchObject({
      pollsDone: 1,
      nextPollAt: new Date(publishedAt.getTime() + POLL_OFFSETS_MS[1]!),
      removedAt: null,
    });
    expect(await snapshotsOf(postId!)).toHaveLength(0);
  });
});

describe('POST /api/v1/reach/refresh', () => {
  it('polls a campaign’s published posts now, and a second refresh within five minutes is 429', async () => {
    const { post, message } = await publishThroughWorkers('cheshire', 'bluesky');
    const token = await tokenFor('lead@nw-rocu.example');
    const first = await call<{ posts: number }>(refreshRoute, '/reach/refresh', {
      token,
      body: { campaignId: message.campaignId },
    });
    expect(first.status).toBe(202);
    expect(first.body.posts).toBe(1);
    // The sweep enqueued by the refresh polls it, off plan: the +1 h poll stays owed.
    await waitFor(async () => (await snapshotsOf(post.id)).length === 1, {
      timeoutMs: 20_000,
      intervalMs: 50,
      what: 'the refreshed post to be polled',
    });
    const state = await pollState(post.id);
    expect(state.pollsDone).toBe(0);
    expect(state.nextPollAt).toEqual(new Date(post.publishedAt!.getTime() + POLL_OFFSETS_MS[0]!));

    const second = await call<{ error: { code: string } }>(refreshRoute, '/reach/refresh', {
      token,
      body: { campaignId: message.campaignId },
    });
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe('rate_limited');
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(300);
    expect(await snapshotsOf(post.id)).toHaveLength(1);
  });

  it('a comms officer refreshes their own force, never another (403)', async () => {
    const token = await tokenFor('comms@lancashire.example');
    const other = await call<{ error: { code: string } }>(refreshRoute, '/reach/refresh', {
      token,
      body: { organisation: 'merseyside' },
    });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('forbidden');
    const own = await call(refreshRoute, '/reach/refresh', {
      token,
      body: { organisation: 'lancashire' },
    });
    expect(own.status).toBe(202);
  });

  it('refuses a partner, an unknown campaign and an unknown organisation in the API’s error format', async () => {
    const partner = await db.user.findFirstOrThrow({
      where: { memberships: { some: { role: 'partner' } } },
      select: { email: true },
    });
    const refused = await call<{ error: { code: string } }>(refreshRoute, '/reach/refresh', {
      token: await tokenFor(partner.email),
      body: {},
    });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const token = await tokenFor('lead@nw-rocu.example');
    const unknown = await call<{ error: { code: string } }>(refreshRoute, '/reach/refresh', {
      token,
      body: { campaignId: 'no-such-campaign' },
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const badOrganisation = await call<{ error: { fields: Record<string, string> } }>(
      refreshRoute,
      '/reach/refresh',
      { token, body: { organisation: 'atlantis' } },
    );
    expect(badOrganisation).toMatchObject({ status: 400 });
    expect(badOrganisation.body.error.fields).toHaveProperty('organisation');
  });
});
