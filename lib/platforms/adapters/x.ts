// X API v2 (docs.x.com/x-api): POST /2/tweets with an OAuth 2.0 user access token; images through
// POST /2/media/upload and their alt text through POST /2/media/metadata; the account's posts from
// GET /2/users/:id/tweets; metrics from GET /2/tweets?ids= (up to 100 posts a call).
import { z } from 'zod';
import {
  PlatformError,
  type MetricsAnswer,
  type MetricsRequest,
  type PlatformAdapter,
  type PublishRequest,
  type TokenRenewal,
} from '../adapter';
import { xFigures } from '../figures';
import { callPlatform, type ClassifyFailure } from '../http';
import { findUrls } from '../links';
import { figuresAnswer, imageBytes, readCredentials, REMOVED } from './common';

/**
 * An OAuth 2.0 user access token with tweet.write, tweet.read, users.read, media.write and
 * offline.access. X's user tokens last two hours: with the refresh token, the app's client id
 * (and secret, for a confidential client) and the expiry, Signpost renews them before use.
 */
export const xCredentials = z.strictObject({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  /** When the access token expires (ISO 8601). */
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
});

/** Renew this long before the token expires, so a slow queue never sends an expired one. */
export const X_RENEW_MARGIN_MS = 5 * 60 * 1000;

const TokenGrant = z.object({
  token_type: z.string(),
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});
const OAuthProblem = z.object({ error: z.string(), error_description: z.string().optional() });

// The token endpoint refuses a used, revoked or unknown refresh token with 400 invalid_request
// (RFC 6749 says invalid_grant; X answers either): the account must be connected again.
const classifyRenewal: ClassifyFailure = ({ status, body }) => {
  if (status !== 400 && status !== 401) return undefined;
  const problem = OAuthProblem.safeParse(body).data;
  return {
    kind: 'auth',
    message: `the access token could not be renewed (${problem?.error_description ?? problem?.error ?? `HTTP ${status}`}); connect the account again`,
  };
};

/** The credentials when they can be renewed (a refresh token and a client id), else null. */
function renewableCredentials(credentials: Record<string, string>) {
  const parsed = xCredentials.safeParse(credentials);
  return parsed.success && parsed.data.refreshToken && parsed.data.clientId ? parsed.data : null;
}

const xTokenRenewal: TokenRenewal = {
  renewable: (credentials) => renewableCredentials(credentials) !== null,
  due(credentials, now) {
    const expiresAt = renewableCredentials(credentials)?.expiresAt;
    return expiresAt !== undefined && Date.parse(expiresAt) - now.getTime() < X_RENEW_MARGIN_MS;
  },
  async renew(connection, now, signal) {
    const credentials = readCredentials(xCredentials, connection);
    const { refreshToken, clientId, clientSecret } = credentials;
    if (!refreshToken || !clientId) {
      throw new PlatformError(
        'auth',
        'The X access token has expired and there is no refresh token to renew it; connect the account again.',
      );
    }
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
    // A public client names itself in the form; a confidential one signs in with Basic auth.
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
    };
    if (clientSecret)
      headers.authorization = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    else form.set('client_id', clientId);
    const granted = await callPlatform({
      method: 'POST',
      url: `${connection.baseUrl}/2/oauth2/token`,
      headers,
      body: form.toString(),
      schema: TokenGrant,
      signal,
      classify: classifyRenewal,
    });
    return {
      ...credentials,
      accessToken: granted.data.access_token,
      // X rotates the refresh token: the old one no longer works.
      refreshToken: granted.data.refresh_token ?? refreshToken,
      expiresAt: new Date(now.getTime() + granted.data.expires_in * 1000).toISOString(),
    };
  },
};

