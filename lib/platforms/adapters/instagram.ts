// Instagram content publishing through the Graph API
// (developers.facebook.com/docs/instagram-platform/content-publishing): POST /{ig-user-id}/media
// (image_url, caption, alt_text; carousel items and a CAROUSEL container for several images), wait
// for status_code FINISHED, then POST /{ig-user-id}/media_publish (creation_id). Instagram cannot
// publish a caption alone: a post without an image is refused by the platform.
import { z } from 'zod';
import type { PlatformAdapter, PublishRequest } from '../adapter';
import { callPlatform } from '../http';
import {
  type ContainerEdges,
  findRecentByText,
  publishContainer,
} from './meta-container-publishing';
import { instagramFigures } from '../figures';
import { eachPost, figuresAnswer, readCredentials, REMOVED } from './common';
import { classifyGraphFailure as classify, CreatedObject, readInsights } from './meta-graph';

/** An access token for the Instagram professional account (instagram_content_publish, instagram_manage_insights). */
export const instagramCredentials = z.strictObject({ accessToken: z.string().min(1) });

// impressions and plays were removed in April 2025 (views replaces both); a figure Instagram has
// none of for this media comes back empty.
export const INSTAGRAM_METRICS = [
  'views',
  'reach',
  'likes',
  'comments',
  'shares',
  'saved',
  'total_interactions',
] as const;

const EDGES: ContainerEdges = {
  media: 'media',
  publish: 'media_publish',
  statusField: 'status_code',
  textField: 'caption',
};

export const instagramAdapter: PlatformAdapter = {
  platform: 'instagram',

  async publish(connection, request, signal) {
    const { accessToken } = readCredentials(instagramCredentials, connection);
    const call = { bearer: accessToken, signal, classify };
    const user = `${connection.baseUrl}/${encodeURIComponent(connection.externalAccountId)}`;
    const containerId = await createContainer(user, request, call);
    return publishContainer(connection, EDGES, containerId, call);
  },

  async findExisting(connection, request, since, signal) {
    const { accessToken } = readCredentials(instagramCredentials, connection);
    return findRecentByText(connection, EDGES, request, since, { bearer: accessToken, signal });
  },

  metricsBatchSize: 1,

  async metrics(connection, posts, signal) {
    const { accessToken } = readCredentials(instagramCredentials, connection);
    return eachPost(posts, async ({ externalId }) => {
      const insights = await readInsights({
        platform: 'instagram',
        baseUrl: connection.baseUrl,
        objectId: externalId,
        metrics: INSTAGRAM_METRICS,
        bearer: accessToken,
        signal,
      });
      if (insights === 'removed') return REMOVED;
      return figuresAnswer(instagramFigures(insights.values), { insights: insights.raw });
    });
  },
};

/** One image: one container. Several: an item container each, then the carousel container. */
async function createContainer(
  user: string,
  request: PublishRequest,
  call: { bearer: string; signal: AbortSignal; classify: typeof classify },
): Promise<string> {
  const create = async (json: Record<string, unknown>) =>
    (
      await callPlatform({
        ...call,
        method: 'POST',
        url: `${user}/media`,
        json,
        schema: CreatedObject,
      })
    ).data.id;
  const [only] = request.media;
  if (request.media.length <= 1) {
    return create({
      caption: request.text,
      ...(only ? { image_url: only.url, alt_text: only.altText } : {}),
    });
  }
  const children: string[] = [];
  for (const image of request.media) {
    children.push(
      await create({ image_url: image.url, alt_text: image.altText, is_carousel_item: true }),
    );
  }
  return create({ media_type: 'CAROUSEL', children: children.join(','), caption: request.text });
}
