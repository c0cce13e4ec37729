// Each platform's own figures mapped to Signpost's normalised ones (API.md, "Reach and outcomes",
// the normalised figures table). Pure: the adapters hand in what the platform answered, these
// decide what it means. A figure the platform does not report is null, never 0; engagements are
// computed elsewhere from these.
import type { PostFigures } from './adapter';

export type Figures = Omit<PostFigures, 'raw'>;

type Reported = number | null | undefined;

/** A whole, non-negative count, or null when the platform gave none (or nothing usable). */
export function count(value: Reported): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.max(0, Math.round(value));
}

/** The sum of the parts the platform reported; null when it reported none of them. */
export function sumReported(...values: Reported[]): number | null {
  const reported = values.map(count).filter((value): value is number => value !== null);
  return reported.length === 0 ? null : reported.reduce((a, b) => a + b, 0);
}

/** X: `public_metrics` and, for the author within 30 days, `non_public_metrics`. */
export function xFigures(tweet: {
  public_metrics?:
    | {
        impression_count?: number;
        like_count?: number;
        reply_count?: number;
        retweet_count?: number;
        quote_count?: number;
      }
    | undefined;
  non_public_metrics?: { url_link_clicks?: number } | undefined;
}): Figures {
  const m = tweet.public_metrics;
  return {
    views: count(m?.impression_count),
    reactions: count(m?.like_count),
    comments: count(m?.reply_count),
    shares: sumReported(m?.retweet_count, m?.quote_count),
    linkClicks: count(tweet.non_public_metrics?.url_link_clicks),
  };
}

/** A Graph insights value: a number, or counts by type (reactions by type, clicks by type). */
export type InsightValue = number | Record<string, number>;

function total(value: InsightValue | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? count(value) : (sumReported(...Object.values(value)) ?? 0);
}

/**
 * Facebook: post_media_view (views, since post_impressions was retired), the reactions of every
 * type, the post's comments and shares fields, and the "link clicks" of post_clicks_by_type.
 * `insights` holds null for a metric Graph refused; `shares` is undefined when Graph left the
 * field out, which it does for a post nobody has shared: that is 0 shares, not an unknown.
 */
export function facebookFigures(post: {
  insights: Record<string, InsightValue | null | undefined>;
  comments: number | null | undefined;
  shares: number | null | undefined;
}): Figures {
  const clicks = post.insights.post_clicks_by_type;
  return {
    views: total(post.insights.post_media_view),
    reactions: total(post.insights.post_reactions_by_type_total),
    comments: count(post.comments),
    shares: count(post.shares) ?? 0,
    linkClicks:
      clicks === null || clicks === undefined
        ? null
        : typeof clicks === 'number'
          ? count(clicks)
          : (count(clicks['link clicks']) ?? 0),
  };
}

/** Instagram media insights: captions have no clickable links, so no link clicks. */
export function instagramFigures(
  insights: Record<string, InsightValue | null | undefined>,
): Figures {
  return {
    views: total(insights.views),
    reactions: total(insights.likes),
    comments: total(insights.comments),
    shares: total(insights.shares),
    linkClicks: null,
  };
}

/** Threads media insights: shares are reposts and quotes; per-post link clicks are not offered. */
export function threadsFigures(insights: Record<string, InsightValue | null | undefined>): Figures {
  return {
    views: total(insights.views),
    reactions: total(insights.likes),
    comments: total(insights.replies),
    shares: sumReported(total(insights.reposts), total(insights.quotes)),
    linkClicks: null,
  };
}

/** LinkedIn organizationalEntityShareStatistics' totalShareStatistics. */
export function linkedinFigures(stats: {
  impressionCount?: number;
  likeCount?: number;
  commentCount?: number;
  shareCount?: number;
  clickCount?: number;
}): Figures {
  return {
    views: count(stats.impressionCount),
    reactions: count(stats.likeCount),
    comments: count(stats.commentCount),
    shares: count(stats.shareCount),
    linkClicks: count(stats.clickCount),
  };
}

/** Bluesky's postView counts: no views or link clicks exist. */
export function blueskyFigures(post: {
  likeCount?: number;
  replyCount?: number;
  repostCount?: number;
  quoteCount?: number;
}): Figures {
  return {
    views: null,
    reactions: count(post.likeCount),
    comments: count(post.replyCount),
    shares: sumReported(post.repostCount, post.quoteCount),
    linkClicks: null,
  };
}

/** A Mastodon status's counts: no views or link clicks exist. */
export function mastodonFigures(status: {
  favourites_count?: number;
  replies_count?: number;
  reblogs_count?: number;
}): Figures {
  return {
    views: null,
    reactions: count(status.favourites_count),
    comments: count(status.replies_count),
    shares: count(status.reblogs_count),
    linkClicks: null,
  };
}

/** Nextdoor's agency posts list each post's reactions and comments, nothing else. */
export function nextdoorFigures(post: {
  reactions?: readonly unknown[];
  comments?: readonly unknown[];
}): Figures {
  return {
    views: null,
    reactions: post.reactions ? post.reactions.length : null,
    comments: post.comments ? post.comments.length : null,
    shares: null,
    linkClicks: null,
  };
}
