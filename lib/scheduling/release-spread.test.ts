import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstReleaseSlot, RELEASE_SPREAD, spreadReleases, type HeldPost } from './release-spread';

const now = new Date('2026-12-01T14:02:40Z');
const held = (id: string, channelId: string, minutesAgo = 10): HeldPost => ({
  id,
  channelId,
  scheduledAt: new Date(now.getTime() - minutesAgo * 60_000),
});

describe('spreadReleases', () => {
  it('starts at the whole minute after a minute from now', () => {
    expect(firstReleaseSlot(now).toISOString()).toBe('2026-12-01T14:04:00.000Z');
    const times = spreadReleases([held('a', 'x')], now);
    expect(times.get('a')?.toISOString()).toBe('2026-12-01T14:04:00.000Z');
  });

  it('lets a channel post twice a minute, in the order its posts were due', () => {
    const posts = [held('c', 'x', 1), held('a', 'x', 3), held('b', 'x', 2)];
    const times = spreadReleases(posts, now);
    expect(times.get('a')?.toISOString()).toBe('2026-12-01T14:04:00.000Z');
    expect(times.get('b')?.toISOString()).toBe('2026-12-01T14:04:00.000Z');
    expect(times.get('c')?.toISOString()).toBe('2026-12-01T14:05:00.000Z');
  });

  it('lets no more than twenty out in any minute across channels', () => {
    const posts = Array.from({ length: 30 }, (_, i) => held(`p${i}`, `channel-${i}`));
    const minutes = [...spreadReleases(posts, now).values()].map((time) => time.getTime());
    expect(minutes.filter((time) => time === minutes[0]).length).toBe(20);
    expect(new Set(minutes).size).toBe(2);
  });

  it('keeps a post that is due after the first slot at its own time', () => {
    const later = { id: 'z', channelId: 'x', scheduledAt: new Date('2026-12-02T09:00:00Z') };
    expect(spreadReleases([later], now).get('z')).toEqual(later.scheduledAt);
  });
});

const posts = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    channelId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    scheduledAt: fc
      .integer({ min: -600, max: 10 })
      .map((minutes) => new Date(now.getTime() + minutes * 60_000)),
  }),
  { selector: (post) => post.id, maxLength: 120 },
);

describe('spreadReleases, for any held posts', () => {
  it('gives every post one time, never before the first slot nor before its own time', () => {
    fc.assert(
      fc.property(posts, (list) => {
        const times = spreadReleases(list, now);
        expect(times.size).toBe(list.length);
        for (const post of list) {
          const time = times.get(post.id)!;
          expect(time.getTime()).toBeGreaterThanOrEqual(firstReleaseSlot(now).getTime());
          expect(time.getTime()).toBeGreaterThanOrEqual(post.scheduledAt.getTime());
        }
      }),
    );
  });

  it('keeps within the limits per minute and per channel, and each channel in its order', () => {
    fc.assert(
      fc.property(posts, (list) => {
        const times = spreadReleases(list, now);
        const perMinute = new Map<number, number>();
        const perChannel = new Map<string, number>();
        const first = firstReleaseSlot(now).getTime();
        for (const post of list) {
          const minute = Math.floor((times.get(post.id)!.getTime() - first) / 60_000);
          perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
          const key = `${post.channelId}@${minute}`;
          perChannel.set(key, (perChannel.get(key) ?? 0) + 1);
        }
        for (const count of perMinute.values())
          expect(count).toBeLessThanOrEqual(RELEASE_SPREAD.perMinute);
        for (const count of perChannel.values())
          expect(count).toBeLessThanOrEqual(RELEASE_SPREAD.perChannelPerMinute);
        for (const a of list)
          for (const b of list)
            if (a.channelId === b.channelId && a.scheduledAt < b.scheduledAt)
              expect(times.get(a.id)!.getTime()).toBeLessThanOrEqual(times.get(b.id)!.getTime());
      }),
    );
  });

  it('leaves no minute idle before the last one: the posts go out as soon as the limits allow', () => {
    fc.assert(
      fc.property(posts, (list) => {
        const first = firstReleaseSlot(now).getTime();
        const due = list.filter((post) => post.scheduledAt.getTime() < first);
        const minutes = [...spreadReleases(due, now).values()].map((t) => t.getTime());
        if (minutes.length === 0) return;
        const last = Math.max(...minutes);
        for (let minute = first; minute <= last; minute += 60_000)
          expect(minutes).toContain(minute);
      }),
    );
  });
});
