// Mastodon's accounts and instance (docs.joinmastodon.org/methods/accounts, /methods/instance):
// GET /api/v1/accounts/verify_credentials, /api/v1/accounts/:id, an account's statuses newest
// first with max_id/since_id/min_id paging in a Link header, and GET /api/v2/instance.
import { z } from 'zod';
import { Refusal, type SandboxReply, type SandboxRequest, type SandboxRoute } from '../routes';
import type { SandboxState } from '../state';
import { mastodonAccount, mastodonError, optionalAccount } from './mastodon-auth';
import { account, credentialAccount, status, statusDetails } from './mastodon-entities';
import { mastodonInstance } from './mastodon-instance';

const Id = z.string().regex(/^\d+$/);
const Flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');
const StatusesQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .catch(20)
    .transform((limit) => Math.min(limit, 40)),
  max_id: Id.optional(),
  since_id: Id.optional(),
  min_id: Id.optional(),
  exclude_replies: Flag.optional(),
  exclude_reblogs: Flag.optional(),
  only_media: Flag.optional(),
  pinned: Flag.optional(),
});

export const mastodonAccountRoutes: SandboxRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/accounts/verify_credentials',
    handle(request, state) {
      const id = mastodonAccount(request, state, ['read:accounts', 'profile']);
      return { status: 200, body: credentialAccount(id, request.origin, state) };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/accounts/:id',
    handle(request, state) {
      optionalAccount(request, state, 'read:accounts');
      return { status: 200, body: account(knownAccount(request), request.origin, state) };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/accounts/:id/statuses',
    handle: (request, state) => accountStatuses(request, state),
  },
  {
    method: 'GET',
    path: '/api/v2/instance',
    handle(request, state) {
      optionalAccount(request, state, []);
      return { status: 200, body: mastodonInstance(request.origin, state) };
    },
  },
];

function accountStatuses(request: SandboxRequest, state: SandboxState): SandboxReply {
  const viewer = optionalAccount(request, state, 'read:statuses');
  const id = knownAccount(request);
  const query = StatusesQuery.safeParse(Object.fromEntries(request.query));
  if (!query.success) throw new Refusal(mastodonError(400, 'Invalid pagination parameters'));
  const { limit, max_id: maxId, since_id: sinceId, min_id: minId } = query.data;
  const newer = (a: string, b: string) => BigInt(a) > BigInt(b);
  let matching = state
    .recent('mastodon', id, Number.MAX_SAFE_INTEGER)
    .filter(
      (post) =>
        viewer === post.account || ['public', 'unlisted'].includes(statusDetails(post).visibility),
    )
    .filter((post) => (query.data.only_media ? post.media.length > 0 : true))
    // No sandbox status is pinned.
    .filter(() => !query.data.pinned)
    .filter((post) => !maxId || newer(maxId, post.id))
    .filter((post) => !sinceId || newer(post.id, sinceId));
  // min_id pages towards the newer: the oldest `limit` after it, still listed newest first.
  if (minId) matching = matching.filter((post) => newer(post.id, minId)).slice(-limit);
  const page = matching.slice(0, limit);
  const newest = page[0]?.id;
  const oldest = page.at(-1)?.id;
  // As Mastodon does: a next (older) page only after a full one, a previous (newer) after any.
  const links = [
    ...(oldest && page.length === limit ? [pageLink(request, 'max_id', oldest, 'next')] : []),
    ...(newest ? [pageLink(request, 'min_id', newest, 'prev')] : []),
  ];
  return {
    status: 200,
    body: page.map((post) => status(post, request.origin, state, viewer)),
    ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}),
  };
}

function pageLink(request: SandboxRequest, name: string, id: string, rel: string): string {
  const query = new URLSearchParams(request.query);
  for (const key of ['max_id', 'since_id', 'min_id']) query.delete(key);
  query.set(name, id);
  return `<${request.url}?${query.toString()}>; rel="${rel}"`;
}

/** Every numeric id is a sandbox account; anything else is not found, as on Mastodon. */
function knownAccount(request: SandboxRequest): string {
  const id = Id.safeParse(request.params.id);
  if (!id.success) throw new Refusal(mastodonError(404, 'Record not found'));
  return id.data;
}
