// The AppView reads a PDS proxies (docs.bsky.app, app.bsky.feed.getPosts and getAuthorFeed), in
// the lexicon's shapes: app.bsky.feed.defs#postView with the author's profileViewBasic, an
// images embed's #view, and the counts the reach figures are read from; the author feed newest
// first, paged with a cursor.
import { z } from 'zod';
import { figuresOf, reported } from '../metrics';
import { Refusal, type SandboxRequest, type SandboxRoute } from '../routes';
import type { SandboxPost, SandboxState } from '../state';
import { blueskyError } from './bluesky-errors';
import { ownerOf } from './bluesky-repo';
import { handleFor, sessionDid } from './bluesky-session';

// The sandbox's accounts all joined on one day.
const JOINED = '2023-04-16T09:00:00.000Z';
const CDN = 'https://cdn.bsky.app/img';
const AtUri = z
  .string()
  .regex(/^at:\/\/did:[a-z]+:[a-zA-Z0-9._:%-]+\/[a-zA-Z0-9.]+\/[A-Za-z0-9._:~-]+$/);
const FeedQuery = z.object({
  actor: z.string().min(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().optional(),
  filter: z
    .enum([
      'posts_with_replies',
      'posts_no_replies',
      'posts_with_media',
      'posts_and_author_threads',
      'posts_with_video',
    ])
    .default('posts_with_replies'),
});

/** A read that carries no Authorization header: answered as the public AppView answers it. */
function publicRead(request: SandboxRequest): boolean {
  return request.headers.authorization === undefined;
}

export const blueskyFeedRoutes: SandboxRoute[] = [
  {
    // com.atproto.identity.resolveHandle, which needs no session; the sandbox knows the handles
    // of the accounts that have posts.
    method: 'GET',
    path: '/xrpc/com.atproto.identity.resolveHandle',
    handle(request, state) {
      const handle = (request.query.get('handle') ?? '').toLowerCase();
      if (handle === '') throw params('Params must have the property "handle"');
      try {
        return { status: 200, body: { did: ownerOf(handle, state) } };
      } catch {
        throw new Refusal(blueskyError(400, 'Unable to resolve handle'));
      }
    },
  },
  {
    method: 'GET',
    path: '/xrpc/app.bsky.feed.getPosts',
    readsMetrics: (request, state) => {
      try {
        return publicRead(request) ? '' : sessionDid(request, state);
      } catch {
        // A refused session is answered by the handler itself; no fault is due.
        return '';
      }
    },
    handle(request, state) {
      // The public AppView (public.api.bsky.app) answers getPosts to anyone; a PDS wants a session.
      if (!publicRead(request)) sessionDid(request, state);
      const uris = request.query.getAll('uris');
      if (uris.length === 0) throw params('Params must have the property "uris"');
      if (uris.length > 25) throw params('uris must not have more than 25 elements');
      const bad = uris.find((uri) => !AtUri.safeParse(uri).success);
      if (bad) throw params(`uris/${uris.indexOf(bad)} must be a valid at-uri`);
      const posts = uris.flatMap((uri) => {
        const post = state.find('bluesky', uri);
        return post ? [postView(post, state)] : [];
      });
      return { status: 200, body: { posts } };
    },
  },
  {
    method: 'GET',
    path: '/xrpc/app.bsky.feed.getAuthorFeed',
    handle(request, state) {
      sessionDid(request, state);
      const query = FeedQuery.safeParse(Object.fromEntries(request.query));
      if (!query.success)
        throw params(`${query.error.issues[0]?.path.join('/') ?? 'params'} is invalid`);
      const { actor, limit, cursor, filter } = query.data;
      const all = state
        .recent('bluesky', ownerOf(actor, state), Number.MAX_SAFE_INTEGER)
        .filter((post) => filter !== 'posts_with_media' || post.media.length > 0)
        // The sandbox takes no videos.
        .filter(() => filter !== 'posts_with_video')
        .filter((post) => !cursor || rkey(post) < cursor);
      const page = all.slice(0, limit);
      const next = all.length > limit ? page.at(-1) : undefined;
      return {
        status: 200,
        body: {
          feed: page.map((post) => ({ post: postView(post, state) })),
          ...(next ? { cursor: rkey(next) } : {}),
        },
      };
    },
  },
];

function postView(post: SandboxPost, state: SandboxState) {
  const figures = reported(figuresOf(post, state), [
    'bookmarkCount',
    'replyCount',
    'repostCount',
    'likeCount',
    'quoteCount',
  ]);
  const images = post.media.map((media) => ({
    thumb: `${CDN}/feed_thumbnail/plain/${post.account}/${media.id ?? 'blob'}@jpeg`,
    fullsize: `${CDN}/feed_fullsize/plain/${post.account}/${media.id ?? 'blob'}@jpeg`,
    alt: media.altText ?? '',
  }));
  return {
    uri: post.id,
    cid: post.extra.cid,
    author: {
      did: post.account,
      handle: handleFor(post.account),
      displayName: `Sandbox account ${post.account.slice(8, 14)}`,
      avatar: `${CDN}/avatar/plain/${post.account}/avatar@jpeg`,
      viewer: { muted: false, blockedBy: false },
      labels: [],
      createdAt: JOINED,
    },
    record: post.extra.record,
    ...(images.length > 0 ? { embed: { $type: 'app.bsky.embed.images#view', images } } : {}),
    ...figures,
    indexedAt: post.receivedAt.toISOString(),
    viewer: { bookmarked: false, threadMuted: false, embeddingDisabled: false },
    labels: [],
  };
}

function rkey(post: SandboxPost): string {
  return post.id.split('/').at(-1) ?? '';
}

function params(message: string): Refusal {
  return new Refusal(blueskyError(400, `Error: ${message}`));
}
