// Mastodon's REST API (docs.joinmastodon.org/methods/statuses): POST /api/v1/statuses with an
// Idempotency-Key of Signpost's post id, so a retried request cannot post twice within the hour
// Mastodon remembers keys; images through POST /api/v2/media with a description (alt text).
// Reads GET /api/v1/accounts/:id/statuses and each status's /source (the plain text; `content`
// is HTML); metrics from GET /api/v1/statuses/:id.
// undici's own FormData: the one its request() sends as multipart.
import { FormData } from 'undici';
import { z } from 'zod';
import {
  PlatformError,
  type ChannelConnection,
  type PlatformAdapter,
  type PublishRequest,
} from '../adapter';
import { callPlatform } from '../http';
import { mastodonFigures } from '../figures';
import {
  eachPost,
  figuresAnswer,
  imageBytes,
  pause,
  publishedSince,
  readCredentials,
  readUnlessRemoved,
  REMOVED,
} from './common';

/** An access token for the account with the write:statuses, write:media and read:statuses scopes. */
export const mastodonCredentials = z.strictObject({ accessToken: z.string().min(1) });

const Attachment = z.object({ id: z.string(), url: z.string().nullable() });
const Status = z.object({
  id: z.string(),
  url: z.string().nullable().optional(),
  created_at: z.string(),
  reblogs_count: z.number(),
  favourites_count: z.number(),
  replies_count: z.number(),
  quotes_count: z.number().optional(),
});
const StatusSource = z.object({ id: z.string(), text: z.string() });
const MEDIA_CHECKS_MS = [500, 1_000, 2_000, 4_000, 8_000];
/** Statuses whose source is checked when looking for a post; a retry window holds few. */
const MAX_CANDIDATES = 10;

export const mastodonAdapter: PlatformAdapter = {
  platform: 'mastodon',

  async publish(connection, request, signal) {
    const { accessToken } = readCredentials(mastodonCredentials, connection);
    const mediaIds = await uploadImages(connection, request, accessToken, signal);
    const created = await callPlatform({
      method: 'POST',
      url: `${connection.baseUrl}/api/v1/statuses`,
      bearer: accessToken,
      headers: { 'Idempotency-Key': request.postId },
      signal,
      json: {
        status: request.text,
        visibility: 'public',
        language: 'en',
        ...(mediaIds.length > 0 ? { media_ids: mediaIds } : {}),
      },
      schema: Status,
    });
    return {
      externalId: created.data.id,
      externalUrl: created.data.url ?? null,
      rateLimit: created.rateLimit,
    };
  },

  async findExisting(connection, request, since, signal) {
    const { accessToken } = readCredentials(mastodonCredentials, connection);
    const url = new URL(
      `${connection.baseUrl}/api/v1/accounts/${encodeURIComponent(connection.externalAccountId)}/statuses`,
    );
    url.searchParams.set('limit', '40');
    url.searchParams.set('exclude_replies', 'true');
    url.searchParams.set('exclude_reblogs', 'true');
    const listed = await callPlatform({
      method: 'GET',
      url,
      bearer: accessToken,
      signal,
      schema: z.array(Status),
    });
    const candidates = listed.data
      .filter((status) => publishedSince(status.created_at, since))
      .slice(0, MAX_CANDIDATES);
    for (const status of candidates) {
      const source = await callPlatform({
        method: 'GET',
        url: `${connection.baseUrl}/api/v1/statuses/${encodeURIComponent(status.id)}/source`,
        bearer: accessToken,
        signal,
        schema: StatusSource,
      });
      if (source.data.text === request.text) {
        return {
          externalId: status.id,
          externalUrl: status.url ?? null,
          rateLimit: listed.rateLimit,
        };
      }
    }
    return null;
  },

  metricsBatchSize: 1,

  async metrics(connection, posts, signal) {
    const { accessToken } = readCredentials(mastodonCredentials, connection);
    // Mastodon counts no views or link clicks.
    return eachPost(posts, async ({ externalId }) => {
      const read = await readUnlessRemoved(
        {
          method: 'GET',
          url: `${connection.baseUrl}/api/v1/statuses/${encodeURIComponent(externalId)}`,
          bearer: accessToken,
          signal,
          schema: Status.loose(),
        },
        ({ status }) => status === 404,
      );
      if (read === 'removed') return REMOVED;
      return figuresAnswer(mastodonFigures(read.data), read.data);
    });
  },
};

/** POST /api/v2/media answers 202 with a null url while the image is processed; wait for it. */
async function uploadImages(
  connection: ChannelConnection,
  request: PublishRequest,
  accessToken: string,
  signal: AbortSignal,
): Promise<string[]> {
  const ids: string[] = [];
  for (const image of request.media) {
    const form = new FormData();
    form.append(
      'file',
      new Blob([await imageBytes(() => image.read())], { type: image.mimeType }),
      'image',
    );
    form.append('description', image.altText);
    const uploaded = await callPlatform({
      method: 'POST',
      url: `${connection.baseUrl}/api/v2/media`,
      bearer: accessToken,
      body: form,
      signal,
      schema: Attachment,
    });
    let ready = uploaded.data.url !== null;
    for (const wait of MEDIA_CHECKS_MS) {
      if (ready) break;
      await pause(wait, signal);
      const checked = await callPlatform({
        method: 'GET',
        url: `${connection.baseUrl}/api/v1/media/${encodeURIComponent(uploaded.data.id)}`,
        bearer: accessToken,
        signal,
        schema: Attachment.partial(),
      });
      // 206 Partial Content means still processing.
      ready = checked.status === 200 && typeof checked.data.url === 'string';
    }
    if (!ready)
      throw new PlatformError(
        'transient',
        'Mastodon is still processing the image; trying again later',
      );
    ids.push(uploaded.data.id);
  }
  return ids;
}
