// The Threads API (developers.facebook.com/docs/threads/posts): POST /{threads-user-id}/threads
// (media_type TEXT or IMAGE with text, image_url and alt_text; CAROUSEL of items for several
// images), wait for the container's status FINISHED, then POST /{threads-user-id}/threads_publish.
// Reads GET /{threads-user-id}/threads; metrics from GET /{media-id}/insights.
import { z } from 'zod';
import type { PlatformAdapter, PublishRequest } from '../adapter';
import { callPlatform } from '../http';
import {
  type ContainerEdges,
  findRecentByText,
  publishContainer,
} from './meta-container-publishing';
import { threadsFigures } from '../figures';
import { eachPost, figuresAnswer, readCredentials, REMOVED } from './common';
import { classifyGraphFailure as classify, CreatedObject, readInsights } from './meta-graph';

/** A Threads user access token with threads_basic, threads_content_publish and threads_manage_insights. */
export const threadsCredentials = z.strictObject({ accessToken: z.string().min(1) });

export const THREADS_METRICS = [
  'views',
  'likes',
  'replies',
  'reposts',
  'quotes',
  'shares',
] as const;

const EDGES: ContainerEdges = {
  media: 'threads',
  publish: 'threads_publish',
  statusField: 'status',
  textField: 'text',
};

export const threadsAdapter: PlatformAdapter = {
  platform: 'threads',

  async publish(connection, request, signal) {
    const { accessToken } = readCredentials(threadsCredentials, connection);
    const call = { bearer: accessToken, signal, classify };
    const user = `${connection.baseUrl}/${encodeURIComponent(connection.externalAccountId)}`;
    const containerId = await createContainer(user, request, call);
    return publishContainer(connection, EDGES, containerId, call);
  },

  async findExisting(connection, request, since, signal) {
    const { accessToken } = readCredentials(threadsCredentials, connection);
    return findRecentByText(connection, EDGES, request, since, { bearer: accessToken, signal });
  },

  metricsBatchSize: 1,

  async metrics(connection, posts, signal) {
    const { accessToken } = readCredentials(threadsCredentials, connection);
    // Per-post link clicks are not offered (only the account's), so they are not reported.
    return eachPost(posts, async ({ externalId }) => {
      const insights = await readInsights({
        platform: 'threads',
        baseUrl: connection.baseUrl,
        objectId: externalId,
        metrics: THREADS_METRICS,
        bearer: accessToken,
        signal,
      });
      if (insights === 'removed') return REMOVED;
      return figuresAnswer(threadsFigures(insights.values), { insights: insights.raw });
    });
  },
};

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
        url: `${user}/threads`,
        json,
        schema: CreatedObject,
      })
    ).data.id;
  const [only] = request.media;
  if (!only) {
    const link = request.links[0]?.url;
    return create({
      media_type: 'TEXT',
      text: request.text,
      ...(link ? { link_attachment: link } : {}),
    });
  }
  if (request.media.length === 1) {
    return create({
      media_type: 'IMAGE',
      image_url: only.url,
      alt_text: only.altText,
      text: request.text,
    });
  }
  const children: string[] = [];
  for (const image of request.media) {
    children.push(
      await create({
        media_type: 'IMAGE',
        image_url: image.url,
        alt_text: image.altText,
        is_carousel_item: true,
      }),
    );
  }
  return create({ media_type: 'CAROUSEL', children: children.join(','), text: request.text });
}
