// Each adapter's metrics call against the in-process sandbox: the platform's own figures (set
// with POST /_sandbox/metrics, in the platform's names) become the normalised ones, null where
// the platform reports none; batches go in one call; removed posts, refused metrics and refused
// tokens are answered as the metrics worker needs them.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { log } from '../../log';
import { PlatformError, type MetricsAnswer, type MetricsRequest } from '../adapter';
import type { Figures } from '../figures';
import { PLATFORMS, type Platform } from '../types';
import { adapters } from './registry';
import {
  ACCOUNTS,
  signal,
  startSandbox,
  type SandboxFixture,
} from '@/tests/support/sandbox-fixture';

let fixture: SandboxFixture;
beforeAll(async () => {
  fixture = await startSandbox();
});
afterAll(() => fixture.sandbox.close());
beforeEach(async () => {
  await fixture.control('DELETE', '/_sandbox/posts');
  await fixture.control('DELETE', '/_sandbox/faults');
  await fixture.control('POST', '/_sandbox/config', { retiredMetrics: [] });
});

const HOUR = 3_600_000;

/** A post already on the platform, published `hoursAgo` hours ago. */
async function adopted(platform: Platform, hoursAgo = 2, account = ACCOUNTS[platform]) {
  const publishedAt = new Date(Date.now() - hoursAgo * HOUR);
  const { status, body } = await fixture.control('POST', '/_sandbox/posts', {
    platform,
    account,
    text: `Worried about your thoughts? Call 0808 1000 900 (${platform}, ${hoursAgo}h)`,
    receivedAt: publishedAt.toISOString(),
  });
  expect(status).toBe(201);
  return { externalId: (body as { id: string }).id, publishedAt };
}

async function read(platform: Platform, posts: MetricsRequest[], now = new Date()) {
  return adapters[platform].metrics(fixture.connection(platform), posts, signal(), now);
}

function figuresOf(answer: MetricsAnswer | undefined): Figures {
  if (answer?.kind !== 'figures') throw new Error(`expected figures, got ${answer?.kind}`);
  const { raw, ...figures } = answer.figures;
  expect(raw).toBeTruthy();
  return figures;
}

async function calls(): Promise<Record<string, number>> {
  return (await fixture.control('GET', '/_sandbox/calls')).body as Record<string, number>;
}

/** Each platform's own figures, and what API.md's table makes of them. */
const CASES: Record<Platform, { own: Record<string, unknown>; normalised: Figures }> = {
  x: {
    own: {
      impression_count: 1200,
      like_count: 40,
      reply_count: 5,
      retweet_count: 7,
      quote_count: 3,
      url_link_clicks: 18,
    },
    normalised: { views: 1200, reactions: 40, comments: 5, shares: 10, linkClicks: 18 },
  },
  facebook: {
    own: {
      post_media_view: 900,
      post_reactions_by_type_total: { like: 20, love: 5, wow: 1 },
      post_clicks_by_type: { 'link clicks': 12, 'other clicks': 30 },
      comments: 4,
      shares: 6,
    },
    normalised: { views: 900, reactions: 26, comments: 4, shares: 6, linkClicks: 12 },
  },
  instagram: {
    own: { views: 800, likes: 30, comments: 6, shares: 2, saved: 9 },
    normalised: { views: 800, reactions: 30, comments: 6, shares: 2, linkClicks: null },
  },
  linkedin: {
    own: { impressionCount: 700, likeCount: 21, commentCount: 3, shareCount: 4, clickCount: 15 },
    normalised: { views: 700, reactions: 21, comments: 3, shares: 4, linkClicks: 15 },
  },
  threads: {
    own: { views: 600, likes: 18, replies: 4, reposts: 3, quotes: 2, shares: 9 },
    normalised: { views: 600, reactions: 18, comments: 4, shares: 5, linkClicks: null },
  },
  bluesky: {
    own: { likeCount: 17, replyCount: 2, repostCount: 5, quoteCount: 1 },
    normalised: { views: null, reactions: 17, comments: 2, shares: 6, linkClicks: null },
  },
  mastodon: {
    own: { favourites_count: 14, replies_count: 3, reblogs_count: 6 },
    normalised: { views: null, reactions: 14, comments: 3, shares: 6, linkClicks: null },
  },
  nextdoor: {
    own: { reactions: 9, comments: 2 },
    normalised: { views: null, reactions: 9, comments: 2, shares: null, linkClicks: null },
  },
};

