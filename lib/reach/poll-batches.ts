// How claimed posts become poll jobs: per channel (a poll calls the platform as that channel), in
// batches of as many posts as the platform reads in one call (X 100, Bluesky 25, the others 1),
// the longest-waiting posts first. Pure.
import type { Platform } from '../platforms/types';

export interface ClaimedPost {
  id: string;
  channelId: string;
  platform: Platform;
}

export interface PollBatch {
  channelId: string;
  platform: Platform;
  postIds: string[];
}

/** `posts` in the order they were claimed (oldest poll first); each batch keeps that order. */
export function pollBatches(
  posts: readonly ClaimedPost[],
  batchSize: (platform: Platform) => number,
): PollBatch[] {
  const byChannel = new Map<string, ClaimedPost[]>();
  for (const post of posts) {
    const list = byChannel.get(post.channelId);
    if (list) list.push(post);
    else byChannel.set(post.channelId, [post]);
  }
  const batches: PollBatch[] = [];
  for (const [channelId, list] of byChannel) {
    const platform = list[0]!.platform;
    const size = Math.max(1, Math.floor(batchSize(platform)));
    for (let start = 0; start < list.length; start += size) {
      batches.push({
        channelId,
        platform,
        postIds: list.slice(start, start + size).map((post) => post.id),
      });
    }
  }
  return batches;
}