const CreatedTweet = z.object({ data: z.object({ id: z.string(), text: z.string() }) });
const UploadedMedia = z.object({ data: z.object({ id: z.string() }) });
const Tweet = z.object({
  id: z.string(),
  text: z.string(),
  created_at: z.string().optional(),
  entities: z.object({ urls: z.array(z.object({ url: z.string() })).optional() }).optional(),
});
const UserTweets = z.object({ data: z.array(Tweet).optional() });
const Problem = z.object({ detail: z.string().optional(), title: z.string().optional() });
const TweetFigures = z.looseObject({
  id: z.string(),
  public_metrics: z
    .looseObject({
      retweet_count: z.number().optional(),
      reply_count: z.number().optional(),
      like_count: z.number().optional(),
      quote_count: z.number().optional(),
      impression_count: z.number().optional(),
    })
    .optional(),
  non_public_metrics: z.looseObject({ url_link_clicks: z.number().optional() }).optional(),
});
const LookupProblem = z.looseObject({
  type: z.string().optional(),
  resource_id: z.string().optional(),
  value: z.string().optional(),
  detail: z.string().optional(),
  title: z.string().optional(),
});
const TweetLookup = z.object({
  data: z.array(TweetFigures).optional(),
  errors: z.array(LookupProblem).optional(),
});
const NOT_FOUND = 'https://api.twitter.com/2/problems/resource-not-found';
/** X keeps non-public figures (link clicks) for 30 days; asking for an older post's fails. */
export const X_NON_PUBLIC_DAYS = 30;
export const X_METRICS_BATCH = 100;

// X answers a repeated text with 403 "duplicate content": a refusal of this post, not of the token.
const classify: ClassifyFailure = ({ status, body }) => {
  const detail = Problem.safeParse(body).data?.detail ?? '';
  return status === 403 && /duplicate/i.test(detail) ? { kind: 'permanent' } : undefined;
};

