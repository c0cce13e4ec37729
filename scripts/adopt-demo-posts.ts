// `npm run dev` runs this once the platform sandbox answers: the seed's demo posts that are still
// to be polled (prisma/seed/reach.ts) are given to the sandbox as posts published at their times,
// with the figures the seed gave them, so the workers' next polls find them and carry on from
// there instead of finding nothing and marking them removed. The sandbox keeps them in its state
// file (SANDBOX_STATE_FILE), so this happens once. Never in production.
import { db } from '@/lib/db';
import { demoEnabled, env } from '@/lib/env';
import type { Figures } from '@/lib/reach/figures';
import type { Platform } from '@/lib/platforms/types';
import { DEMO_BATCH } from '@/prisma/seed/reach';

/** The seed's figures under each platform's own names (what POST /_sandbox/metrics takes). */
function nativeFigures(platform: Platform, figures: Figures): Record<string, unknown> {
  const n = (value: number | null) => value ?? 0;
  switch (platform) {
    case 'x':
      return {
        impression_count: n(figures.views),
        like_count: n(figures.reactions),
        reply_count: n(figures.comments),
        retweet_count: n(figures.shares),
        quote_count: 0,
        url_link_clicks: n(figures.linkClicks),
      };
    case 'facebook':
      return {
        post_media_view: n(figures.views),
        post_reactions_by_type_total: { like: n(figures.reactions) },
        post_clicks_by_type: { 'link clicks': n(figures.linkClicks) },
        comments: n(figures.comments),
        shares: n(figures.shares),
      };
    case 'instagram':
      return {
        views: n(figures.views),
        likes: n(figures.reactions),
        comments: n(figures.comments),
        shares: n(figures.shares),
      };
    case 'linkedin':
      return {
        impressionCount: n(figures.views),
        likeCount: n(figures.reactions),
        commentCount: n(figures.comments),
        shareCount: n(figures.shares),
        clickCount: n(figures.linkClicks),
      };
    case 'threads':
      return {
        views: n(figures.views),
        likes: n(figures.reactions),
        replies: n(figures.comments),
        reposts: n(figures.shares),
        quotes: 0,
        shares: 0,
      };
    case 'bluesky':
      return {
        likeCount: n(figures.reactions),
        replyCount: n(figures.comments),
        repostCount: n(figures.shares),
        quoteCount: 0,
      };
    case 'mastodon':
      return {
        favourites_count: n(figures.reactions),
        replies_count: n(figures.comments),
        reblogs_count: n(figures.shares),
        quotes_count: 0,
      };
    case 'nextdoor':
      return { reactions: n(figures.reactions), comments: n(figures.comments) };
  }
}

async function sandboxAnswers(control: string): Promise<boolean> {
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      if ((await fetch(`${control}/_sandbox/health`)).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

async function send(control: string, path: string, body: unknown) {
  const answer = await fetch(`${control}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as { id: string };
}

async function adopt(): Promise<string> {
  if (!demoEnabled(env())) return 'none (production)';
  const control = env().SANDBOX_URL;
  const posts = await db.post.findMany({
    where: {
      batchId: { startsWith: DEMO_BATCH },
      externalId: { startsWith: 'demo-' },
      nextPollAt: { not: null },
    },
    include: { channel: { select: { externalAccountId: true } }, latestReach: true },
  });
  if (posts.length === 0) return 'none needed';
  if (!(await sandboxAnswers(control))) return `none: the sandbox did not answer at ${control}`;
  for (const post of posts) {
    const { id } = await send(control, '/_sandbox/posts', {
      platform: post.platform,
      account: post.channel.externalAccountId,
      text: post.text,
      receivedAt: post.publishedAt!.toISOString(),
    });
    await db.post.update({ where: { id: post.id }, data: { externalId: id } });
    const latest = post.latestReach;
    if (latest?.collectedAt)
      await send(control, '/_sandbox/metrics', {
        platform: post.platform,
        id,
        metrics: nativeFigures(post.platform, latest),
      });
  }
  return `${posts.length}`;
}

adopt()
  .then((count) => console.log(`Demo posts given to the platform sandbox: ${count}.`))
  .catch((error: unknown) => {
    // Not fatal: the app works; those demo posts will show as removed on the platform.
    console.error('Could not give the demo posts to the sandbox:', error);
  })
  .finally(() => db.$disconnect());