describe.each(PLATFORMS)('the %s adapter’s figures', (platform) => {
  it('are the platform’s own figures, normalised, null where the platform reports none', async () => {
    const post = await adopted(platform);
    const set = await fixture.control('POST', '/_sandbox/metrics', {
      platform,
      id: post.externalId,
      metrics: CASES[platform].own,
    });
    expect(set.status).toBe(200);
    const answers = await read(platform, [post]);
    expect(figuresOf(answers.get(post.externalId))).toEqual(CASES[platform].normalised);
  });

  it('say `removed` once the post is deleted on the platform', async () => {
    const kept = await adopted(platform);
    const gone = await adopted(platform, 3);
    const removed = await fixture.control(
      'DELETE',
      `/_sandbox/posts/${platform}/${encodeURIComponent(gone.externalId)}`,
    );
    expect(removed.status).toBe(200);
    const answers = new Map([...(await read(platform, [kept])), ...(await read(platform, [gone]))]);
    expect(answers.get(gone.externalId)).toEqual({ kind: 'removed' });
    expect(answers.get(kept.externalId)?.kind).toBe('figures');
  });

  it('need re-authorising when the platform refuses the token (an expired one)', async () => {
    const post = await adopted(platform);
    await fixture.control('POST', '/_sandbox/faults', {
      platform,
      kind: '401',
      count: 1,
      calls: 'metrics',
    });
    const error = await read(platform, [post]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).kind).toBe('auth');
  });

  it('are transient with Retry-After when the platform rate-limits the read', async () => {
    const post = await adopted(platform);
    await fixture.control('POST', '/_sandbox/faults', {
      platform,
      kind: '429',
      count: 1,
      retryAfterSeconds: 9,
      calls: 'metrics',
    });
    const error = await read(platform, [post]).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient', options: { retryAfterMs: 9000 } });
  });
});

describe('batches', () => {
  it('reads 100 X posts in one call', async () => {
    const posts = await Promise.all(
      Array.from({ length: 100 }, (_, i) => adopted('x', 1 + i / 10)),
    );
    expect(adapters.x.metricsBatchSize).toBe(100);
    const answers = await read('x', posts);
    expect((await calls())['x GET /2/tweets']).toBe(1);
    expect([...answers.values()].filter((a) => a.kind === 'figures')).toHaveLength(100);
    expect(new Set(answers.keys())).toEqual(new Set(posts.map((p) => p.externalId)));
  });

  it('reads 25 Bluesky posts in one call, a deleted one among them', async () => {
    const posts = await Promise.all(
      Array.from({ length: 25 }, (_, i) => adopted('bluesky', 1 + i)),
    );
    const gone = posts[7]!;
    await fixture.control(
      'DELETE',
      `/_sandbox/posts/bluesky/${encodeURIComponent(gone.externalId)}`,
    );
    expect(adapters.bluesky.metricsBatchSize).toBe(25);
    const answers = await read('bluesky', posts);
    expect((await calls())['bluesky GET /xrpc/app.bsky.feed.getPosts']).toBe(1);
    expect(answers.get(gone.externalId)).toEqual({ kind: 'removed' });
    expect([...answers.values()].filter((a) => a.kind === 'figures')).toHaveLength(24);
  });

  it('asks X for link clicks only for posts under 30 days old', async () => {
    const recent = await adopted('x', 24);
    const old = await adopted('x', 24 * 40);
    const answers = await read('x', [recent, old]);
    expect(figuresOf(answers.get(recent.externalId)).linkClicks).toEqual(expect.any(Number));
    expect(figuresOf(answers.get(old.externalId))).toMatchObject({
      linkClicks: null,
      views: expect.any(Number),
    });
    // One call for the recent posts with non_public_metrics, one for the older without.
    expect((await calls())['x GET /2/tweets']).toBe(2);
  });

  it('names a removed X post among found ones', async () => {
    const [kept, gone] = [await adopted('x'), await adopted('x', 5)];
    await fixture.control('DELETE', `/_sandbox/posts/x/${gone.externalId}`);
    const answers = await read('x', [kept, gone]);
    expect(answers.get(gone.externalId)).toEqual({ kind: 'removed' });
    expect(answers.get(kept.externalId)?.kind).toBe('figures');
  });
});