export const xAdapter: PlatformAdapter = {
  platform: 'x',
  tokenRenewal: xTokenRenewal,

  async publish(connection, request, signal) {
    const { accessToken } = readCredentials(xCredentials, connection);
    const call = { bearer: accessToken, signal, classify };
    const mediaIds = await uploadImages(connection.baseUrl, request, call);
    const created = await callPlatform({
      ...call,
      method: 'POST',
      url: `${connection.baseUrl}/2/tweets`,
      json: {
        text: request.text,
        ...(mediaIds.length > 0 ? { media: { media_ids: mediaIds } } : {}),
      },
      schema: CreatedTweet,
    });
    const id = created.data.data.id;
    return {
      externalId: id,
      externalUrl: tweetUrl(connection.handle, id),
      rateLimit: created.rateLimit,
    };
  },

  async findExisting(connection, request, since, signal) {
    const { accessToken } = readCredentials(xCredentials, connection);
    const url = new URL(
      `${connection.baseUrl}/2/users/${encodeURIComponent(connection.externalAccountId)}/tweets`,
    );
    // X wants RFC 3339 without fractional seconds.
    url.searchParams.set('start_time', since.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    url.searchParams.set('max_results', '100');
    url.searchParams.set('exclude', 'replies,retweets');
    url.searchParams.set('tweet.fields', 'created_at,entities');
    const listed = await callPlatform({
      method: 'GET',
      url,
      bearer: accessToken,
      signal,
      schema: UserTweets,
    });
    const wanted = withoutLinks(
      request.text,
      findUrls(request.text).map(({ url }) => url),
    );
    const match = listed.data.data?.find((tweet) => wanted === tweetWithoutLinks(tweet));
    if (!match) return null;
    return {
      externalId: match.id,
      externalUrl: tweetUrl(connection.handle, match.id),
      rateLimit: listed.rateLimit,
    };
  },

  metricsBatchSize: X_METRICS_BATCH,

  async metrics(connection, posts, signal, now) {
    const { accessToken } = readCredentials(xCredentials, connection);
    const cutoff = now.getTime() - X_NON_PUBLIC_DAYS * 86_400_000;
    const recent = posts.filter((post) => post.publishedAt.getTime() > cutoff);
    const older = posts.filter((post) => post.publishedAt.getTime() <= cutoff);
    const answers = new Map<string, MetricsAnswer>();
    // non_public_metrics (link clicks) need the author's own user token, which this is, and
    // exist for posts under 30 days old: the older ones are asked for public figures only.
    for (const [group, fields] of [
      [recent, 'public_metrics,non_public_metrics'],
      [older, 'public_metrics'],
    ] as const) {
      if (group.length === 0) continue;
      const read = await lookUp(connection.baseUrl, accessToken, group, fields, signal);
      for (const [id, answer] of read) answers.set(id, answer);
    }
    return answers;
  },
};

async function lookUp(
  baseUrl: string,
  accessToken: string,
  posts: readonly MetricsRequest[],
  fields: string,
  signal: AbortSignal,
): Promise<Map<string, MetricsAnswer>> {
  const url = new URL(`${baseUrl}/2/tweets`);
  url.searchParams.set('ids', posts.map((post) => post.externalId).join(','));
  url.searchParams.set('tweet.fields', fields);
  const { data } = await callPlatform({
    method: 'GET',
    url,
    bearer: accessToken,
    signal,
    schema: TweetLookup,
  });
  const found = new Map((data.data ?? []).map((tweet) => [tweet.id, tweet]));
  // X names each post it could not find in `errors`, beside the ones it did.
  const gone = new Set(
    (data.errors ?? [])
      .filter((problem) => problem.type === NOT_FOUND)
      .map((problem) => problem.resource_id ?? problem.value),
  );
  const answers = new Map<string, MetricsAnswer>();
  for (const { externalId } of posts) {
    const tweet = found.get(externalId);
    if (tweet) answers.set(externalId, figuresAnswer(xFigures(tweet), tweet));
    else if (gone.has(externalId)) answers.set(externalId, REMOVED);
    else {
      const problem = data.errors?.find((p) => (p.resource_id ?? p.value) === externalId);
      throw new PlatformError(
        'permanent',
        `X did not return the post ${externalId}: ${problem?.detail ?? problem?.title ?? 'no reason given'}`,
      );
    }
  }
  return answers;
}

async function uploadImages(
  baseUrl: string,
  request: PublishRequest,
  call: { bearer: string; signal: AbortSignal; classify: ClassifyFailure },
): Promise<string[]> {
  const ids: string[] = [];
  for (const image of request.media) {
    const bytes = await imageBytes(() => image.read());
    const uploaded = await callPlatform({
      ...call,
      method: 'POST',
      url: `${baseUrl}/2/media/upload`,
      json: {
        media: Buffer.from(bytes).toString('base64'),
        media_category: 'tweet_image',
        media_type: image.mimeType,
      },
      schema: UploadedMedia,
    });
    const id = uploaded.data.data.id;
    if (image.altText) {
      await callPlatform({
        ...call,
        method: 'POST',
        url: `${baseUrl}/2/media/metadata`,
        json: { id, metadata: { alt_text: { text: image.altText } } },
        schema: z.unknown(),
      });
    }
    ids.push(id);
  }
  return ids;
}

/**
 * X gives `text` back with &, < and > escaped as HTML entities and every link wrapped in t.co (its
 * expanded_url may differ from what was typed, e.g. gain a scheme), so posts are compared with
 * their links taken out.
 */
function tweetWithoutLinks(tweet: z.infer<typeof Tweet>): string {
  const text = tweet.text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return withoutLinks(
    text,
    (tweet.entities?.urls ?? []).map(({ url }) => url),
  );
}

function withoutLinks(text: string, links: string[]): string {
  return links.reduce((rest, link) => rest.replace(link, '\u0000'), text);
}

function tweetUrl(handle: string, id: string): string {
  const user = handle.replace(/^@/, '');
  return user
    ? `https://x.com/${encodeURIComponent(user)}/status/${id}`
    : `https://x.com/i/web/status/${id}`;
}
