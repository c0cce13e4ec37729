// Bursts of posts due together, for the publishing resilience tests, and the check that each was
// published exactly once.
import { expect } from 'vitest';
import { db } from '@/lib/db';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { actorFor, approvedMessage } from './fixtures';
import { sandboxPosts } from './sandbox';

/**
 * `count` posts due together at `startAt`, spread over every channel that needs no image: one
 * message per round of channels, since one message goes to a channel once a minute.
 */
export async function burst(count: number, startAt: Date): Promise<string[]> {
  const lead = await actorFor('lead@nw-rocu.example');
  const channels = await db.channel.findMany({
    where: { platform: { not: 'instagram' }, status: 'active' },
    orderBy: { id: 'asc' },
  });
  const ids: string[] = [];
  for (let round = 0; ids.length < count; round++) {
    const message = await approvedMessage({
      body: `Round ${round}: help is available, in confidence, for anyone worried about their own online behaviour.`,
    });
    const targets = channels
      .slice(0, count - ids.length)
      .map((channel) => ({ channelId: channel.id, scheduledAt: startAt.toISOString() }));
    const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, { targets });
    ids.push(...posts.map((post) => post.id));
  }
  return ids;
}

export async function expectEachPublishedOnce(ids: string[]): Promise<void> {
  const rows = await db.post.findMany({ where: { id: { in: ids } } });
  const onPlatform = await sandboxPosts();
  expect(rows.every((row) => row.status === 'published')).toBe(true);
  for (const row of rows) {
    expect(
      onPlatform.filter((post) => post.platform === row.platform && post.id === row.externalId),
    ).toHaveLength(1);
  }
  expect(onPlatform).toHaveLength(ids.length);
}
