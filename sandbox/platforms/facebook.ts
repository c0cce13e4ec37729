// The Facebook Pages API as the adapter uses it (developers.facebook.com/docs/pages-api):
// POST /{page-id}/feed, POST /{page-id}/photos, GET /{page-id}/posts and GET /{post-id} with
// field expansion for shares, comments, reactions and insights.
import { z } from 'zod';
import { reachOf } from '../metrics';
import { overLimit, parseBody, Refusal, type SandboxPlatform } from '../routes';
import type { SandboxMedia, SandboxPost } from '../state';
import {
  graphCaller,
  graphFlag,
  graphTime,
  insights,
  metaError,
  metaFault,
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
// The post insights metrics that still exist after Meta's 2025 deprecation of impressions.
const POST_METRICS = [
  'post_media_view',
  'post_total_media_view_unique',
  'post_clicks',
  'post_reactions_by_type_total',
];

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
  error: metaError,
  fault: (kind, retryAfterSeconds) => metaFault(kind, retryAfterSeconds, 'page'),
  routes: [
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
      path: '/:postId',
      handle(request, state) {
        graphCaller(request, state, 'facebook', { permission: 'pages_read_engagement' });
        const post = state.find('facebook', request.params.postId ?? '');
        if (!post) {
          throw new Refusal(
            metaError(
              400,
              `Unsupported get request. Object with ID '${request.params.postId}' does not exist`,
            ),
          );
        }
        const fields = request.query.get('fields') ?? '';
        const metrics = /insights\.metric\(([^)]*)\)/.exec(fields)?.[1]?.split(',') ?? [];
        const unknown = metrics.find((metric) => !POST_METRICS.includes(metric));
        if (unknown)
          throw new Refusal(
            metaError(400, `The value must be a valid insights metric: ${unknown}`),
          );
        const reach = reachOf(post, state.now());
        const values: Record<string, number> = {
          post_media_view: reach.impressions,
          post_total_media_view_unique: Math.round(reach.impressions * 0.8),
          post_clicks: reach.clicks,
          post_reactions_by_type_total: reach.likes,
        };
        return {
          status: 200,
          body: {
            id: post.id,
            ...(reach.shares > 0 ? { shares: { count: reach.shares } } : {}),
            comments: {
              data: [],
              summary: { total_count: reach.comments, order: 'ranked', can_comment: true },
            },
            reactions: { data: [], summary: { total_count: reach.likes, viewer_reaction: 'NONE' } },
            insights: insights(
              post.id,
              Object.fromEntries(metrics.map((metric) => [metric, values[metric] ?? 0])),
            ),
          },
        };
      },
    },
  ],
};
