// What a public read of a shared post answered, in Signpost's terms. Pure: status and body in,
// figures, "cannot be read" (removed, not found, private: never asked again) or "try at the next
// poll" (the server was down or busy) out.
import { blueskyFigures, mastodonFigures } from '../platforms/figures';
import type { Figures } from './figures';

export type ShareAnswer =
  | { kind: 'figures'; figures: Figures }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'later'; reason: string };

type Body = unknown;

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

function refused(status: number, what: string): ShareAnswer | null {
  if (status === 404 || status === 410)
    return { kind: 'unreadable', reason: `${what} was not found` };
  if (status === 401 || status === 403)
    return { kind: 'unreadable', reason: `${what} is not public` };
  if (status === 429 || status >= 500)
    return { kind: 'later', reason: `the server answered ${status}` };
  return null;
}

/** com.atproto.identity.resolveHandle: the DID, or why the post cannot be read. */
export function resolvedDid(status: number, body: Body): { did: string } | ShareAnswer {
  const known = refused(status, 'the account');
  if (known) return known;
  // The handle's owner is unknown (400 "Unable to resolve handle"): the account is gone.
  if (status === 400) return { kind: 'unreadable', reason: 'the account was not found' };
  const did = record(body)?.did;
  if (status !== 200 || typeof did !== 'string' || !did.startsWith('did:'))
    return { kind: 'later', reason: `unexpected answer ${status}` };
  return { did };
}

/** app.bsky.feed.getPosts for one uri: a deleted or hidden post is left out of `posts`. */
export function blueskyAnswer(status: number, body: Body, uri: string): ShareAnswer {
  const known = refused(status, 'the post');
  if (known) return known;
  const posts = record(body)?.posts;
  if (status !== 200 || !Array.isArray(posts))
    return { kind: 'later', reason: `unexpected answer ${status}` };
  const post = posts.map(record).find((item) => item?.uri === uri);
  if (!post) return { kind: 'unreadable', reason: 'the post was not found' };
  return {
    kind: 'figures',
    figures: blueskyFigures({
      likeCount: num(post.likeCount),
      replyCount: num(post.replyCount),
      repostCount: num(post.repostCount),
      quoteCount: num(post.quoteCount),
    }),
  };
}

/** GET /api/v1/statuses/:id without a token: a private or deleted status is 404 (or 401/403). */
export function mastodonAnswer(status: number, body: Body): ShareAnswer {
  const known = refused(status, 'the post');
  if (known) return known;
  const found = record(body);
  if (status !== 200 || !found) return { kind: 'later', reason: `unexpected answer ${status}` };
  if (
    found.visibility !== undefined &&
    found.visibility !== 'public' &&
    found.visibility !== 'unlisted'
  )
    return { kind: 'unreadable', reason: 'the post is not public' };
  return {
    kind: 'figures',
    figures: mastodonFigures({
      favourites_count: num(found.favourites_count),
      replies_count: num(found.replies_count),
      reblogs_count: num(found.reblogs_count),
    }),
  };
}
