// A Facebook Page through the Pages API (developers.facebook.com/docs/pages-api/posts): text and
// links with POST /{page-id}/feed; one image with POST /{page-id}/photos; several images uploaded
// unpublished and attached to a /feed post. Reads GET /{page-id}/posts; metrics from the post's
// insights (GET /{post-id}/insights: post_media_view replaced post_impressions in 2025) and its
// comments and shares fields.
import { z } from 'zod';
import type { PlatformAdapter, PublishRequest } from '../adapter';
import { callPlatform } from '../http';
import { facebookFigures } from '../figures';
import {
  eachPost,
  figuresAnswer,
  publishedSince,
  readCredentials,
  readUnlessRemoved,
  REMOVED,
  unixSeconds,
} from './common';
import {
  classifyGraphFailure as classify,
  CreatedObject,
  graphObjectMissing,
  readInsights,
} from './meta-graph';

/** A Page access token with pages_manage_posts and pages_read_engagement (and read_insights). */
export const facebookCredentials = z.strictObject({ pageAccessToken: z.string().min(1) });

const CreatedPhoto = z.object({ id: z.string(), post_id: z.string().optional() });
const PagePosts = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      message: z.string().optional(),
      created_time: z.string(),
      permalink_url: z.string().optional(),
    }),
  ),
});
const PostCounts = z.looseObject({
  // Graph leaves `shares` out for a post nobody has shared.
  shares: z.looseObject({ count: z.number() }).optional(),
  comments: z.looseObject({ summary: z.looseObject({ total_count: z.number() }) }).optional(),
});
/** Views, reactions of every type, and clicks by type ("link clicks" among them). */
export const FACEBOOK_METRICS = [
  'post_media_view',
  'post_total_media_view_unique',
  'post_reactions_by_type_total',
  'post_clicks_by_type',
] as const;

export const facebookAdapter: PlatformAdapter = {
  platform: 'facebook',

  async publish(connection, request, signal) {
    const { pageAccessToken } = readCredentials(facebookCredentials, connection);
    const call = { bearer: pageAccessToken, signal, classify };
    const page = `${connection.baseUrl}/${encodeURIComponent(connection.externalAccountId)}`;
    const [only] = request.media;
    if (only && request.media.length === 1) {
      const photo = await callPlatform({
        ...call,
        method: 'POST',
        url: `${page}/photos`,
        json: {
          url: only.url,
          message: request.text,
          alt_text_custom: only.altText,
          published: true,
        },
        schema: CreatedPhoto,
      });
      const id = photo.data.post_id ?? photo.data.id;
      return { externalId: id, externalUrl: postUrl(id), rateLimit: photo.rateLimit };
    }
    const attached = await uploadUnpublished(page, request, call);
    const created = await callPlatform({
      ...call,
      method: 'POST',
      url: `${page}/feed`,
      json: {
        message: request.text,
        // With images the post shows them; without, the first link gets a preview card.
        ...(attached.length > 0
          ? { attached_media: attached.map((id) => ({ media_fbid: id })) }
          : request.links[0]
            ? { link: request.links[0].url }
            : {}),
      },
      schema: CreatedObject,
    });
    return {
      externalId: created.data.id,
      externalUrl: postUrl(created.data.id),
      rateLimit: created.rateLimit,
    };
  },

  async findExisting(connection, request, since, signal) {
    const { pageAccessToken } = readCredentials(facebookCredentials, connection);
    const url = new URL(
      `${connection.baseUrl}/${encodeURIComponent(connection.externalAccountId)}/posts`,
    );
    url.searchParams.set('fields', 'id,message,created_time,permalink_url');
    url.searchParams.set('since', String(unixSeconds(since)));
    url.searchParams.set('limit', '100');
    const listed = await callPlatform({
      method: 'GET',
      url,
      bearer: pageAccessToken,
      signal,
      classify,
      schema: PagePosts,
    });
    const match = listed.data.data.find(
      (post) => post.message === request.text && publishedSince(post.created_time, since),
    );
    if (!match) return null;
    return {
      externalId: match.id,
      externalUrl: match.permalink_url ?? postUrl(match.id),
      rateLimit: listed.rateLimit,
    };
  },

  metricsBatchSize: 1,

  async metrics(connection, posts, signal) {
    const { pageAccessToken } = readCredentials(facebookCredentials, connection);
    return eachPost(posts, async ({ externalId }) => {
      const url = new URL(`${connection.baseUrl}/${encodeURIComponent(externalId)}`);
      url.searchParams.set('fields', 'comments.limit(0).summary(true),shares');
      const counts = await readUnlessRemoved(
        { method: 'GET', url, bearer: pageAccessToken, signal, classify, schema: PostCounts },
        graphObjectMissing,
      );
      if (counts === 'removed') return REMOVED;
      const insights = await readInsights({
        platform: 'facebook',
        baseUrl: connection.baseUrl,
        objectId: externalId,
        metrics: FACEBOOK_METRICS,
        bearer: pageAccessToken,
        signal,
      });
      if (insights === 'removed') return REMOVED;
      const figures = facebookFigures({
        insights: insights.values,
        comments: counts.data.comments?.summary.total_count,
        shares: counts.data.shares?.count,
      });
      return figuresAnswer(figures, { post: counts.data, insights: insights.raw });
    });
  },
};

/** Several images: each uploaded unpublished, then attached to one /feed post. */
async function uploadUnpublished(
  page: string,
  request: PublishRequest,
  call: { bearer: string; signal: AbortSignal; classify: typeof classify },
): Promise<string[]> {
  const ids: string[] = [];
  for (const image of request.media) {
    const photo = await callPlatform({
      ...call,
      method: 'POST',
      url: `${page}/photos`,
      json: { url: image.url, alt_text_custom: image.altText, published: false },
      schema: CreatedPhoto,
    });
    ids.push(photo.data.id);
  }
  return ids;
}

function postUrl(postId: string): string {
  return `https://www.facebook.com/${postId}`;
}