describe('Meta’s retired metrics', () => {
  it('Facebook: the request refused for one metric is asked one metric at a time; the refused one is logged and null, the rest count', async () => {
    const post = await adopted('facebook');
    await fixture.control('POST', '/_sandbox/metrics', {
      platform: 'facebook',
      id: post.externalId,
      metrics: CASES.facebook.own,
    });
    await fixture.control('POST', '/_sandbox/config', { retiredMetrics: ['post_clicks_by_type'] });
    const warned = vi.spyOn(log, 'warn');
    try {
      const answers = await read('facebook', [post]);
      expect(figuresOf(answers.get(post.externalId))).toEqual({
        ...CASES.facebook.normalised,
        linkClicks: null,
      });
      expect(warned).toHaveBeenCalledWith(
        expect.objectContaining({ platform: 'facebook', metric: 'post_clicks_by_type' }),
        expect.any(String),
      );
      expect(warned).toHaveBeenCalledTimes(1);
    } finally {
      warned.mockRestore();
    }
  });

  it('Instagram: a figure refused or left empty is null, the others still count', async () => {
    const post = await adopted('instagram');
    await fixture.control('POST', '/_sandbox/metrics', {
      platform: 'instagram',
      id: post.externalId,
      metrics: { ...CASES.instagram.own, comments: null },
    });
    await fixture.control('POST', '/_sandbox/config', { retiredMetrics: ['shares'] });
    const answers = await read('instagram', [post]);
    expect(figuresOf(answers.get(post.externalId))).toEqual({
      ...CASES.instagram.normalised,
      comments: null,
      shares: null,
    });
  });
});

describe('figures over time (the sandbox’s clock)', () => {
  let clock = new Date('2026-03-01T09:00:00Z');
  let timed: SandboxFixture;
  beforeAll(async () => {
    timed = await startSandbox({ now: () => clock });
  });
  afterAll(() => timed.sandbox.close());

  it.each(PLATFORMS)(
    '%s: grow from the publish time, and are the same for the same post at the same time',
    async (platform) => {
      const publishedAt = new Date(clock);
      const { body } = await timed.control('POST', '/_sandbox/posts', {
        platform,
        account: ACCOUNTS[platform],
        text: `Reach over time (${platform})`,
        receivedAt: publishedAt.toISOString(),
      });
      const post = { externalId: (body as { id: string }).id, publishedAt };
      const figures = async (hours: number) => {
        clock = new Date(publishedAt.getTime() + hours * HOUR);
        const answers = await adapters[platform].metrics(
          timed.connection(platform),
          [post],
          signal(),
          clock,
        );
        return figuresOf(answers.get(post.externalId));
      };
      const early = await figures(1);
      const later = await figures(72);
      expect(await figures(72)).toEqual(later);
      for (const key of ['views', 'reactions', 'comments', 'shares', 'linkClicks'] as const) {
        expect(later[key] === null).toBe(early[key] === null);
        expect(later[key] ?? 0).toBeGreaterThanOrEqual(early[key] ?? 0);
      }
      expect(later.reactions).toBeGreaterThan(early.reactions ?? 0);
    },
  );
});
