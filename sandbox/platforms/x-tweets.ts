// X API v2's posts (docs.x.com, "Posts"): POST /2/tweets (user context only, refused for a
// repeated text, counted with twitter-text), GET /2/tweets/:id and GET /2/tweets?ids= (lookup, with
// partial errors for posts not found). Lookups take any token, app-only included, and follow the
// fields model.
import { z } from 'zod';
import {
  overLimit,
  Refusal,
  tokenAccount,
  type SandboxRequest,
  type SandboxRoute,
} from '../routes';
import type { SandboxState } from '../state';
import { xCaller, xRateLimit, xUser } from './x-auth';
import { xError, xNotFound, xParse } from './x-errors';
import { readFields, renderTweets } from './x-fields';
import { asShown } from './x-text';
import { ownUpload } from './x-media';

const QUOTAS = {
  create: { user: { limit: 100, windowSeconds: 900 } },
  lookup: { user: { limit: 900, windowSeconds: 900 }, app: { limit: 450, windowSeconds: 900 } },
};
// X refuses a text the account posted recently; the sandbox looks back a day.
const DUPLICATE_WINDOW_MS = 24 * 3_600_000;
const Other = z.unknown().optional();
const CreateTweet = z
  .strictObject({
    text: z.string().optional(),
    media: z
      .strictObject({
        media_ids: z.array(z.string().regex(/^\d+$/)).min(1).max(4),
        tagged_user_ids: z.array(z.string()).optional(),
      })
      .optional(),
    ...Object.fromEntries(
      'reply quote_tweet_id poll reply_settings for_super_followers_only direct_message_deep_link geo nullcast community_id share_with_followers card_uri made_with_ai paid_partnership'
        .split(' ')
        .map((name) => [name, Other]),
    ),
  })
  .refine((body) => body.text !== undefined || body.media !== undefined, {
    message: 'text or media is required',
  });
const Ids = z
  .string()
  .regex(/^\d{1,19}(,\d{1,19}){0,99}$/)
  .transform((value) => value.split(','));

export const xTweetRoutes: SandboxRoute[] = [
  {
    method: 'POST',
    path: '/2/tweets',
    publishes: (request) => accountOf(request),
    handle(request, state) {
      const caller = xUser(request, state, ['tweet.read', 'tweet.write', 'users.read']);
      xRateLimit(request, state, caller, 'tweets:create', QUOTAS.create);
      const body = xParse(CreateTweet, request.body(), (field) => `$.${field}`);
      const text = body.text ?? '';
      if (overLimit('x', text)) {
        throw new Refusal(
          xError(
            400,
            'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.',
          ),
        );
      }
      if (isDuplicate(state, caller.account, text)) {
        throw new Refusal(
          xError(403, 'You are not allowed to create a Tweet with duplicate content.'),
        );
      }
      const media = (body.media?.media_ids ?? []).map((id) => {
        const upload = ownUpload(state, caller.account, id);
        if (upload.upload && !upload.upload.finalized)
          throw new Refusal(xError(400, `Your media IDs are invalid: ${id}`));
        return upload.media[0]!;
      });
      const post = state.record({
        platform: 'x',
        account: caller.account,
        id: state.nextId(),
        text,
        media,
        receivedAt: state.now(),
        extra: {},
      });
      const data = { id: post.id, text: asShown(post).text, edit_history_tweet_ids: [post.id] };
      return { status: 201, body: { data } };
    },
  },
  {
    method: 'GET',
    path: '/2/tweets/:id',
    readsMetrics: (request) => accountOf(request),
    handle(request, state) {
      const caller = xCaller(request, state);
      xRateLimit(request, state, caller, 'tweets:lookup', QUOTAS.lookup);
      const fields = readFields(request.query);
      const id = request.params.id ?? '';
      const post = state.find('x', id);
      if (!post) return { status: 200, body: { errors: [xNotFound(id, 'id')] } };
      const { data, includes, errors } = renderTweets([post], fields, caller, state);
      return {
        status: 200,
        body: {
          data: data[0],
          ...(includes ? { includes } : {}),
          ...(errors.length ? { errors } : {}),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/2/tweets',
    readsMetrics: (request) => accountOf(request),
    handle(request, state) {
      const caller = xCaller(request, state);
      xRateLimit(request, state, caller, 'tweets:lookup', QUOTAS.lookup);
      const ids = Ids.safeParse(request.query.get('ids') ?? '');
      if (!ids.success)
        throw new Refusal(
          xError(400, 'The `ids` query parameter value is not a list of 1 to 100 post ids'),
        );
      const fields = readFields(request.query);
      const posts = ids.data.flatMap((id) => state.find('x', id) ?? []);
      const missing = ids.data
        .filter((id) => !state.find('x', id))
        .map((id) => xNotFound(id, 'ids'));
      const { data, includes, errors } = renderTweets(posts, fields, caller, state);
      return {
        status: 200,
        body: {
          ...(data.length ? { data } : {}),
          ...(includes ? { includes } : {}),
          ...(missing.length || errors.length ? { errors: [...missing, ...errors] } : {}),
        },
      };
    },
  },
];

function isDuplicate(state: SandboxState, account: string, text: string): boolean {
  if (!state.quotas || text === '') return false;
  const since = state.now().getTime() - DUPLICATE_WINDOW_MS;
  return state
    .recent('x', account, Number.MAX_SAFE_INTEGER)
    .some((post) => post.text === text && post.receivedAt.getTime() >= since);
}

/** Which account a publishing call is for, to match faults: the one its credentials name. */
function accountOf(request: SandboxRequest): string {
  const oauth1 = /oauth_token="(\d+)-/.exec(request.headers.authorization ?? '')?.[1];
  return oauth1 ?? tokenAccount(request, 'x');
}
