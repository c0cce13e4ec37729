// Published posts that exist on the sandbox, for the polling tests and benchmarks, without
// publishing them one by one: each is adopted by the sandbox (POST /_sandbox/posts, as if published at `publishedAt`) and written
// to the database as publishing leaves it: `published`, with its external id, its post_reach row
// and its first poll due by the plan.
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { firstPollAt, START_REACH_SQL } from '@/lib/reach/start-reach';
import { approvedMessage } from './fixtures';

interface ChannelRow {
  id: string;
  organisationId: string;
  platform: string;
  externalAccountId: string;
}

async function adopt(sandboxUrl: string, channel: ChannelRow, text: string, publishedAt: Date) {
  const response = await fetch(`${sandboxUrl}/_sandbox/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      platform: channel.platform,
      account: channel.externalAccountId,
      text,
      receivedAt: publishedAt.toISOString(),
    }),
  });
  if (response.status !== 201)
    throw new Error(`sandbox adopt: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/**
 * Nextdoor's agency API lists only an agency's latest 100 posts, and a post's figures are read
 * from that list: no more than this many posts per Nextdoor channel can be polled.
 */
export const NEXTDOOR_READABLE_POSTS = 100;

/**
 * `count` published posts on each channel (at most NEXTDOOR_READABLE_POSTS on a Nextdoor one),
 * published at `publishedAt`; their ids.
 */
export async function publishedPosts({
  channels,
  count,
  publishedAt,
  sandboxUrl = process.env.SANDBOX_URL ?? '',
}: {
  channels: readonly ChannelRow[];
  count: number;
  publishedAt: Date;
  sandboxUrl?: string;
}): Promise<string[]> {
  const message = await approvedMessage();
  const batchId = randomUUID();
  const ids: string[] = [];
  const CHUNK = 500;
  const all = channels.flatMap((channel) =>
    Array.from(
      {
        length: channel.platform === 'nextdoor' ? Math.min(count, NEXTDOOR_READABLE_POSTS) : count,
      },
      (_, index) => ({ channel, index }),
    ),
  );
  for (let offset = 0; offset < all.length; offset += CHUNK) {
    const rows = await Promise.all(
      all.slice(offset, offset + CHUNK).map(async ({ channel, index }) => {
        const id = randomUUID();
        const text = `Help is available in confidence (${index}, ${id.slice(0, 8)}).`;
        const externalId = await adopt(sandboxUrl, channel, text, publishedAt);
        return {
          id,
          messageId: message.id,
          channelId: channel.id,
          organisationId: channel.organisationId,
          campaignId: message.campaignId,
          platform: channel.platform as never,
          scheduledAt: publishedAt,
          status: 'published' as const,
          text,
          signpostVersion: 1,
          batchId,
          externalId,
          publishedAt,
          attempts: 1,
          nextPollAt: firstPollAt(publishedAt),
          pollsDone: 0,
        };
      }),
    );
    await db.post.createMany({ data: rows });
    const chunkIds = rows.map((row) => row.id);
    // Its post_reach row and its day's reach_daily count, as publishing writes them.
    await Promise.all(
      rows.map((row) =>
        db.$executeRawUnsafe(START_REACH_SQL, row.id, row.publishedAt.toISOString()),
      ),
    );
    ids.push(...chunkIds);
  }
  return ids;
}
