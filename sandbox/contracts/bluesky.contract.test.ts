// Bluesky's official client, @atproto/api 0.19, against the sandbox's PDS. The client validates
// every answer against the atproto lexicons (CIDs, TIDs, DIDs, handles, datetimes), so an answer
// in the wrong shape fails here as it would fail against a real PDS.
import { AtpAgent, RichText, XRPCError } from '@atproto/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refusedWith } from '@/tests/support/platform-clients';
import { startSandbox, type SandboxFixture } from '@/tests/support/sandbox-fixture';
import { sandboxAppPassword } from '../credentials';

const DID = 'did:plc:lancspoliceexample0000';
const OTHER = 'did:plc:someoneelseexample00000';
const CID = /^bafyrei[a-z2-7]{52}$/;
const BLOB_CID = /^bafkrei[a-z2-7]{52}$/;
const TID = /^[234567a-j][234567a-z]{12}$/;
let fixture: SandboxFixture;
let base: string;
let agent: AtpAgent;
beforeAll(async () => {
  fixture = await startSandbox();
  base = fixture.connection('bluesky').baseUrl;
});
afterAll(() => fixture.sandbox.close());
beforeEach(async () => {
  await fixture.control('DELETE', '/_sandbox/posts');
  await fixture.control('DELETE', '/_sandbox/faults');
  agent = new AtpAgent({ service: base });
  await agent.login({ identifier: DID, password: sandboxAppPassword(DID) });
});

const refusal = (call: Promise<unknown>) => refusedWith(XRPCError, call);

