// The Facebook Pages API as the adapter uses it (developers.facebook.com/docs/pages-api):
// POST /{page-id}/feed, POST /{page-id}/photos, GET /{page-id}/posts and GET /{post-id} with
// field expansion for shares, comments, reactions and insights.
import { z } from 'zod';
import { facebookLoginRoutes } from './facebook-login';
import { countOf, figuresOf, reported } from '../metrics';
import {
  overLimit,
  parseBody,
  Refusal,
  tokenAccount,
  type SandboxPlatform,
  type SandboxRequest,
} from '../routes';
import type { SandboxFigures, SandboxMedia, SandboxPost, SandboxState } from '../state';
import {
  graphCaller,
  graphFlag,
  graphTime,
  insights,
  metaError,
  metaFault,
  metaNoSuchObject,
  refuseRetired,
  sinceParameter,
} from './meta-graph';

const FeedPost = z.object({
  message: z.string().optional(),
  link: z.url().optional(),
  attached_media: z.array(z.object({ media_fbid: z.string() })).optional(),
});
const PhotoUpload = z.object({
  url: z.url(),
  message: z.string().optional(),
  alt_text_custom: z.string().optional(),
  published: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
});
// The post insights metrics that still exist after Meta's 2025 deprecation of impressions, and
// the ones it retired (asking for one fails the whole request with #100).
const POST_METRICS = [
  'post_media_view',
  'post_total_media_view_unique',
  'post_clicks',
  'post_clicks_by_type',
  'post_reactions_by_type_total',
  'post_reactions_like_total',
];
const RETIRED_METRICS = [
  'post_impressions',
  'post_impressions_unique',
  'post_impressions_paid',
  'post_impressions_organic',
  'post_engaged_users',
];
const INVALID_METRIC = () => 'The value must be a valid insights metric';

/** The metrics asked for, refused as Graph refuses a retired or unknown one. */
function askedMetrics(wanted: string[], state: SandboxState): string[] {
  refuseRetired(wanted, RETIRED_METRICS, state, INVALID_METRIC);
  const unknown = wanted.find((metric) => !POST_METRICS.includes(metric));
  if (unknown)
    throw new Refusal(metaError(400, `The value must be a valid insights metric: ${unknown}`));
  return wanted;
}

/** A post's insights values under Graph's metric names (reported ones only). */
function insightValues(figures: SandboxFigures, wanted: string[]) {
  const clicks = figures.post_clicks_by_type;
  const reactions = figures.post_reactions_by_type_total;
  const all: Record<string, number | Record<string, number> | null | undefined> = {
    post_media_view: countOf(figures.post_media_view),
    post_total_media_view_unique: countOf(figures.post_total_media_view_unique),
    post_clicks: countOf(clicks),
    post_clicks_by_type: clicks,
    post_reactions_by_type_total: reactions,
    post_reactions_like_total:
      reactions && typeof reactions === 'object' ? (reactions.like ?? 0) : countOf(reactions),
  };
  const values: Record<string, number | Record<string, number>> = {};
  for (const metric of wanted) {
    const value = all[metric];
    if (value !== null && value !== undefined) values[metric] = value;
  }
  return values;
}

function existingPost(request: SandboxRequest, state: SandboxState): SandboxPost {
  const id = request.params.postId ?? '';
  const post = state.find('facebook', id);
  if (!post) throw metaNoSuchObject(id);
  return post;
}

const refuseLongMessage = (message: string | undefined) => {
  const over = overLimit('facebook', message ?? '');
  if (over)
    throw new Refusal(
      metaError(400, `Param message must be at most ${over.limit} characters long.`),
    );
};

function publish(
  pageId: string,
  message: string,
  media: SandboxMedia[],
  now: Date,
  id: string,
): SandboxPost {
  return {
    platform: 'facebook',
    account: pageId,
    id: `${pageId}_${id}`,
    text: message,
    media,
    receivedAt: now,
    extra: {},
  };
}

