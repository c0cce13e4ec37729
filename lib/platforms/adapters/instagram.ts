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
import { postMetrics, readCredentials } from './common';
import {
  classifyGraphFailure as classify,
  CreatedObject,
  insightValues,
  Insights,
} from './meta-graph';

/** An access token for the Instagram professional account (instagram_content_publish, instagram_manage_insights). */
export const instagramCredentials = z.strictObject({ accessToken: z.string().min(1) });

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

  async metrics(connection, externalId, signal) {
    const { accessToken } = readCredentials(instagramCredentials, connection);
    // Graph API v22 replaced impressions with views; captions have no clickable links, so no clicks.
    const url = new URL(`${connection.baseUrl}/${encodeURIComponent(externalId)}/insights`);
    url.searchParams.set('metric', 'views,total_interactions,shares');
    const { data } = await callPlatform({
      method: 'GET',
      url,
      bearer: accessToken,
      signal,
      classify,
      schema: Insights,
    });
    const values = insightValues(data);
    return postMetrics({
      impressions: values.views ?? 0,
      engagements: values.total_interactions ?? 0,
      clicks: 0,
      shares: values.shares ?? 0,
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