async function xrpc(method: string, nsid: string, token: string, body?: unknown) {
  const response = await fetch(`${base}/xrpc/${nsid}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('@atproto/api against the sandbox', () => {
  it('signs in with the account’s app password only, and knows its session', async () => {
    expect(agent.session).toMatchObject({ did: DID, handle: expect.stringMatching(/\./) });
    const session = await agent.com.atproto.server.getSession();
    expect(session.data).toMatchObject({ did: DID, active: true });
    const wrong = await refusal(
      new AtpAgent({ service: base }).login({ identifier: DID, password: 'abcd-efgh-ijkl-mnop' }),
    );
    expect(wrong).toMatchObject({ status: 401, error: 'AuthenticationRequired' });
    expect(wrong.message).toBe('Invalid identifier or password');
  });

  it('publishes a post with a valid CID and TID that are the record’s, and reads it back', async () => {
    const rt = new RichText({ text: 'Help is available: https://www.stopitnow.org.uk' });
    await rt.detectFacets(agent);
    const created = await agent.post({ text: rt.text, facets: rt.facets, langs: ['en'] });
    expect(created.cid).toMatch(CID);
    const rkey = created.uri.split('/').at(-1) ?? '';
    expect(rkey).toMatch(TID);
    const stored = await agent.com.atproto.repo.getRecord({
      repo: DID,
      collection: 'app.bsky.feed.post',
      rkey,
    });
    expect(stored.data.cid).toBe(created.cid);
    const { data } = await agent.getPosts({ uris: [created.uri] });
    expect(data.posts).toEqual([
      expect.objectContaining({
        uri: created.uri,
        cid: created.cid,
        author: expect.objectContaining({ did: DID }),
      }),
    ]);
    const feed = await agent.getAuthorFeed({ actor: DID, limit: 10 });
    expect(feed.data.feed.map(({ post }) => post.uri)).toEqual([created.uri]);
  });

  it('uploads a blob with a raw CID and embeds it as an image', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    const uploaded = await agent.uploadBlob(png, { encoding: 'image/png' });
    expect(uploaded.data.blob.ref.toString()).toMatch(BLOB_CID);
    const created = await agent.post({
      text: 'A poster',
      embed: {
        $type: 'app.bsky.embed.images',
        images: [{ alt: 'The helpline number', image: uploaded.data.blob }],
      },
    });
    const { data } = await agent.getPosts({ uris: [created.uri] });
    expect(data.posts[0]?.embed).toMatchObject({
      $type: 'app.bsky.embed.images#view',
      images: [expect.objectContaining({ alt: 'The helpline number' })],
    });
  });

  it('refreshes its session with refreshSession, and a refresh token works once', async () => {
    const before = agent.session!;
    await agent.sessionManager.refreshSession();
    expect(agent.session?.accessJwt).not.toBe(before.accessJwt);
    expect((await agent.com.atproto.server.getSession()).data.did).toBe(DID);
    const reused = await xrpc('POST', 'com.atproto.server.refreshSession', before.refreshJwt);
    expect(reused).toMatchObject({ status: 400, body: { error: 'ExpiredToken' } });
  });

  it('refuses a refresh token used as an access token', async () => {
    const refreshed = await xrpc('GET', 'com.atproto.server.getSession', agent.session!.refreshJwt);
    expect(refreshed).toMatchObject({
      status: 400,
      body: { error: 'InvalidToken', message: 'Bad token scope' },
    });
  });

  it('refuses an unsigned token, and a session writing into another account’s repository', async () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'none' })}.${encode({ scope: 'com.atproto.access', sub: OTHER, exp: 9_999_999_999 })}.`;
    const record = {
      $type: 'app.bsky.feed.post',
      text: 'Not mine',
      createdAt: new Date().toISOString(),
    };
    const forged = await xrpc('POST', 'com.atproto.repo.createRecord', unsigned, {
      repo: OTHER,
      collection: 'app.bsky.feed.post',
      record,
    });
    expect(forged).toMatchObject({ status: 400, body: { error: 'InvalidToken' } });
    const elsewhere = await refusal(
      agent.com.atproto.repo.createRecord({
        repo: OTHER,
        collection: 'app.bsky.feed.post',
        record,
      }),
    );
    expect(elsewhere).toMatchObject({ status: 401, error: 'AuthenticationRequired' });
    expect(fixture.sandbox.state.list({ platform: 'bluesky' })).toEqual([]);
  });

  it('answers a method it does not implement with XRPC’s 501', async () => {
    const unimplemented = await refusal(agent.app.bsky.actor.getPreferences());
    expect(unimplemented).toMatchObject({ status: 501, error: 'MethodNotImplemented' });
  });

  it('refuses an invalid record in the PDS’s words', async () => {
    const refused = await refusal(agent.post({ text: 'a'.repeat(301) }));
    expect(refused).toMatchObject({ status: 400, error: 'InvalidRequest' });
    expect(refused.message).toContain('Record/text must not be longer than 300 graphemes');
  });

  it('sends its rate-limit headers with every answer', async () => {
    const { headers } = await agent.com.atproto.server.getSession();
    expect(headers).toMatchObject({
      'ratelimit-limit': expect.any(String),
      'ratelimit-remaining': expect.any(String),
      'ratelimit-reset': expect.stringMatching(/^\d+$/),
      'ratelimit-policy': expect.stringMatching(/^\d+;w=\d+$/),
    });
  });
});

describe('@atproto/api reads the metrics', () => {
  it('reads many posts’ counts with getPosts, and leaves out a deleted one', async () => {
    const uris: string[] = [];
    for (let i = 0; i < 3; i++) uris.push((await agent.post({ text: `Counts ${i}` })).uri);
    await fixture.control('POST', '/_sandbox/metrics', {
      platform: 'bluesky',
      id: uris[0],
      metrics: { likeCount: 31, repostCount: 4, replyCount: 2, quoteCount: 1 },
    });
    await fixture.control('DELETE', `/_sandbox/posts/bluesky/${encodeURIComponent(uris[2]!)}`);
    const { data } = await agent.getPosts({ uris });
    expect(data.posts.map((post) => post.uri)).toEqual(uris.slice(0, 2));
    expect(data.posts[0]).toMatchObject({
      likeCount: 31,
      repostCount: 4,
      replyCount: 2,
      quoteCount: 1,
    });
  });
});
