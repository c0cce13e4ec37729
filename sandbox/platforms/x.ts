// X API v2 as the adapter uses it (docs.x.com/x-api): POST /2/media/upload, POST
// /2/media/metadata, POST /2/tweets, GET /2/users/:id/tweets and GET /2/tweets/:id. Like X, it
// answers with links wrapped in t.co and &, <, > escaped in `text`.
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { findUrls } from '@/lib/platforms/links';
import { reachOf } from '../metrics';
import {
  overLimit,
  parseBody,
  Refusal,
  requireToken,
  type SandboxRequest,
  tokenAccount,
  type SandboxPlatform,
  type SandboxReply,
} from '../routes';
import type { SandboxPost, SandboxState } from '../state';

const MediaUpload = z.object({
  media: z.base64().min(1),
  media_category: z.enum(['tweet_image', 'tweet_gif', 'tweet_video', 'dm_image', 'subtitles']),
  media_type: z.string().optional(),
});
const MediaMetadata = z.object({
  id: z.string().min(1),
  metadata: z.object({ alt_text: z.object({ text: z.string().max(1000) }).optional() }),
});
const CreateTweet = z
  .object({
    text: z.string().optional(),
    media: z.object({ media_ids: z.array(z.string()).min(1).max(4) }).optional(),
  })
  .refine(
    (body) => body.text !== undefined || body.media !== undefined,
    'text or media is required',
  );

const rateHeaders = (remaining: number, resetAt: Date) => ({
  'x-rate-limit-limit': '200',
  'x-rate-limit-remaining': String(remaining),
  'x-rate-limit-reset': String(Math.ceil(resetAt.getTime() / 1000)),
});

