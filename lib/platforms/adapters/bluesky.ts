// Bluesky through its PDS's XRPC API (docs.bsky.app), in a session kept per channel
// (bluesky-session.ts): com.atproto.repo.uploadBlob for images, com.atproto.repo.createRecord for the
// app.bsky.feed.post record (links as facets with UTF-8 byte offsets, images as
// app.bsky.embed.images with alt text). Reads app.bsky.feed.getAuthorFeed; metrics from
// app.bsky.feed.getPosts.
import { z } from 'zod';
import {
  type ChannelConnection,
  type MetricsAnswer,
  type PlatformAdapter,
  type PublishRequest,
} from '../adapter';
import { blueskyFigures } from '../figures';
import { withSession, xrpc, type Session } from './bluesky-session';
import { figuresAnswer, imageBytes, publishedSince, REMOVED } from './common';

const UploadedBlob = z.object({ blob: z.looseObject({ $type: z.literal('blob') }) });
const CreatedRecord = z.object({ uri: z.string(), cid: z.string() });
const PostView = z.object({
  uri: z.string(),
  record: z.looseObject({ text: z.string().optional(), createdAt: z.string().optional() }),
  indexedAt: z.string(),
  likeCount: z.number().optional(),
  repostCount: z.number().optional(),
  replyCount: z.number().optional(),
  quoteCount: z.number().optional(),
});
const AuthorFeed = z.object({ feed: z.array(z.object({ post: PostView })) });
const Posts = z.object({ posts: z.array(PostView) });
export const BLUESKY_METRICS_BATCH = 25;

export const blueskyAdapter: PlatformAdapter = {
  platform: 'bluesky',

  async publish(connection, request, signal) {
    const created = await withSession(connection, signal, async (session) => {
      const images = await uploadImages(connection, request, session, signal);
      const record = {
        $type: 'app.bsky.feed.post',
        text: request.text,
        createdAt: new Date().toISOString(),
        langs: ['en'],
        ...(request.links.length > 0 ? { facets: request.links.map(linkFacet) } : {}),
        ...(images.length > 0 ? { embed: { $type: 'app.bsky.embed.images', images } } : {}),
      };
      return xrpc(connection, session, signal, {
        method: 'POST',
        url: `${connection.baseUrl}/xrpc/com.atproto.repo.createRecord`,
        json: { repo: session.did, collection: 'app.bsky.feed.post', record },
        schema: CreatedRecord,
      });
    });
    const { uri } = created.data;
    return { externalId: uri, externalUrl: postUrl(uri), rateLimit: created.rateLimit };
  },

  async findExisting(connection, request, since, signal) {
    const listed = await withSession(connection, signal, (session) => {
      const url = new URL(`${connection.baseUrl}/xrpc/app.bsky.feed.getAuthorFeed`);
      url.searchParams.set('actor', session.did);
      url.searchParams.set('limit', '50');
      url.searchParams.set('filter', 'posts_no_replies');
      return xrpc(connection, session, signal, { method: 'GET', url, schema: AuthorFeed });
    });
    const match = listed.data.feed.find(
      ({ post }) =>
        post.record.text === request.text &&
        publishedSince(post.record.createdAt ?? post.indexedAt, since),
    );
    if (!match) return null;
    return {
      externalId: match.post.uri,
      externalUrl: postUrl(match.post.uri),
      rateLimit: listed.rateLimit,
    };
  },

  metricsBatchSize: BLUESKY_METRICS_BATCH,

  async metrics(connection, posts, signal) {
    const { data } = await withSession(connection, signal, (session) => {
      const url = new URL(`${connection.baseUrl}/xrpc/app.bsky.feed.getPosts`);
      for (const post of posts) url.searchParams.append('uris', post.externalId);
      return xrpc(connection, session, signal, { method: 'GET', url, schema: Posts });
    });
    // getPosts leaves out each post that no longer exists (deleted, or its account gone).
    const found = new Map(data.posts.map((post) => [post.uri, post]));
    const answers = new Map<string, MetricsAnswer>();
    for (const { externalId } of posts) {
      const post = found.get(externalId);
      answers.set(externalId, post ? figuresAnswer(blueskyFigures(post), post) : REMOVED);
    }
    return answers;
  },
};

async function uploadImages(
  connection: ChannelConnection,
  request: PublishRequest,
  session: Session,
  signal: AbortSignal,
) {
  const images: { alt: string; image: Record<string, unknown> }[] = [];
  for (const image of request.media) {
    const uploaded = await xrpc(connection, session, signal, {
      method: 'POST',
      url: `${connection.baseUrl}/xrpc/com.atproto.repo.uploadBlob`,
      headers: { 'content-type': image.mimeType },
      body: await imageBytes(() => image.read()),
      schema: UploadedBlob,
    });
    images.push({ alt: image.altText, image: uploaded.data.blob });
  }
  return images;
}

/** A link facet: Bluesky indexes rich text by UTF-8 byte offsets, not string indexes. */
function linkFacet(link: PublishRequest['links'][number]) {
  return {
    index: { byteStart: link.byteStart, byteEnd: link.byteEnd },
    features: [{ $type: 'app.bsky.richtext.facet#link', uri: link.url }],
  };
}

/** at://did/app.bsky.feed.post/rkey → https://bsky.app/profile/did/post/rkey */
function postUrl(uri: string): string | null {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri);
  return match ? `https://bsky.app/profile/${match[1]}/post/${match[2]}` : null;
}
