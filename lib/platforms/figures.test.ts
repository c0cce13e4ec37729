import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blueskyFigures,
  count,
  facebookFigures,
  instagramFigures,
  linkedinFigures,
  mastodonFigures,
  nextdoorFigures,
  sumReported,
  threadsFigures,
  xFigures,
} from './figures';

/** A figure as a platform may give it: a count, or nothing at all. */
const maybe = fc.option(fc.nat({ max: 10_000_000 }), { nil: undefined });
const whole = (value: number | undefined) => (value === undefined ? null : value);

describe('count and sumReported', () => {
  it('keep a missing figure null, never 0, and round anything else to a whole non-negative count', () => {
    expect(count(undefined)).toBeNull();
    expect(count(null)).toBeNull();
    expect(count(Number.NaN)).toBeNull();
    expect(count(-3)).toBe(0);
    expect(count(2.6)).toBe(3);
    fc.assert(fc.property(fc.nat(), (n) => count(n) === n));
  });

  it('sum the parts that were reported, null only when none was', () => {
    fc.assert(
      fc.property(fc.array(maybe, { maxLength: 5 }), (parts) => {
        const reported = parts.filter((p): p is number => p !== undefined);
        expect(sumReported(...parts)).toBe(
          reported.length === 0 ? null : reported.reduce((a, b) => a + b, 0),
        );
      }),
    );
  });
});

describe('each platform’s figures, normalised as API.md’s table says', () => {
  it('X: impressions, likes, replies, retweets + quotes, link clicks', () => {
    fc.assert(
      fc.property(
        maybe,
        maybe,
        maybe,
        maybe,
        maybe,
        maybe,
        (views, likes, replies, rts, quotes, clicks) => {
          const figures = xFigures({
            public_metrics: {
              impression_count: views,
              like_count: likes,
              reply_count: replies,
              retweet_count: rts,
              quote_count: quotes,
            },
            non_public_metrics: { url_link_clicks: clicks },
          });
          expect(figures).toEqual({
            views: whole(views),
            reactions: whole(likes),
            comments: whole(replies),
            shares: sumReported(rts, quotes),
            linkClicks: whole(clicks),
          });
        },
      ),
    );
    expect(xFigures({})).toEqual({
      views: null,
      reactions: null,
      comments: null,
      shares: null,
      linkClicks: null,
    });
  });

  it('Facebook: reactions of every type summed, link clicks from clicks by type, a refused metric null', () => {
    const byType = fc.dictionary(
      fc.constantFrom('like', 'love', 'wow', 'haha', 'sorry', 'anger'),
      fc.nat(1000),
    );
    fc.assert(
      fc.property(
        maybe,
        fc.option(byType, { nil: null }),
        maybe,
        maybe,
        maybe,
        (views, reactions, comments, shares, linkClicks) => {
          const figures = facebookFigures({
            insights: {
              post_media_view: views ?? null,
              post_reactions_by_type_total: reactions,
              post_clicks_by_type:
                linkClicks === undefined ? null : { 'link clicks': linkClicks, 'other clicks': 7 },
            },
            comments,
            shares,
          });
          expect(figures).toEqual({
            views: whole(views),
            reactions:
              reactions === null ? null : Object.values(reactions).reduce((a, b) => a + b, 0),
            comments: whole(comments),
            // Graph leaves `shares` out for a post nobody shared.
            shares: shares ?? 0,
            linkClicks: whole(linkClicks),
          });
        },
      ),
    );
  });

  it('Instagram and Threads: insights by name; no per-post link clicks', () => {
    fc.assert(
      fc.property(maybe, maybe, maybe, maybe, maybe, (views, likes, comments, shares, quotes) => {
        const n = (v: number | undefined) => v ?? null;
        expect(
          instagramFigures({
            views: n(views),
            likes: n(likes),
            comments: n(comments),
            shares: n(shares),
          }),
        ).toEqual({
          views: whole(views),
          reactions: whole(likes),
          comments: whole(comments),
          shares: whole(shares),
          linkClicks: null,
        });
        expect(
          threadsFigures({
            views: n(views),
            likes: n(likes),
            replies: n(comments),
            reposts: n(shares),
            quotes: n(quotes),
          }),
        ).toEqual({
          views: whole(views),
          reactions: whole(likes),
          comments: whole(comments),
          shares: sumReported(shares, quotes),
          linkClicks: null,
        });
      }),
    );
  });

  it('LinkedIn: the share statistics one to one', () => {
    fc.assert(
      fc.property(
        maybe,
        maybe,
        maybe,
        maybe,
        maybe,
        (impressionCount, likeCount, commentCount, shareCount, clickCount) => {
          expect(
            linkedinFigures({ impressionCount, likeCount, commentCount, shareCount, clickCount }),
          ).toEqual({
            views: whole(impressionCount),
            reactions: whole(likeCount),
            comments: whole(commentCount),
            shares: whole(shareCount),
            linkClicks: whole(clickCount),
          });
        },
      ),
    );
  });

  it('Bluesky, Mastodon and Nextdoor: no views or link clicks at all, so null', () => {
    fc.assert(
      fc.property(maybe, maybe, maybe, maybe, (likes, replies, reposts, quotes) => {
        expect(
          blueskyFigures({
            likeCount: likes,
            replyCount: replies,
            repostCount: reposts,
            quoteCount: quotes,
          }),
        ).toEqual({
          views: null,
          reactions: whole(likes),
          comments: whole(replies),
          shares: sumReported(reposts, quotes),
          linkClicks: null,
        });
        expect(
          mastodonFigures({
            favourites_count: likes,
            replies_count: replies,
            reblogs_count: reposts,
          }),
        ).toEqual({
          views: null,
          reactions: whole(likes),
          comments: whole(replies),
          shares: whole(reposts),
          linkClicks: null,
        });
      }),
    );
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), (reactions, comments) => {
        expect(
          nextdoorFigures({
            reactions: Array.from({ length: reactions }),
            comments: Array.from({ length: comments }),
          }),
        ).toEqual({ views: null, reactions, comments, shares: null, linkClicks: null });
      }),
    );
    expect(nextdoorFigures({})).toMatchObject({ reactions: null, comments: null });
  });
});
