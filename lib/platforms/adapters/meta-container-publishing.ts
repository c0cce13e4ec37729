// Instagram and Threads publish the same way (a media container, waited on, then published, then
// its permalink read) and are read back the same way (the account's recent media since a time,
// matched on their text). Only the edge names and a field name differ; the adapters say which.
import { z } from 'zod';
import type { ChannelConnection, PublishRequest, PublishResult } from '../adapter';
import { callPlatform } from '../http';
import { afterPublishing, publishedSince, unixSeconds } from './common';
import { classifyGraphFailure as classify, CreatedObject, waitForContainer } from './meta-graph';

const Permalink = z.object({ permalink: z.string() });
const Listed = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      caption: z.string().optional(),
      text: z.string().optional(),
      timestamp: z.string(),
      permalink: z.string().optional(),
    }),
  ),
});

export interface ContainerEdges {
  /** Where containers are made and listed: `media` (Instagram), `threads` (Threads). */
  media: string;
  /** Where a container is published: `media_publish`, `threads_publish`. */
  publish: string;
  /** The container's readiness field: `status_code` (Instagram), `status` (Threads). */
  statusField: 'status_code' | 'status';
  /** The text field of a listed post: `caption` (Instagram), `text` (Threads). */
  textField: 'caption' | 'text';
}

export interface GraphCall {
  bearer: string;
  signal: AbortSignal;
}

/** Waits for the container, publishes it, and reads its permalink (which must not fail the post). */
export async function publishContainer(
  connection: ChannelConnection,
  edges: ContainerEdges,
  containerId: string,
  call: GraphCall,
): Promise<PublishResult> {
  const user = `${connection.baseUrl}/${encodeURIComponent(connection.externalAccountId)}`;
  await waitForContainer({
    baseUrl: connection.baseUrl,
    containerId,
    statusField: edges.statusField,
    ...call,
  });
  const published = await callPlatform({
    ...call,
    classify,
    method: 'POST',
    url: `${user}/${edges.publish}`,
    json: { creation_id: containerId },
    schema: CreatedObject,
  });
  const id = published.data.id;
  // Both link posts by shortcode, not id: one more read.
  const permalink = await afterPublishing(() =>
    callPlatform({
      ...call,
      classify,
      method: 'GET',
      url: `${connection.baseUrl}/${id}?fields=permalink`,
      schema: Permalink,
    }),
  );
  return {
    externalId: id,
    externalUrl: permalink?.data.permalink ?? null,
    rateLimit: published.rateLimit,
  };
}

/** The account's post with exactly this text, published since `since`, if there is one. */
export async function findRecentByText(
  connection: ChannelConnection,
  edges: ContainerEdges,
  request: PublishRequest,
  since: Date,
  call: GraphCall,
): Promise<PublishResult | null> {
  const url = new URL(
    `${connection.baseUrl}/${encodeURIComponent(connection.externalAccountId)}/${edges.media}`,
  );
  url.searchParams.set('fields', `id,${edges.textField},timestamp,permalink`);
  url.searchParams.set('since', String(unixSeconds(since)));
  url.searchParams.set('limit', '50');
  const listed = await callPlatform({ ...call, classify, method: 'GET', url, schema: Listed });
  const match = listed.data.data.find(
    (post) => post[edges.textField] === request.text && publishedSince(post.timestamp, since),
  );
  if (!match) return null;
  return {
    externalId: match.id,
    externalUrl: match.permalink ?? null,
    rateLimit: listed.rateLimit,
  };
}
