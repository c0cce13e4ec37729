// Plausible reach figures for a sandbox post: deterministic from the post's id and the time since
// it was published, growing quickly at first and levelling off over a couple of days, so the
// metrics worker and the reach pages have something real-looking to show and a demo repeats.
// Each platform reports them under its own names (`figuresOf`); POST /_sandbox/metrics sets a
// post's own figures over the generated ones.
import type { Platform } from '@/lib/platforms/types';
import type { SandboxFigure, SandboxFigures, SandboxPost, SandboxState } from './state';

export interface SandboxReach {
  impressions: number;
  likes: number;
  comments: number;
  shares: number;
  quotes: number;
  clicks: number;
}

export function reachOf(post: SandboxPost, now: Date): SandboxReach {
  const seed = hash(`${post.platform}:${post.id}`);
  const hours = Math.max(0, (now.getTime() - post.receivedAt.getTime()) / 3_600_000);
  // Most of a post's reach comes in its first day; a long tail follows for a couple of weeks.
  const growth = 0.85 * (1 - Math.exp(-hours / 8)) + 0.15 * (1 - Math.exp(-hours / 120));
  const audience = 300 + (seed % 4700);
  const impressions = Math.round(audience * growth);
  const likeRate = 0.01 + ((seed >>> 8) % 30) / 1000;
  const likes = Math.round(impressions * likeRate);
  const shares = Math.round(likes * 0.2);
  return {
    impressions,
    likes,
    comments: Math.round(likes * 0.15),
    shares,
    quotes: Math.round(shares * 0.25),
    clicks: Math.round(impressions * (0.004 + ((seed >>> 16) % 20) / 1000)),
  };
}

/** Each platform's figures under its own names, from the sandbox's reach figures. */
const NATIVE: Record<Platform, (reach: SandboxReach) => SandboxFigures> = {
  x: (r) => ({
    impression_count: r.impressions,
    like_count: r.likes,
    retweet_count: r.shares,
    reply_count: r.comments,
    quote_count: r.quotes,
    bookmark_count: Math.round(r.likes * 0.05),
    url_link_clicks: r.clicks,
    user_profile_clicks: Math.round(r.clicks * 0.3),
  }),
  facebook: (r) => ({
    post_media_view: r.impressions,
    post_total_media_view_unique: Math.round(r.impressions * 0.8),
    post_reactions_by_type_total: byType(r.likes, { like: 0.8, love: 0.15, care: 0.05 }),
    post_clicks_by_type: {
      'link clicks': r.clicks,
      'other clicks': Math.round(r.clicks * 1.5),
      'photo view': Math.round(r.clicks * 0.5),
    },
    comments: r.comments,
    shares: r.shares,
  }),
  instagram: (r) => ({
    views: r.impressions,
    reach: Math.round(r.impressions * 0.8),
    likes: r.likes,
    comments: r.comments,
    shares: r.shares,
    saved: r.quotes,
    total_interactions: r.likes + r.comments + r.shares + r.quotes,
  }),
  linkedin: (r) => ({
    impressionCount: r.impressions,
    uniqueImpressionsCount: Math.round(r.impressions * 0.8),
    clickCount: r.clicks,
    likeCount: r.likes,
    commentCount: r.comments,
    shareCount: r.shares,
  }),
  threads: (r) => ({
    views: r.impressions,
    likes: r.likes,
    replies: r.comments,
    reposts: r.shares,
    quotes: r.quotes,
    shares: Math.round(r.shares / 2),
  }),
  bluesky: (r) => ({
    likeCount: r.likes,
    repostCount: r.shares,
    replyCount: r.comments,
    quoteCount: r.quotes,
    bookmarkCount: Math.round(r.likes * 0.05),
  }),
  mastodon: (r) => ({
    favourites_count: r.likes,
    reblogs_count: r.shares,
    replies_count: r.comments,
    quotes_count: r.quotes,
  }),
  nextdoor: (r) => ({ reactions: r.likes, comments: r.comments }),
};

const NOTHING: SandboxReach = {
  impressions: 0,
  likes: 0,
  comments: 0,
  shares: 0,
  quotes: 0,
  clicks: 0,
};

/** The names each platform reports its figures under (what POST /_sandbox/metrics accepts). */
export const FIGURE_NAMES = Object.fromEntries(
  Object.entries(NATIVE).map(([platform, native]) => [platform, Object.keys(native(NOTHING))]),
) as Record<Platform, string[]>;

/** The post's figures now, under the platform's names: generated, then any set with the control. */
export function figuresOf(post: SandboxPost, state: SandboxState): SandboxFigures {
  return {
    ...NATIVE[post.platform](reachOf(post, state.now())),
    ...state.overrides(post.platform, post.id),
  };
}

/** A figure as one count (counts by type summed), or undefined when it is not reported. */
export function countOf(figure: SandboxFigure | undefined): number | undefined {
  if (figure === null || figure === undefined) return undefined;
  return typeof figure === 'number' ? figure : Object.values(figure).reduce((a, b) => a + b, 0);
}

/** The figures that are reported, each as `render` shapes it: null ones are left out. */
export function reported<T = number>(
  figures: SandboxFigures,
  names: readonly string[],
  render: (value: number) => T = (value) => value as T,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const name of names) {
    const value = countOf(figures[name]);
    if (value !== undefined) out[name] = render(value);
  }
  return out;
}

function byType(total: number, shares: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  let left = total;
  const entries = Object.entries(shares);
  entries.forEach(([type, share], i) => {
    const value =
      i === entries.length - 1 ? Math.max(0, left) : Math.min(left, Math.round(total * share));
    left -= value;
    if (value > 0) out[type] = value;
  });
  return out;
}

/** FNV-1a, 32-bit: cheap and stable across runs. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
