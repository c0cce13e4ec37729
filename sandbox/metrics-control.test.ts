// The sandbox's metrics controls and answers: adopting posts published before, setting a post's
// own figures, removing a post, Meta's #100 for retired metrics, and the state file.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxCredentialsFor } from './credentials';
import { createSandbox, type Sandbox } from './server';
import { keepStateFile } from './state-file';

let sandbox: Sandbox;
let control: string;
let platforms: Record<string, string>;
beforeAll(async () => {
  sandbox = createSandbox();
  ({ url: control, platforms } = await sandbox.listen(0));
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await call('DELETE', `${control}/_sandbox/posts`);
  await call('POST', `${control}/_sandbox/config`, { retiredMetrics: [] });
});

async function call(method: string, url: string, body?: unknown, token?: string) {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

async function adopt(platform: string, account: string, hoursAgo = 5) {
  const receivedAt = new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  const answer = await call('POST', `${control}/_sandbox/posts`, {
    platform,
    account,
    text: 'Adopted demo post',
    receivedAt,
  });
  expect(answer.status).toBe(201);
  return (answer.body as { id: string }).id;
}

const PAGE = '2002';
const pageToken = () => sandboxCredentialsFor('facebook', PAGE).pageAccessToken!;

describe('POST /_sandbox/posts', () => {
  it('adopts a post published two weeks ago, with an id in the platform’s form', async () => {
    const id = await adopt('facebook', PAGE, 24 * 14);
    expect(id).toMatch(/^2002_\d+$/);
    const listed = await call('GET', `${control}/_sandbox/posts?platform=facebook`);
    expect(listed.body).toEqual([
      expect.objectContaining({ id, account: PAGE, text: 'Adopted demo post' }),
    ]);
  });

  it('refuses a second post with the same id, and bad input naming the field', async () => {
    const body = {
      platform: 'x',
      account: '1001',
      id: '1234',
      text: 'Once',
      receivedAt: '2026-11-17T09:00:00Z',
    };
    expect((await call('POST', `${control}/_sandbox/posts`, body)).status).toBe(201);
    expect((await call('POST', `${control}/_sandbox/posts`, body)).status).toBe(409);
    const bad = await call('POST', `${control}/_sandbox/posts`, {
      ...body,
      receivedAt: 'yesterday',
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_failed', fields: { receivedAt: expect.any(String) } } },
    });
  });
});

describe('POST /_sandbox/metrics', () => {
  it('takes figures in the platform’s own names only, for a post it has', async () => {
    const id = await adopt('mastodon', '6006');
    const unknown = await call('POST', `${control}/_sandbox/metrics`, {
      platform: 'mastodon',
      id,
      metrics: { likeCount: 3 },
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: {
        error: { fields: { 'metrics.likeCount': expect.stringContaining('favourites_count') } },
      },
    });
    const missing = await call('POST', `${control}/_sandbox/metrics`, {
      platform: 'mastodon',
      id: '999',
      metrics: { favourites_count: 3 },
    });
    expect(missing.status).toBe(404);
    const set = await call('POST', `${control}/_sandbox/metrics`, {
      platform: 'mastodon',
      id,
      metrics: { favourites_count: 3 },
    });
    expect(set.status).toBe(200);
    const status = await call('GET', `${platforms.mastodon}/api/v1/statuses/${id}`);
    expect(status.body).toMatchObject({ favourites_count: 3 });
  });
});

describe('public Bluesky reads, as the public AppView answers them', () => {
  it('resolves a handle and reads getPosts without a session, and refuses an unknown handle', async () => {
    const did = 'did:plc:publicreadsexample00000';
    const uri = await adopt('bluesky', did);
    const handle = `${did.slice(8, 20)}.bsky.social`;
    const resolved = await call(
      'GET',
      `${platforms.bluesky}/xrpc/com.atproto.identity.resolveHandle?handle=${handle}`,
    );
    expect(resolved).toEqual({ status: 200, body: { did } });
    const unknown = await call(
      'GET',
      `${platforms.bluesky}/xrpc/com.atproto.identity.resolveHandle?handle=nobody.bsky.social`,
    );
    expect(unknown.status).toBe(400);
    const read = await call(
      'GET',
      `${platforms.bluesky}/xrpc/app.bsky.feed.getPosts?uris=${encodeURIComponent(uri)}`,
    );
    expect(read.status).toBe(200);
    expect((read.body as { posts: { uri: string }[] }).posts.map((post) => post.uri)).toEqual([
      uri,
    ]);
  });
});

describe('DELETE /_sandbox/posts/:platform/:id', () => {
  it('makes the post’s reads answer as the platform answers for a deleted post', async () => {
    const status = await adopt('mastodon', '6006');
    const post = await adopt('facebook', PAGE);
    for (const [platform, id] of [
      ['mastodon', status],
      ['facebook', post],
    ] as const)
      expect((await call('DELETE', `${control}/_sandbox/posts/${platform}/${id}`)).status).toBe(
        200,
      );
    expect(await call('GET', `${platforms.mastodon}/api/v1/statuses/${status}`)).toEqual({
      status: 404,
      body: { error: 'Record not found' },
    });
    const graph = await call(
      'GET',
      `${platforms.facebook}/${post}/insights?metric=post_media_view`,
      undefined,
      pageToken(),
    );
    expect(graph).toMatchObject({
      status: 400,
      body: { error: { code: 100, error_subcode: 33, type: 'GraphMethodException' } },
    });
    expect((await call('DELETE', `${control}/_sandbox/posts/facebook/${post}`)).status).toBe(404);
  });
});

describe('Meta’s retired metrics', () => {
  it('Facebook refuses post_impressions, and any metric the config retires, with #100 for the whole request', async () => {
    const post = await adopt('facebook', PAGE);
    const url = (metrics: string) => `${platforms.facebook}/${post}/insights?metric=${metrics}`;
    const refused = await call(
      'GET',
      url('post_media_view,post_impressions'),
      undefined,
      pageToken(),
    );
    expect(refused).toMatchObject({
      status: 400,
      body: {
        error: { code: 100, type: 'OAuthException', message: expect.stringMatching(/^\(#100\)/) },
      },
    });
    const fine = await call(
      'GET',
      url('post_media_view,post_clicks_by_type'),
      undefined,
      pageToken(),
    );
    expect(fine.status).toBe(200);
    expect((fine.body as { data: { name: string }[] }).data.map((m) => m.name)).toEqual([
      'post_media_view',
      'post_clicks_by_type',
    ]);
    await call('POST', `${control}/_sandbox/config`, { retiredMetrics: ['post_clicks_by_type'] });
    expect(
      (await call('GET', url('post_media_view,post_clicks_by_type'), undefined, pageToken()))
        .status,
    ).toBe(400);
  });

  it('Instagram refuses impressions and plays (removed in April 2025) with #100', async () => {
    const media = await adopt('instagram', '17841400000000003');
    const token = sandboxCredentialsFor('instagram', '17841400000000003').accessToken!;
    for (const metric of ['impressions', 'plays']) {
      const refused = await call(
        'GET',
        `${platforms.instagram}/${media}/insights?metric=views,${metric}`,
        undefined,
        token,
      );
      expect(refused).toMatchObject({
        status: 400,
        body: {
          error: {
            code: 100,
            message: expect.stringContaining(`the ${metric} metric is no longer supported`),
          },
        },
      });
    }
  });
});

describe('the state file', () => {
  it('keeps published posts and their set figures across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-state-'));
    const file = join(dir, 'state.json');
    const logger = pino({ level: 'silent' });
    try {
      const first = createSandbox();
      const kept = await keepStateFile(first.state, file, logger);
      const { url } = await first.listen(0);
      const receivedAt = '2026-11-17T09:00:00.000Z';
      const adopted = await call('POST', `${url}/_sandbox/posts`, {
        platform: 'bluesky',
        account: 'did:plc:lancspoliceexample0000',
        text: 'Kept',
        receivedAt,
      });
      const id = (adopted.body as { id: string }).id;
      await call('POST', `${url}/_sandbox/metrics`, {
        platform: 'bluesky',
        id,
        metrics: { likeCount: 12 },
      });
      await kept.flush();
      await first.close();
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 });

      const second = createSandbox();
      await keepStateFile(second.state, file, logger);
      const post = second.state.find('bluesky', id);
      expect(post?.receivedAt.toISOString()).toBe(receivedAt);
      expect(second.state.overrides('bluesky', id)).toEqual({ likeCount: 12 });
      // New ids never collide with the kept ones.
      expect(first.state.lastSequence).toBeGreaterThan(0);
      expect(second.state.lastSequence).toBe(first.state.lastSequence);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
