// LinkedIn's versioned Posts API (learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api):
// POST /rest/posts with the commentary in "little text" format (escaped), the new post's URN in
// the x-restli-id header; images through the Images API (initializeUpload, then PUT the bytes).
// Reads GET /rest/posts?q=author; metrics from organizationalEntityShareStatistics.
import { z } from 'zod';
import {
  PlatformError,
  type ChannelConnection,
  type PlatformAdapter,
  type PublishRequest,
} from '../adapter';
import { callPlatform } from '../http';
import { escapeLinkedInCommentary } from '../linkedin';
import { linkedinFigures } from '../figures';
import {
  eachPost,
  figuresAnswer,
  imageBytes,
  publishedSince,
  readCredentials,
  readUnlessRemoved,
  REMOVED,
} from './common';

/** A member access token with w_organization_social and r_organization_social for the page. */
export const linkedinCredentials = z.strictObject({ accessToken: z.string().min(1) });

// LinkedIn supports each monthly version for at least a year: move this forward once a year.
export const LINKEDIN_VERSION = '202610';
const REST_HEADERS = { 'Linkedin-Version': LINKEDIN_VERSION, 'X-Restli-Protocol-Version': '2.0.0' };

const InitializedUpload = z.object({ value: z.object({ uploadUrl: z.url(), image: z.string() }) });
const AuthorPosts = z.object({
  elements: z.array(
    z.object({ id: z.string(), commentary: z.string().optional(), createdAt: z.number() }),
  ),
});
const ShareStatistics = z.object({
  elements: z.array(
    z.looseObject({
      share: z.string().optional(),
      ugcPost: z.string().optional(),
      totalShareStatistics: z.looseObject({
        impressionCount: z.number().optional(),
        clickCount: z.number().optional(),
        likeCount: z.number().optional(),
        commentCount: z.number().optional(),
        shareCount: z.number().optional(),
      }),
    }),
  ),
});

export const linkedinAdapter: PlatformAdapter = {
  platform: 'linkedin',

  async publish(connection, request, signal) {
    const { accessToken } = readCredentials(linkedinCredentials, connection);
    const author = connection.externalAccountId;
    const images = await uploadImages(connection, request, accessToken, signal);
    const created = await callPlatform({
      method: 'POST',
      url: `${connection.baseUrl}/rest/posts`,
      bearer: accessToken,
      headers: REST_HEADERS,
      signal,
      json: {
        author,
        commentary: escapeLinkedInCommentary(request.text),
        visibility: 'PUBLIC',
        distribution: {
          feedDistribution: 'MAIN_FEED',
          targetEntities: [],
          thirdPartyDistributionChannels: [],
        },
        lifecycleState: 'PUBLISHED',
        isReshareDisabledByAuthor: false,
        ...(images.length === 1 ? { content: { media: images[0] } } : {}),
        ...(images.length > 1 ? { content: { multiImage: { images } } } : {}),
      },
      schema: z.unknown(),
    });
    const id = created.headers.get('x-restli-id');
    if (!id) {
      // 201 without the id: created, but we cannot say which post it is, so look for it.
      throw new PlatformError('transient', 'LinkedIn created the post but did not say its id', {
        outcomeUnknown: true,
      });
    }
    return {
      externalId: id,
      externalUrl: `https://www.linkedin.com/feed/update/${id}/`,
      rateLimit: created.rateLimit,
    };
  },

  async findExisting(connection, request, since, signal) {
    const { accessToken } = readCredentials(linkedinCredentials, connection);
    // Rest.li 2.0: URNs in a query are percent-encoded by hand; URLSearchParams would also encode
    // the parentheses of List(…) where LinkedIn needs them literal.
    const query = `q=author&author=${encodeURIComponent(connection.externalAccountId)}&count=50&sortBy=CREATED`;
    const listed = await callPlatform({
      method: 'GET',
      url: `${connection.baseUrl}/rest/posts?${query}`,
      bearer: accessToken,
      headers: REST_HEADERS,
      signal,
      schema: AuthorPosts,
    });
    // LinkedIn gives the commentary back in the escaped form it was sent in.
    const commentary = escapeLinkedInCommentary(request.text);
    const match = listed.data.elements.find(
      (post) => post.commentary === commentary && publishedSince(post.createdAt, since),
    );
    if (!match) return null;
    return {
      externalId: match.id,
      externalUrl: `https://www.linkedin.com/feed/update/${match.id}/`,
      rateLimit: listed.rateLimit,
    };
  },

  metricsBatchSize: 1,

  async metrics(connection, posts, signal) {
    const { accessToken } = readCredentials(linkedinCredentials, connection);
    const organization = connection.externalAccountId;
    if (!organization.startsWith('urn:li:organization:')) {
      throw new PlatformError(
        'permanent',
        'LinkedIn reports post statistics for organisation pages only',
      );
    }
    return eachPost(posts, async ({ externalId }) => {
      const kind = externalId.startsWith('urn:li:ugcPost:') ? 'ugcPosts' : 'shares';
      const query = `q=organizationalEntity&organizationalEntity=${encodeURIComponent(organization)}&${kind}=List(${encodeURIComponent(externalId)})`;
      const read = await readUnlessRemoved(
        {
          method: 'GET',
          url: `${connection.baseUrl}/rest/organizationalEntityShareStatistics?${query}`,
          bearer: accessToken,
          headers: REST_HEADERS,
          signal,
          schema: ShareStatistics,
        },
        ({ status }) => status === 404,
      );
      if (read === 'removed') return REMOVED;
      const element = read.data.elements[0];
      if (!element)
        throw new PlatformError('permanent', `LinkedIn has no statistics for ${externalId}`);
      return figuresAnswer(linkedinFigures(element.totalShareStatistics), element);
    });
  },
};

/** Images API: initializeUpload gives an upload URL and the image URN; the bytes go by PUT. */
async function uploadImages(
  connection: ChannelConnection,
  request: PublishRequest,
  accessToken: string,
  signal: AbortSignal,
): Promise<{ id: string; altText: string }[]> {
  const images: { id: string; altText: string }[] = [];
  for (const image of request.media) {
    const initialized = await callPlatform({
      method: 'POST',
      url: `${connection.baseUrl}/rest/images?action=initializeUpload`,
      bearer: accessToken,
      headers: REST_HEADERS,
      signal,
      json: { initializeUploadRequest: { owner: connection.externalAccountId } },
      schema: InitializedUpload,
    });
    await callPlatform({
      method: 'PUT',
      url: initialized.data.value.uploadUrl,
      bearer: accessToken,
      headers: { 'content-type': image.mimeType },
      body: await imageBytes(() => image.read()),
      signal,
      schema: z.unknown(),
    });
    images.push({ id: initialized.data.value.image, altText: image.altText });
  }
  return images;
}