export const facebookSandbox: SandboxPlatform = {
  platform: 'facebook',
  adopt: (post, state) => ({
    platform: 'facebook',
    account: post.account,
    id: post.id ?? `${post.account}_${state.nextId()}`,
    text: post.text,
    media: [],
    receivedAt: post.receivedAt,
    extra: {},
  }),
  error: metaError,
  fault: (kind, retryAfterSeconds) => metaFault(kind, retryAfterSeconds, 'page'),
  routes: [
    ...facebookLoginRoutes,
    {
      method: 'POST',
      path: '/:pageId/feed',
      publishes: (request) => request.params.pageId ?? '',
      handle(request, state) {
        const owner = request.params.pageId ?? '';
        graphCaller(request, state, 'facebook', { permission: 'pages_manage_posts', owner });
        const body = parseBody(request, FeedPost, facebookSandbox);
        if (!body.message && !body.link && !body.attached_media) {
          throw new Refusal(metaError(400, 'Either message, link or attached_media is required'));
        }
        refuseLongMessage(body.message);
        const media = (body.attached_media ?? []).map(({ media_fbid }) => {
          const photo = state.drafts.get(`facebook:${media_fbid}`);
          if (!photo?.media[0])
            throw new Refusal(metaError(400, `Invalid media_fbid ${media_fbid}`));
          return photo.media[0];
        });
        const pageId = request.params.pageId ?? '';
        const post = state.record(
          publish(pageId, body.message ?? '', media, state.now(), state.nextId()),
        );
        return { status: 200, body: { id: post.id } };
      },
    },
    {
      method: 'POST',
      path: '/:pageId/photos',
      publishes: (request) => {
        const published = graphFlag(
          z.object({ published: z.unknown() }).safeParse(request.body()).data?.published,
        );
        return published === false ? false : (request.params.pageId ?? '');
      },
      handle(request, state) {
        const owner = request.params.pageId ?? '';
        graphCaller(request, state, 'facebook', { permission: 'pages_manage_posts', owner });
        const body = parseBody(request, PhotoUpload, facebookSandbox);
        refuseLongMessage(body.message);
        const pageId = request.params.pageId ?? '';
        const photoId = state.nextId();
        const media = {
          altText: body.alt_text_custom ?? null,
          url: body.url,
          mimeType: null,
          bytes: null,
        };
        if (graphFlag(body.published) === false) {
          state.drafts.set(`facebook:${photoId}`, {
            platform: 'facebook',
            account: pageId,
            text: '',
            media: [media],
            children: [],
            published: false,
          });
          return { status: 200, body: { id: photoId } };
        }
        const post = state.record(
          publish(pageId, body.message ?? '', [media], state.now(), state.nextId()),
        );
        return { status: 200, body: { id: photoId, post_id: post.id } };
      },
    },
    {
      method: 'GET',
      path: '/:pageId/posts',
      handle(request, state) {
        const owner = request.params.pageId ?? '';
        graphCaller(request, state, 'facebook', { permission: 'pages_read_engagement', owner });
        const since = sinceParameter(request.query.get('since'));
        const limit = Math.min(100, Number(request.query.get('limit') ?? 25) || 25);
        const data = state
          .recent('facebook', request.params.pageId ?? '', limit)
          .filter((post) => since === null || post.receivedAt.getTime() >= since)
          .map((post) => ({
            id: post.id,
            message: post.text,
            created_time: graphTime(post.receivedAt),
            permalink_url: `https://www.facebook.com/${post.id}`,
          }));
        return { status: 200, body: { data, paging: {} } };
      },
    },
    {
      method: 'GET',
      path: '/:postId/insights',
      readsMetrics: (request) => tokenAccount(request, 'facebook'),
      handle(request, state) {
        graphCaller(request, state, 'facebook', { permission: 'read_insights' });
        const post = existingPost(request, state);
        const wanted = (request.query.get('metric') ?? '').split(',').filter(Boolean);
        if (wanted.length === 0)
          throw new Refusal(metaError(400, 'The parameter metric is required'));
        const values = insightValues(figuresOf(post, state), askedMetrics(wanted, state));
        return { status: 200, body: { ...insights(post.id, values), paging: {} } };
      },
    },
    {
      method: 'GET',
      path: '/:postId',
      readsMetrics: (request) => tokenAccount(request, 'facebook'),
      handle(request, state) {
        graphCaller(request, state, 'facebook', { permission: 'pages_read_engagement' });
        const post = existingPost(request, state);
        const fields = request.query.get('fields') ?? '';
        const metrics = /insights\.metric\(([^)]*)\)/.exec(fields)?.[1]?.split(',') ?? [];
        const figures = figuresOf(post, state);
        const { comments, shares } = reported(figures, ['comments', 'shares']);
        const reactions = countOf(figures.post_reactions_by_type_total);
        return {
          status: 200,
          body: {
            id: post.id,
            // Graph leaves `shares` out for a post nobody has shared.
            ...(shares ? { shares: { count: shares } } : {}),
            ...(comments === undefined
              ? {}
              : {
                  comments: {
                    data: [],
                    summary: { total_count: comments, order: 'ranked', can_comment: true },
                  },
                }),
            ...(reactions === undefined
              ? {}
              : {
                  reactions: {
                    data: [],
                    summary: { total_count: reactions, viewer_reaction: 'NONE' },
                  },
                }),
            ...(metrics.length > 0
              ? {
                  insights: insights(post.id, insightValues(figures, askedMetrics(metrics, state))),
                }
              : {}),
          },
        };
      },
    },
  ],
};
