// Nextdoor's Publish API for public agencies (developer.nextdoor.com, "Sharing"): POST
// /external/api/partner/v1/post/create/ with body_text and media_attachments (image URLs; the API
// takes no alt text), answered with {result, share_link}. "Get your posts" (GET
// /external/api/partner/v1/post/) lists the agency's posts with their reactions and comments.
import { z } from 'zod';
import { PlatformError, type ChannelConnection, type PlatformAdapter } from '../adapter';
import { nextdoorFigures } from '../figures';
import { callPlatform } from '../http';
import { eachPost, figuresAnswer, readCredentials, REMOVED } from './common';

/** An OAuth access token of the agency account with the publish_api (post:write, post:read) scopes. */
export const nextdoorCredentials = z.strictObject({ accessToken: z.string().min(1) });

const Created = z.object({ result: z.string().optional(), share_link: z.url() });
/** How many posts "Get your posts" lists at most: a post missing from a shorter list is gone. */
const LIST_LIMIT = 100;
const YourPosts = z.object({
  posts: z.array(
    z.looseObject({
      id: z.union([z.string(), z.number()]),
      body: z.string().optional(),
      url: z.string().optional(),
      creation_date_epoch_seconds: z.number(),
      reactions: z.array(z.unknown()).optional(),
      comments: z.array(z.unknown()).optional(),
    }),
  ),
});

export const nextdoorAdapter: PlatformAdapter = {
  platform: 'nextdoor',

  async publish(connection, request, signal) {
    const { accessToken } = readCredentials(nextdoorCredentials, connection);
    const created = await callPlatform({
      method: 'POST',
      url: `${connection.baseUrl}/external/api/partner/v1/post/create/`,
      bearer: accessToken,
      signal,
      json: {
        body_text: request.text,
        ...(request.media.length > 0 ? { media_attachments: request.media.map((m) => m.url) } : {}),
      },
      schema: Created,
    });
    const link = created.data.share_link;
    return { externalId: shareId(link), externalUrl: link, rateLimit: created.rateLimit };
  },

  async findExisting(connection, request, since, signal) {
    const posts = await yourPosts(connection, signal);
    const match = posts.find(
      (post) =>
        post.body === request.text && post.creation_date_epoch_seconds * 1000 >= since.getTime(),
    );
    if (!match) return null;
    return {
      externalId: match.url ? shareId(match.url) : String(match.id),
      externalUrl: match.url ?? null,
      rateLimit: null,
    };
  },

  metricsBatchSize: 1,

  async metrics(connection, posts, signal) {
    return eachPost(posts, async ({ externalId }) => {
      const listed = await yourPosts(connection, signal);
      const post = listed.find(
        (p) =>
          (p.url ? shareId(p.url) : String(p.id)) === externalId || String(p.id) === externalId,
      );
      if (post) return figuresAnswer(nextdoorFigures(post), post);
      // The agency's list holds its posts; one missing from a list that is not full was deleted.
      if (listed.length < LIST_LIMIT) return REMOVED;
      throw new PlatformError(
        'permanent',
        `Nextdoor does not list post ${externalId} among the agency's latest ${LIST_LIMIT} posts`,
      );
    });
  },
};

async function yourPosts(connection: ChannelConnection, signal: AbortSignal) {
  const { accessToken } = readCredentials(nextdoorCredentials, connection);
  const listed = await callPlatform({
    method: 'GET',
    url: `${connection.baseUrl}/external/api/partner/v1/post/`,
    bearer: accessToken,
    signal,
    schema: YourPosts,
  });
  return listed.data.posts;
}

/** The post's share id: the last segment of its share link (https://nextdoor.co.uk/p/{id}). */
function shareId(link: string): string {
  return new URL(link).pathname.split('/').filter(Boolean).at(-1) ?? link;
}
