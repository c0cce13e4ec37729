// X's best-known client library, twitter-api-v2, against the sandbox: what a real X client sends
// is read as X reads it, and what the sandbox answers passes the library as X's answers do.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiResponseError, type TwitterApi } from 'twitter-api-v2';
import { refusedWith, xClient } from '@/tests/support/platform-clients';
import { startSandbox, type SandboxFixture } from '@/tests/support/sandbox-fixture';
import { SANDBOX_X_APP, sandboxToken, sandboxXOAuth1 } from '../credentials';

const ACCOUNT = '1001';
let fixture: SandboxFixture;
let base: string;
let user: TwitterApi;
beforeAll(async () => {
  fixture = await startSandbox();
  base = fixture.connection('x').baseUrl;
});
afterAll(() => fixture.sandbox.close());
beforeEach(async () => {
  await fixture.control('DELETE', '/_sandbox/posts');
  await fixture.control('DELETE', '/_sandbox/faults');
  user = xClient(base, sandboxToken('x', ACCOUNT));
});

const refusal = (call: Promise<unknown>) => refusedWith(ApiResponseError, call);

let counter = 0;
const text = (what: string) => `${what} (${(counter += 1)}): call Stop it Now on 0808 1000 900`;

describe('twitter-api-v2 against the sandbox', () => {
  it('posts with an OAuth 2.0 user token and reads the post back with X’s default fields only', async () => {
    const posted = await user.v2.tweet(text('Default fields'));
    expect(posted.data).toEqual({
      id: expect.stringMatching(/^\d+$/),
      text: expect.any(String),
      edit_history_tweet_ids: [posted.data.id],
    });
    const read = await user.v2.singleTweet(posted.data.id);
    expect(Object.keys(read.data).sort()).toEqual(['edit_history_tweet_ids', 'id', 'text']);
  });

  it('answers with the tweet.fields asked for and the expansions’ includes', async () => {
    const posted = await user.v2.tweet(text('Fields and expansions'));
    const read = await user.v2.singleTweet(posted.data.id, {
      'tweet.fields': ['created_at', 'author_id', 'public_metrics', 'lang'],
      expansions: ['author_id'],
      'user.fields': ['username', 'created_at'],
    });
    expect(read.data).toMatchObject({
      id: posted.data.id,
      author_id: ACCOUNT,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      public_metrics: {
        retweet_count: expect.any(Number),
        reply_count: expect.any(Number),
        like_count: expect.any(Number),
        quote_count: expect.any(Number),
        bookmark_count: expect.any(Number),
        impression_count: expect.any(Number),
      },
    });
    expect(read.data).not.toHaveProperty('non_public_metrics');
    expect(read.includes?.users).toEqual([
      expect.objectContaining({
        id: ACCOUNT,
        username: expect.any(String),
        name: expect.any(String),
      }),
    ]);
    expect(read.includes?.users?.[0]).toHaveProperty('created_at');
  });

  it('gives the author the non-public metrics (link clicks) and nobody else', async () => {
    const posted = await user.v2.tweet(text('Metrics'));
    const fields = { 'tweet.fields': ['public_metrics', 'non_public_metrics'] as const };
    const own = await user.v2.singleTweet(posted.data.id, {
      'tweet.fields': [...fields['tweet.fields']],
    });
    expect(own.data.non_public_metrics).toMatchObject({ url_link_clicks: expect.any(Number) });
    // To anyone else X gives the post without them, and says why beside it.
    const other = xClient(base, sandboxToken('x', '2002'));
    const theirs = await other.v2.singleTweet(posted.data.id, {
      'tweet.fields': [...fields['tweet.fields']],
    });
    expect(theirs.data).not.toHaveProperty('non_public_metrics');
    expect(theirs.errors).toEqual([
      expect.objectContaining({
        field: 'non_public_metrics',
        type: 'https://api.twitter.com/2/problems/not-authorized-for-field',
      }),
    ]);
  });

  it('looks several posts up at once (GET /2/tweets?ids=), naming the ones it cannot find', async () => {
    const first = await user.v2.tweet(text('First of two'));
    const second = await user.v2.tweet(text('Second of two'));
    const found = await user.v2.tweets([first.data.id, '1234567', second.data.id], {
      'tweet.fields': ['created_at'],
    });
    expect(found.data.map((tweet) => tweet.id)).toEqual([first.data.id, second.data.id]);
    expect(found.data[0]).toHaveProperty('created_at');
    expect(found.errors).toEqual([
      expect.objectContaining({ resource_id: '1234567', resource_type: 'tweet', parameter: 'ids' }),
    ]);
  });

  it('says who the token belongs to (GET /2/users/me)', async () => {
    const me = await user.v2.me({ 'user.fields': ['created_at', 'public_metrics'] });
    expect(me.data).toMatchObject({
      id: ACCOUNT,
      name: expect.any(String),
      username: expect.any(String),
      created_at: expect.any(String),
      public_metrics: { followers_count: expect.any(Number) },
    });
  });

  it('posts with OAuth 1.0a user context, and refuses a wrong signature', async () => {
    const oauth1 = xClient(base, sandboxXOAuth1(ACCOUNT));
    const posted = await oauth1.v2.tweet(text('OAuth 1.0a'));
    expect(fixture.sandbox.state.find('x', posted.data.id)?.account).toBe(ACCOUNT);
    const forged = xClient(base, { ...sandboxXOAuth1(ACCOUNT), accessSecret: 'guessed' });
    expect((await refusal(forged.v2.tweet(text('Forged')))).code).toBe(401);
  });

  it('refuses an unknown bearer token with 401 and an app-only token on POST /2/tweets with 403', async () => {
    const unknown = xClient(base, `${ACCOUNT}.sandbox-token`);
    expect((await refusal(unknown.v2.tweet(text('Unknown token')))).code).toBe(401);
    const app = await xClient(base, SANDBOX_X_APP).appLogin();
    const refused = await refusal(app.v2.tweet(text('App only')));
    expect(refused.code).toBe(403);
    expect(refused.data).toMatchObject({
      title: 'Unsupported Authentication',
      type: 'https://api.twitter.com/2/problems/unsupported-authentication',
    });
    // An app-only token may still read public posts.
    const posted = await user.v2.tweet(text('Read by the app'));
    expect((await app.v2.singleTweet(posted.data.id)).data.id).toBe(posted.data.id);
    expect(fixture.sandbox.state.list({ platform: 'x' })).toHaveLength(1);
  });

  it('refuses a repeated text with 403 duplicate content, as X does', async () => {
    const same = text('Said once');
    await user.v2.tweet(same);
    const refused = await refusal(user.v2.tweet(same));
    expect(refused.code).toBe(403);
    expect(refused.data).toMatchObject({
      detail: 'You are not allowed to create a Tweet with duplicate content.',
    });
  });

  it('renews with the library’s own refreshOAuth2Token; each refresh token works once', async () => {
    const client = xClient(base, { clientId: 'signpost-test-app' });
    const refreshToken = sandboxToken('x', ACCOUNT, {
      kind: 'refresh',
      client: 'signpost-test-app',
    });
    const renewed = await client.refreshOAuth2Token(refreshToken);
    expect(renewed).toMatchObject({ expiresIn: 7200, refreshToken: expect.any(String) });
    expect(renewed.scope).toEqual(expect.arrayContaining(['tweet.write', 'offline.access']));
    const posted = await renewed.client.v2.tweet(text('Renewed'));
    expect(fixture.sandbox.state.find('x', posted.data.id)?.account).toBe(ACCOUNT);
    const again = await refusal(client.refreshOAuth2Token(refreshToken));
    expect(again.code).toBe(400);
    expect(again.data).toMatchObject({ error: 'invalid_request' });
    // The rotated refresh token works (once) in its turn.
    await expect(client.refreshOAuth2Token(renewed.refreshToken ?? '')).resolves.toBeDefined();
  });

  it('uploads an image in chunks, sets its alt text and posts it', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    const mediaId = await user.v2.uploadMedia(png, { media_type: 'image/png' }, 32);
    await user.v2.createMediaMetadata(mediaId, { alt_text: { text: 'The helpline number' } });
    const posted = await user.v2.tweet({
      text: text('With an image'),
      media: { media_ids: [mediaId] },
    });
    expect(fixture.sandbox.state.find('x', posted.data.id)?.media).toEqual([
      expect.objectContaining({ altText: 'The helpline number', bytes: png.length }),
    ]);
    const read = await user.v2.singleTweet(posted.data.id, {
      expansions: ['attachments.media_keys'],
      'media.fields': ['alt_text', 'type'],
    });
    expect(read.data.attachments?.media_keys).toHaveLength(1);
    expect(read.includes?.media).toEqual([
      expect.objectContaining({ type: 'photo', alt_text: 'The helpline number' }),
    ]);
  });

  it('sends rate-limit headers on every answer, counting down', async () => {
    const first = await user.v2.get('users/me', undefined, { fullResponse: true });
    const second = await user.v2.get('users/me', undefined, { fullResponse: true });
    expect(first.rateLimit).toMatchObject({ limit: expect.any(Number), reset: expect.any(Number) });
    expect(second.rateLimit?.remaining).toBe((first.rateLimit?.remaining ?? 0) - 1);
    const same = text('Limited even when refused');
    await user.v2.tweet(same);
    expect((await refusal(user.v2.tweet(same))).rateLimit).toMatchObject({
      limit: expect.any(Number),
    });
  });

  it('is rate limited in the library’s terms when X answers 429', async () => {
    await fixture.control('POST', '/_sandbox/faults', {
      platform: 'x',
      kind: '429',
      count: 1,
      retryAfterSeconds: 60,
    });
    const refused = await refusal(user.v2.tweet(text('Too many')));
    expect(refused.rateLimitError).toBe(true);
    expect(refused.rateLimit?.remaining).toBe(0);
    expect(refused.rateLimit?.reset).toEqual(expect.any(Number));
  });

  it('refuses text over X’s limit, counted as X counts it', async () => {
    const refused = await refusal(user.v2.tweet('a'.repeat(281)));
    expect(refused.code).toBe(400);
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('too long') });
  });
});

