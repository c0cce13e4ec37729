import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, type Platform } from '../platforms/types';
import { pollBatches, type ClaimedPost } from './poll-batches';

const SIZES: Record<Platform, number> = {
  x: 100,
  facebook: 1,
  instagram: 1,
  linkedin: 1,
  threads: 1,
  bluesky: 25,
  mastodon: 1,
  nextdoor: 1,
};

const post = (id: number, channel: string, platform: Platform): ClaimedPost => ({
  id: `post-${id}`,
  channelId: channel,
  platform,
});

describe('poll batches', () => {
  it('reads 250 X posts of one channel in three calls and Mastodon posts one by one', () => {
    const x = Array.from({ length: 250 }, (_, i) => post(i, 'channel-x', 'x'));
    const mastodon = Array.from({ length: 3 }, (_, i) => post(1000 + i, 'channel-m', 'mastodon'));
    const batches = pollBatches([...x, ...mastodon], (platform) => SIZES[platform]);
    expect(batches.map((batch) => [batch.channelId, batch.postIds.length])).toEqual([
      ['channel-x', 100],
      ['channel-x', 100],
      ['channel-x', 50],
      ['channel-m', 1],
      ['channel-m', 1],
      ['channel-m', 1],
    ]);
  });

  it('every post once, in one batch of its own channel, no batch over its platform’s size, order kept', () => {
    const claimed = fc
      .array(fc.tuple(fc.nat(5), fc.constantFrom(...PLATFORMS)), { maxLength: 400 })
      .map((rows) => {
        // A channel is on one platform: the platform of its first post.
        const platformOf = new Map<number, Platform>();
        return rows.map(([channel, platform], index) => {
          if (!platformOf.has(channel)) platformOf.set(channel, platform);
          return post(index, `channel-${channel}`, platformOf.get(channel)!);
        });
      });
    fc.assert(
      fc.property(claimed, (posts) => {
        const batches = pollBatches(posts, (platform) => SIZES[platform]);
        const ids = batches.flatMap((batch) => batch.postIds);
        expect([...ids].sort()).toEqual(posts.map((p) => p.id).sort());
        const byId = new Map(posts.map((p) => [p.id, p]));
        for (const batch of batches) {
          expect(batch.postIds.length).toBeGreaterThan(0);
          expect(batch.postIds.length).toBeLessThanOrEqual(SIZES[batch.platform]);
          for (const id of batch.postIds) expect(byId.get(id)?.channelId).toBe(batch.channelId);
          const positions = batch.postIds.map((id) => posts.findIndex((p) => p.id === id));
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
        }
      }),
    );
  });
});
