// The sandbox's control surface and its own validation, over raw HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_PORT_OFFSETS, sandboxBaseUrl } from '@/lib/platforms/base-urls';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';
import { sandboxAppPassword, sandboxToken } from './credentials';
import { createSandbox, type Sandbox } from './server';

let sandbox: Sandbox;
let url: string;
let platforms: Record<Platform, string>;
beforeAll(async () => {
  sandbox = createSandbox();
  ({ url, platforms } = await sandbox.listen(0));
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await call('DELETE', '/_sandbox/posts');
  await call('DELETE', '/_sandbox/faults');
  await call('POST', '/_sandbox/config', { latencyMs: 0, quotas: true });
});

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  // A path under a platform's root (`x:/2/tweets`) goes to that platform's own port.
  const [, platform, rest] = /^([a-z]+):(\/.*)$/.exec(path) ?? [];
  const target = platform && rest ? `${platforms[platform as Platform]}${rest}` : `${url}${path}`;
  const response = await fetch(target, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as unknown) : null,
  };
}

const tweet = (text: string, token = sandboxToken('x', '1001')) =>
  call('POST', 'x:/2/tweets', { text }, { authorization: `Bearer ${token}` });

describe('the control surface', () => {
  it('lists what was published, filtered by platform and account, and forgets it on request', async () => {
    await tweet('One', sandboxToken('x', '1001'));
    await tweet('Two', sandboxToken('x', '2002'));
    const all = await call('GET', '/_sandbox/posts');
    expect(all.body).toHaveLength(2);
    const one = await call('GET', '/_sandbox/posts?platform=x&account=2002');
    expect(one.body).toEqual([
      {
        platform: 'x',
        account: '2002',
        id: expect.any(String),
        text: 'Two',
        media: [],
        receivedAt: expect.any(String),
      },
    ]);
    expect((await call('DELETE', '/_sandbox/posts')).body).toEqual({ deleted: 2 });
    expect((await call('GET', '/_sandbox/posts')).body).toEqual([]);
  });

  it('fails the next `count` publish calls of the platform and account, then recovers', async () => {
    await call('POST', '/_sandbox/faults', {
      platform: 'x',
      account: '1001',
      kind: '500',
      count: 2,
    });
    expect((await tweet('Other account', sandboxToken('x', '3003'))).status).toBe(201);
    expect((await tweet('First')).status).toBe(500);
    expect((await tweet('Second')).status).toBe(500);
    expect((await tweet('Third')).status).toBe(201);
    expect((await call('GET', '/_sandbox/faults')).body).toEqual([]);
  });

  it('answers a 429 fault with Retry-After and the platform’s own rate-limit headers', async () => {
    await call('POST', '/_sandbox/faults', {
      platform: 'x',
      kind: '429',
      count: 1,
      retryAfterSeconds: 42,
    });
    const limited = await tweet('Limited');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('42');
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
  });

  it('refuses bad control input with 400 naming each field', async () => {
    const fault = await call('POST', '/_sandbox/faults', {
      platform: 'myspace',
      kind: 'slow',
      count: 0,
    });
    expect(fault.status).toBe(400);
    expect(fault.body).toMatchObject({
      error: {
        code: 'validation_failed',
        fields: {
          platform: expect.any(String),
          kind: expect.any(String),
          count: expect.any(String),
        },
      },
    });
    expect((await call('POST', '/_sandbox/config', { latencyMs: -1 })).status).toBe(400);
    expect((await call('POST', '/_sandbox/config', { latencyMs: 5, extra: true })).status).toBe(
      400,
    );
    expect((await call('GET', '/_sandbox/posts?platform=friendster')).status).toBe(400);
    expect((await call('POST', '/_sandbox/faults')).status).toBe(400);
    expect((await call('GET', '/_sandbox/nothing')).status).toBe(404);
  });

  it('lifts the quotas on request: X then takes a repeated text, and counts nothing', async () => {
    expect((await call('POST', '/_sandbox/config', { quotas: false })).body).toEqual({
      latencyMs: 0,
      quotas: false,
      retiredMetrics: [],
    });
    expect((await tweet('Again and again')).status).toBe(201);
    const again = await tweet('Again and again');
    expect(again.status).toBe(201);
    expect(again.headers.get('x-rate-limit-remaining')).toBe(
      again.headers.get('x-rate-limit-limit'),
    );
    await call('POST', '/_sandbox/config', { quotas: true });
    expect((await tweet('Again and again')).status).toBe(403);
  });

  it('adds the configured latency to platform calls and reports it', async () => {
    expect((await call('POST', '/_sandbox/config', { latencyMs: 25 })).body).toEqual({
      latencyMs: 25,
      quotas: true,
      retiredMetrics: [],
    });
    expect((await call('GET', '/_sandbox/health')).body).toMatchObject({
      status: 'ok',
      latencyMs: 25,
    });
  });

  it('closes while an answer is held by a timeout fault', async () => {
    const held = createSandbox();
    const { url: heldUrl } = await held.listen(0);
    await fetch(`${heldUrl}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'mastodon', kind: 'timeout', count: 1 }),
    });
    const pending = fetch(`${sandboxBaseUrl('mastodon', heldUrl)}/api/v1/statuses`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandboxToken('mastodon', '6006')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ status: 'Held' }),
    }).catch((error: unknown) => error);
    await expect
      .poll(() => held.state.list({ platform: 'mastodon' }).map((post) => post.text))
      .toEqual(['Held']);
    await held.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});

describe('platform validation', () => {
  it('serves each platform at the root of a port of its own, after the control surface’s', async () => {
    const port = Number(new URL(url).port);
    for (const platform of PLATFORMS) {
      expect(new URL(platforms[platform]).port).toBe(String(port + SANDBOX_PORT_OFFSETS[platform]));
      expect(platforms[platform]).toBe(sandboxBaseUrl(platform, url));
    }
    // Versioned APIs keep their version as the live root has it.
    expect(sandboxBaseUrl('facebook', 'http://127.0.0.1:4010/')).toBe(
      'http://127.0.0.1:4012/v23.0',
    );
    expect(sandboxBaseUrl('threads', 'http://127.0.0.1:4010')).toBe('http://127.0.0.1:4015/v1.0');
    expect(sandboxBaseUrl('mastodon', 'http://sandbox:4010')).toBe('http://sandbox:4017');
    // A client that resolves `/api/v1/…` against the root (as masto does) reaches Mastodon.
    const resolved = await fetch(new URL('/api/v1/statuses/1', platforms.mastodon));
    expect(await resolved.json()).toEqual({ error: expect.any(String) });
    expect((await call('GET', '/_sandbox/health')).body).toMatchObject({ platforms });
  });

  it('answers only its own platform on each port, and only the control surface on its own', async () => {
    const elsewhere = await fetch(`${platforms.facebook}/2/tweets`, { method: 'POST' });
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ error: { type: expect.any(String) } });
    expect((await fetch(`${url}/2/tweets`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${platforms.x}/_sandbox/health`)).status).toBe(404);
  });

  it('refuses a publish without a token in the platform’s own shape', async () => {
    const x = await call('POST', 'x:/2/tweets', { text: 'No token' });
    expect(x).toMatchObject({ status: 401, body: { title: 'Unauthorized', type: 'about:blank' } });
    const meta = await call('POST', 'facebook:/2002/feed', { message: 'No token' });
    expect(meta).toMatchObject({
      status: 400,
      body: { error: { type: 'OAuthException', code: 104 } },
    });
    const bluesky = await call('POST', 'bluesky:/xrpc/com.atproto.repo.createRecord', {});
    expect(bluesky).toMatchObject({ status: 401, body: { error: 'AuthenticationRequired' } });
  });

  it('names the missing field', async () => {
    const missing = await call(
      'POST',
      'nextdoor:/external/api/partner/v1/post/create/',
      {},
      { authorization: `Bearer ${sandboxToken('nextdoor', '7007')}` },
    );
    expect(missing).toMatchObject({
      status: 400,
      body: { error: 'invalid_input', error_description: expect.stringContaining('body_text') },
    });
  });

  it('requires LinkedIn’s version and Rest.li protocol headers', async () => {
    const auth = { authorization: `Bearer ${sandboxToken('linkedin', 'urn:li:organization:1')}` };
    const noVersion = await call(
      'GET',
      'linkedin:/rest/posts?q=author&author=urn%3Ali%3Aorganization%3A1',
      undefined,
      auth,
    );
    expect(noVersion).toMatchObject({ status: 426, body: { code: 'NONEXISTENT_VERSION' } });
    const noProtocol = await call(
      'GET',
      'linkedin:/rest/posts?q=author&author=urn%3Ali%3Aorganization%3A1',
      undefined,
      { ...auth, 'linkedin-version': '202610' },
    );
    expect(noProtocol.status).toBe(400);
  });

  it('refuses an expired Bluesky session with ExpiredToken, and one it did not sign with InvalidToken', async () => {
    let clock = new Date('2026-03-01T09:00:00Z');
    const pds = createSandbox({ now: () => clock });
    const { platforms: own } = await pds.listen(0);
    const did = 'did:plc:lancspoliceexample0000';
    const signIn = await fetch(`${own.bluesky}/xrpc/com.atproto.server.createSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: did, password: sandboxAppPassword(did) }),
    });
    const { accessJwt } = (await signIn.json()) as { accessJwt: string };
    const getPosts = async (token: string) => {
      const response = await fetch(
        `${own.bluesky}/xrpc/app.bsky.feed.getPosts?uris=at://${did}/app.bsky.feed.post/3l2s7zcpcmx2a`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      return { status: response.status, body: (await response.json()) as unknown };
    };
    expect((await getPosts(accessJwt)).status).toBe(200);
    clock = new Date(clock.getTime() + 3 * 3_600_000);
    expect(await getPosts(accessJwt)).toMatchObject({
      status: 400,
      body: { error: 'ExpiredToken' },
    });
    const [header, payload] = accessJwt.split('.');
    expect(await getPosts(`${header}.${payload}.forged`)).toMatchObject({
      status: 400,
      body: { error: 'InvalidToken', message: 'Token could not be verified' },
    });
    await pds.close();
  });

  it('answers an unknown path with the platform’s 404 and a non-platform path with 404', async () => {
    expect((await call('GET', 'mastodon:/api/v9/nothing')).status).toBe(404);
    expect((await call('GET', '/myspace/api')).status).toBe(404);
  });
});
