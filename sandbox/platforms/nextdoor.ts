// Nextdoor's Publish API for public agencies (developers.nextdoor.com, "Sharing" reference):
// POST /external/api/partner/v1/post/create/ answers {result, share_link}; GET
// /external/api/partner/v1/post/ ("Get your posts") lists the agency's posts with their
// reactions and comments. Errors are OAuth-style {error, error_description}.
import { z } from 'zod';
import { figuresOf, reported } from '../metrics';
import {
  bearerToken,
  overLimit,
  parseBody,
  Refusal,
  tokenAccount,
  type SandboxPlatform,
  type SandboxRequest,
} from '../routes';
import type { SandboxState } from '../state';
import { checkToken } from '../tokens';

const CreatePost = z.object({
  body_text: z.string().min(1),
  media_attachments: z.array(z.url()).max(10).optional(),
  smartlink_url: z.url().optional(),
  hashtag: z.string().regex(/^\S+$/).optional(),
  group_ids: z.array(z.union([z.string(), z.number()])).optional(),
  secure_profile_id: z.string().optional(),
});
const ERROR_NAMES: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  429: 'rate_limited',
  500: 'server_error',
};

export const nextdoorSandbox: SandboxPlatform = {
  platform: 'nextdoor',
  adopt(post, state) {
    const numericId = state.nextId();
    return {
      platform: 'nextdoor',
      account: post.account,
      id: post.id ?? Number(numericId).toString(36),
      text: post.text,
      media: [],
      receivedAt: post.receivedAt,
      extra: { numericId },
    };
  },
  error: (status, message) => ({
    status,
    body: { error: ERROR_NAMES[status] ?? 'server_error', error_description: message },
  }),
  fault(kind, retryAfterSeconds) {
    const messages = {
      '429': 'Too many requests, please retry later.',
      '500': 'Server error, please retry.',
      '401': 'The access token has expired.',
    };
    const reply = this.error(Number(kind), messages[kind]);
    return kind === '429'
      ? { ...reply, headers: { 'retry-after': String(retryAfterSeconds) } }
      : reply;
  },
  routes: [
    {
      method: 'POST',
      path: '/external/api/partner/v1/post/create',
      publishes: (request) => tokenAccount(request, 'nextdoor'),
      handle(request, state) {
        const agency = nextdoorAgency(request, state, 'post:write');
        const body = parseBody(request, CreatePost, nextdoorSandbox);
        const over = overLimit('nextdoor', body.body_text);
        if (over) {
          throw new Refusal({
            status: 400,
            body: {
              error: 'invalid_input',
              error_description: `body_text cannot be longer than ${over.limit} characters.`,
              invalid_parameter: 'body_text',
            },
          });
        }
        const numericId = state.nextId();
        const shareId = Number(numericId).toString(36);
        const media = (body.media_attachments ?? []).map((url) => ({
          altText: null,
          url,
          mimeType: null,
          bytes: null,
        }));
        state.record({
          platform: 'nextdoor',
          account: agency,
          id: shareId,
          text: body.body_text,
          media,
          receivedAt: state.now(),
          extra: { numericId },
        });
        return { status: 200, body: { result: 'success', share_link: shareLink(shareId) } };
      },
    },
    {
      method: 'GET',
      path: '/external/api/partner/v1/post',
      readsMetrics: (request) => tokenAccount(request, 'nextdoor'),
      handle(request, state) {
        const agency = nextdoorAgency(request, state, 'post:read');
        const posts = state.recent('nextdoor', agency, 100).map((post) => {
          const { reactions = 0, comments = 0 } = reported(figuresOf(post, state), [
            'reactions',
            'comments',
          ]);
          const numericId = String(post.extra.numericId);
          return {
            author_id: Number(post.account) || 0,
            body: post.text,
            title: '',
            comments: Array.from({ length: comments }, (_, i) => ({
              id: `${numericId}${i}`,
              body: 'Thank you for sharing',
            })),
            reactions: Array.from({ length: reactions }, (_, i) => ({
              id: i + 1,
              post_id: Number(numericId),
              type: 1,
            })),
            creation_date_epoch_seconds: Math.floor(post.receivedAt.getTime() / 1000),
            embed_url: `https://nextdoor.co.uk/embed/${post.id}`,
            id: numericId,
            url: shareLink(post.id),
            media: post.media.map((media) => ({
              is_photo: true,
              is_video: false,
              url: media.url,
              width: 1080,
              height: 1080,
            })),
          };
        });
        return { status: 200, body: { posts, posts_length: posts.length } };
      },
    },
  ],
};

/** The agency the token acts for: one Nextdoor issued, unexpired, with the scope (OAuth errors). */
function nextdoorAgency(request: SandboxRequest, state: SandboxState, scope: string): string {
  const token = bearerToken(request);
  const check = checkToken(token, {
    platform: 'nextdoor',
    kinds: ['user'],
    scopes: [scope],
    now: state.now(),
  });
  if (check.ok) return check.claims.account;
  if (check.reason === 'scope')
    throw new Refusal(
      nextdoorSandbox.error(403, `The access token does not have the ${scope} scope.`),
    );
  const why =
    check.reason === 'expired' ? 'The access token has expired.' : 'The access token is invalid.';
  throw new Refusal(nextdoorSandbox.error(401, why));
}

function shareLink(shareId: string): string {
  return `https://nextdoor.co.uk/p/${shareId}`;
}