export const xSandbox: SandboxPlatform = {
  platform: 'x',
  error(status, message): SandboxReply {
    if (status === 400) {
      return {
        status,
        body: {
          errors: [{ message }],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        },
      };
    }
    return {
      status,
      body: { title: STATUS_CODES[status], detail: message, type: 'about:blank', status },
    };
  },
  fault(kind, retryAfterSeconds, now) {
    const reply = this.error(Number(kind), STATUS_CODES[Number(kind)] ?? 'Error');
    if (kind !== '429') return reply;
    const resetAt = new Date(now.getTime() + retryAfterSeconds * 1000);
    return {
      ...reply,
      headers: { 'retry-after': String(retryAfterSeconds), ...rateHeaders(0, resetAt) },
    };
  },
  routes: [
    {
      // OAuth 2.0 refresh (docs.x.com, "OAuth 2.0 Authorization Code Flow with PKCE"). A refresh
      // token names its account like the sandbox's access tokens (`<account>.x-refresh.<any>`)
      // and, as on X, works once: the answer carries the next one.
      method: 'POST',
      path: '/2/oauth2/token',
      handle(request, state) {
        const form = new URLSearchParams(request.raw.toString('utf8'));
        const basic = /^Basic\s+\S+$/i.test(request.headers.authorization ?? '');
        if (!basic && !form.get('client_id')) {
          return oauthError(401, 'unauthorized_client', 'Missing valid authorization header');
        }
        const refreshToken = form.get('refresh_token') ?? '';
        const account = refreshToken.split('.x-refresh.')[0] ?? '';
        if (
          form.get('grant_type') !== 'refresh_token' ||
          !refreshToken.includes('.x-refresh.') ||
          !account ||
          state.spentRefreshTokens.has(refreshToken)
        ) {
          return oauthError(400, 'invalid_request', 'Value passed for the token was invalid.');
        }
        state.spentRefreshTokens.add(refreshToken);
        const accessToken = `${account}.x-oauth.${state.nextId()}`;
        state.issuedTokens.set(accessToken, state.now().getTime() + TOKEN_SECONDS * 1000);
        return {
          status: 200,
          body: {
            token_type: 'bearer',
            expires_in: TOKEN_SECONDS,
            access_token: accessToken,
            scope: 'tweet.write tweet.read users.read media.write offline.access',
            refresh_token: `${account}.x-refresh.${state.nextId()}`,
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/2/media/upload',
      handle(request, state) {
        requireXToken(request, state);
        const body = parseBody(request, MediaUpload, xSandbox);
        const id = state.nextId();
        const bytes = Buffer.from(body.media, 'base64').length;
        const media = { altText: null, url: null, mimeType: body.media_type ?? null, bytes };
        state.drafts.set(`x:${id}`, draft(tokenAccount(request), media));
        return {
          status: 200,
          body: { data: { id, media_key: `3_${id}`, size: bytes, expires_after_secs: 86_400 } },
        };
      },
    },
    {
      method: 'POST',
      path: '/2/media/metadata',
      handle(request, state) {
        requireXToken(request, state);
        const body = parseBody(request, MediaMetadata, xSandbox);
        const upload = state.drafts.get(`x:${body.id}`);
        const media = upload?.media[0];
        if (!media) throw new Refusal(xSandbox.error(400, `Media id ${body.id} was not found`));
        media.altText = body.metadata.alt_text?.text ?? media.altText;
        return { status: 200, body: { data: { id: body.id, associated_metadata: body.metadata } } };
      },
    },
    {
      method: 'POST',
      path: '/2/tweets',
      publishes: tokenAccount,
      handle(request, state) {
        requireXToken(request, state);
        const body = parseBody(request, CreateTweet, xSandbox);
        const text = body.text ?? '';
        if (overLimit('x', text)) {
          throw new Refusal(
            xSandbox.error(
              400,
              'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.',
            ),
          );
        }
        const media = (body.media?.media_ids ?? []).map((id) => {
          const upload = state.drafts.get(`x:${id}`)?.media[0];
          if (!upload) throw new Refusal(xSandbox.error(400, `Your media IDs are invalid: ${id}`));
          return upload;
        });
        const post = state.record({
          platform: 'x',
          account: tokenAccount(request),
          id: state.nextId(),
          text,
          media,
          receivedAt: state.now(),
          extra: {},
        });
        const shown = asShown(post);
        const data = { id: post.id, text: shown.text, edit_history_tweet_ids: [post.id] };
        return { status: 201, body: { data }, headers: rateHeaders(199, hence(state, 900)) };
      },
    },
    {
      method: 'GET',
      path: '/2/users/:id/tweets',
      handle(request, state) {
        requireXToken(request, state);
        const startTime = Date.parse(request.query.get('start_time') ?? '');
        const max = Math.min(100, Number(request.query.get('max_results') ?? 10) || 10);
        const posts = state
          .recent('x', request.params.id ?? '', max)
          .filter((post) => Number.isNaN(startTime) || post.receivedAt.getTime() >= startTime);
        const data = posts.map((post) => ({
          ...asShown(post),
          id: post.id,
          created_at: post.receivedAt.toISOString(),
        }));
        const meta = {
          result_count: data.length,
          newest_id: data[0]?.id,
          oldest_id: data.at(-1)?.id,
        };
        return { status: 200, body: data.length > 0 ? { data, meta } : { meta } };
      },
    },
    {
      method: 'GET',
      path: '/2/tweets/:id',
      handle(request, state) {
        requireXToken(request, state);
        const post = state.find('x', request.params.id ?? '');
        if (!post) return { status: 200, body: { errors: [notFound(request.params.id ?? '')] } };
        const reach = reachOf(post, state.now());
        const data = {
          id: post.id,
          text: asShown(post).text,
          public_metrics: {
            retweet_count: reach.shares,
            reply_count: reach.comments,
            like_count: reach.likes,
            quote_count: reach.quotes,
            bookmark_count: 0,
            impression_count: reach.impressions,
          },
          // Only the author's own token may read these (docs.x.com "Metrics").
          ...(tokenAccount(request) === post.account
            ? {
                non_public_metrics: {
                  impression_count: reach.impressions,
                  url_link_clicks: reach.clicks,
                  user_profile_clicks: 0,
                },
              }
            : {}),
        };
        return { status: 200, body: { data } };
      },
    },
  ],
};

const TOKEN_SECONDS = 7200;

/**
 * A bearer token X would accept: an OAuth token this sandbox issued must not have expired (the
 * sandbox's long-lived `<account>.sandbox-token` always works).
 */
function requireXToken(request: SandboxRequest, state: SandboxState): string {
  const token = requireToken(request, xSandbox);
  if (!token.includes('.x-oauth.')) return token;
  const until = state.issuedTokens.get(token);
  if (until === undefined || until <= state.now().getTime()) {
    throw new Refusal(xSandbox.error(401, 'Unauthorized'));
  }
  return token;
}

function oauthError(status: number, error: string, description: string): SandboxReply {
  return { status, body: { error, error_description: description } };
}

/** The text as X gives it back: links wrapped in t.co, and &, <, > escaped. */
function asShown(post: SandboxPost) {
  const urls: {
    start: number;
    end: number;
    url: string;
    expanded_url: string;
    display_url: string;
  }[] = [];
  let text = '';
  let at = 0;
  for (const found of findUrls(post.text)) {
    text += escapeHtml(post.text.slice(at, found.start));
    const url = `https://t.co/${shortCode(found.url)}`;
    urls.push({
      start: text.length,
      end: text.length + url.length,
      url,
      expanded_url: found.url,
      display_url: found.url.replace(/^https?:\/\//, ''),
    });
    text += url;
    at = found.end;
  }
  text += escapeHtml(post.text.slice(at));
  return { text, ...(urls.length > 0 ? { entities: { urls } } : {}) };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function shortCode(url: string): string {
  let h = 5381;
  for (let i = 0; i < url.length; i++) h = (Math.imul(h, 33) + url.charCodeAt(i)) >>> 0;
  return h.toString(36).padStart(10, '0');
}

function notFound(id: string) {
  return {
    value: id,
    detail: `Could not find tweet with id: [${id}].`,
    title: 'Not Found Error',
    resource_type: 'tweet',
    parameter: 'id',
    resource_id: id,
    type: 'https://api.twitter.com/2/problems/resource-not-found',
  };
}

function draft(account: string, media: SandboxPost['media'][number]) {
  return {
    platform: 'x' as const,
    account,
    text: '',
    media: [media],
    children: [],
    published: false,
  };
}

function hence(state: SandboxState, seconds: number): Date {
  return new Date(state.now().getTime() + seconds * 1000);
}
