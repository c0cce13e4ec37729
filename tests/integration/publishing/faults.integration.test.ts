// Faults from the platforms, injected in the sandbox: each ends in the right state, with the
// right number of attempts, and nothing is published twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Platform } from '@/lib/platforms/types';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { resetDatabase } from '../../support/database';
import { actorFor, approvedMessage, channelOf } from '../../support/fixtures';
import { injectFault, resetSandbox, sandboxPosts } from '../../support/sandbox';
import { inProcessWorkers, waitForStatus } from '../../support/workers';

let workers: Awaited<ReturnType<typeof inProcessWorkers>>;

beforeAll(async () => {
  await resetDatabase();
  workers = await inProcessWorkers();
});
afterAll(async () => {
  await workers.stop();
});
beforeEach(async () => {
  await resetSandbox();
});

async function publishOn(organisation: string, platform: Platform, count = 1) {
  const lead = await actorFor('lead@nw-rocu.example');
  const message = await approvedMessage();
  const channel = await channelOf(organisation, platform);
  const at = new Date(Date.now() + 1000).toISOString();
  const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, {
    targets: Array.from({ length: count }, (_, index) => ({
      channelId: channel.id,
      scheduledAt: new Date(Date.parse(at) + index * 60_000).toISOString(),
    })),
  });
  return { posts, channel };
}

const attemptsOf = (postId: string) =>
  db.publishAttempt.findMany({ where: { postId }, orderBy: { number: 'asc' } });

describe('faults from the platforms', () => {
  it('429 with Retry-After: waits at least that long, then publishes once on the second attempt', async () => {
    await injectFault({ platform: 'x', kind: '429', count: 1, retryAfterSeconds: 2 });
    const { posts } = await publishOn('lancashire', 'x');
    const post = posts[0]!;
    await waitForStatus([post.id], 'published');
    const attempts = await attemptsOf(post.id);
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['transient', 'published']);
    expect(attempts[0]?.httpStatus).toBe(429);
    const waited = attempts[1]!.startedAt.getTime() - attempts[0]!.finishedAt!.getTime();
    expect(waited).toBeGreaterThanOrEqual(1900);
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).attempts).toBe(2);
    expect(await sandboxPosts('x')).toHaveLength(1);
  });

  it('500 twice: retried with backoff, published once on the third attempt', async () => {
    await injectFault({ platform: 'facebook', kind: '500', count: 2 });
    const { posts } = await publishOn('merseyside', 'facebook');
    const post = posts[0]!;
    await waitForStatus([post.id], 'published');
    const attempts = await attemptsOf(post.id);
    expect(attempts.map((attempt) => attempt.outcome)).toEqual([
      'transient',
      'transient',
      'published',
    ]);
    expect(attempts.slice(0, 2).map((attempt) => attempt.httpStatus)).toEqual([500, 500]);
    expect(await sandboxPosts('facebook')).toHaveLength(1);
  });

  it('a timeout after the platform recorded the post: unconfirmed, found on the platform, never sent again', async () => {
    await injectFault({ platform: 'x', kind: 'timeout', count: 1 });
    const { posts } = await publishOn('cheshire', 'x');
    const post = posts[0]!;
    await waitForStatus([post.id], 'published', 30_000);
    const row = await db.post.findUniqueOrThrow({ where: { id: post.id } });
    const attempts = await attemptsOf(post.id);
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['found_existing']);
    expect(row.attempts).toBe(1);
    const onPlatform = await sandboxPosts('x');
    expect(onPlatform).toHaveLength(1);
    expect(row.externalId).toBe(onPlatform[0]?.id);
  });

  it('401: the post and the channel’s other posts are held, the channel needs re-authorising, nothing is published', async () => {
    await injectFault({ platform: 'linkedin', kind: '401', count: 1 });
    const { posts, channel } = await publishOn('greater-manchester', 'linkedin', 2);
    const [first, second] = posts;
    await waitForStatus([first!.id, second!.id], 'held');
    const attempts = await attemptsOf(first!.id);
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['auth']);
    expect(await attemptsOf(second!.id)).toEqual([]);
    const held = await db.post.findUniqueOrThrow({ where: { id: first!.id } });
    expect(held.heldReason).toMatch(/needs re-authorising/);
    const after = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(after.status).toBe('needs_reauth');
    expect(await sandboxPosts('linkedin')).toHaveLength(0);
  });

  it('a temporary error on every attempt ends failed after the last one, with the reason shown', async () => {
    await injectFault({ platform: 'mastodon', kind: '500', count: 10 });
    const { posts } = await publishOn('north-wales', 'mastodon');
    const post = posts[0]!;
    await waitForStatus([post.id], 'failed', 30_000);
    const row = await db.post.findUniqueOrThrow({ where: { id: post.id } });
    expect(row.attempts).toBe(5);
    expect(row.lastError).toMatch(/^Mastodon: /);
    expect(await sandboxPosts('mastodon')).toHaveLength(0);
  });
});