describe('twitter-api-v2 reads the metrics', () => {
  it('looks up many posts with v2.tweets and their public and non-public figures, as set on the sandbox', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await user.v2.tweet(text('Figures'))).data.id);
    await fixture.control('POST', '/_sandbox/metrics', {
      platform: 'x',
      id: ids[1],
      metrics: { impression_count: 1500, like_count: 42, url_link_clicks: 17 },
    });
    const read = await user.v2.tweets(ids, {
      'tweet.fields': ['public_metrics', 'non_public_metrics'],
    });
    expect(read.data.map((tweet) => tweet.id)).toEqual(ids);
    for (const tweet of read.data) {
      expect(tweet.public_metrics).toEqual({
        retweet_count: expect.any(Number),
        reply_count: expect.any(Number),
        like_count: expect.any(Number),
        quote_count: expect.any(Number),
        bookmark_count: expect.any(Number),
        impression_count: expect.any(Number),
      });
    }
    expect(read.data[1]).toMatchObject({
      public_metrics: { impression_count: 1500, like_count: 42 },
      non_public_metrics: { url_link_clicks: 17 },
    });
  });

  it('names a deleted post in errors as resource-not-found, beside the ones found', async () => {
    const kept = (await user.v2.tweet(text('Kept'))).data.id;
    const gone = (await user.v2.tweet(text('Deleted'))).data.id;
    await fixture.control('DELETE', `/_sandbox/posts/x/${gone}`);
    const read = await user.v2.tweets([kept, gone], { 'tweet.fields': ['public_metrics'] });
    expect(read.data.map((tweet) => tweet.id)).toEqual([kept]);
    expect(read.errors).toEqual([
      expect.objectContaining({
        resource_id: gone,
        type: 'https://api.twitter.com/2/problems/resource-not-found',
      }),
    ]);
  });
});
