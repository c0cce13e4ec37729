// The behaviours particular to one platform, each proved against the sandbox over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ORGANISATIONS } from '@/prisma/seed-data';
import { DEFAULT_SIGNPOST } from '../../signpost/default-signpost';
import { renderPost } from '../../signpost/render-post';
import { taggedUrl } from '../../signpost/tagged-url';
import { PlatformError } from '../adapter';
import { adapters } from './registry';
import {
  image,
  postRequest,
  signal,
  startSandbox,
  type SandboxFixture,
} from '@/tests/support/sandbox-fixture';

let fixture: SandboxFixture;
let clock = new Date('2026-03-01T09:00:00Z');
beforeAll(async () => {
  fixture = await startSandbox({ now: () => clock });
});
afterAll(() => fixture.sandbox.close());
beforeEach(async () => {
  clock = new Date('2026-03-01T09:00:00Z');
  await fixture.control('DELETE', '/_sandbox/posts');
  await fixture.control('DELETE', '/_sandbox/faults');
});
const before = () => new Date(clock.getTime() - 1000);

describe('Bluesky', () => {
  it('sends each link as a facet over the link’s UTF-8 bytes', async () => {
    const text = '💬 Worried? 👉 https://www.stopitnow.org.uk/help and 0808 1000 900';
    const result = await adapters.bluesky.publish(
      fixture.connection('bluesky'),
      postRequest(text),
      signal(),
    );
    const post = fixture.sandbox.state.find('bluesky', result.externalId);
    const record = post?.extra.record as {
      facets: { index: { byteStart: number; byteEnd: number }; features: { uri: string }[] }[];
    };
    const [facet] = record.facets;
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.subarray(facet?.index.byteStart, facet?.index.byteEnd).toString('utf8')).toBe(
      'https://www.stopitnow.org.uk/help',
    );
    expect(facet?.features[0]?.uri).toBe('https://www.stopitnow.org.uk/help');
  });

  it('publishes the signpost as its short address, linked by a facet to the full tagged URL', async () => {
    const organisation = ORGANISATIONS.find((candidate) => candidate.slug === 'cumbria')!;
    const campaignSlug = 'stop-it-now-north-west';
    const rendered = renderPost('bluesky', {
      body: '👨‍👩‍👧 Worried about someone’s online behaviour in {area}?',
      organisation,
      campaignSlug,
      signpost: DEFAULT_SIGNPOST,
      media: [],
    });
    const tagged = taggedUrl(DEFAULT_SIGNPOST.url, {
      platform: 'bluesky',
      campaignSlug,
      organisationSlug: 'cumbria',
    });
    const connection = fixture.connection('bluesky');
    const request = { postId: 'post-facet', text: rendered.text, links: rendered.links, media: [] };
    const result = await adapters.bluesky.publish(connection, request, signal());

    const record = fixture.sandbox.state.find('bluesky', result.externalId)?.extra.record as {
      text: string;
      facets: { index: { byteStart: number; byteEnd: number }; features: object[] }[];
    };
    expect(record.text).toBe(rendered.text);
    expect(record.text).not.toContain('utm_');
    const [facet] = record.facets;
    expect(facet?.features).toEqual([{ $type: 'app.bsky.richtext.facet#link', uri: tagged }]);
    const bytes = Buffer.from(record.text, 'utf8');
    expect(bytes.subarray(facet?.index.byteStart, facet?.index.byteEnd).toString('utf8')).toBe(
      'get-help.stopitnow.org.uk',
    );

    // The control surface shows the text as the app does, and where its link leads.
    const { body } = await fixture.control('GET', '/_sandbox/posts?platform=bluesky');
    expect(body).toMatchObject([{ text: rendered.text, links: rendered.links }]);
    // A post whose outcome was unknown is found again by its text.
    const found = await adapters.bluesky.findExisting(connection, request, before(), signal());
    expect(found?.externalId).toBe(result.externalId);
  });

  it('refuses a link facet without a uri, as Bluesky does', async () => {
    const request = postRequest('Visit get-help.stopitnow.org.uk');
    const links = request.links.map((link) => ({ ...link, url: 'not a uri' }));
    const refused = await adapters.bluesky
      .publish(fixture.connection('bluesky'), { ...request, links }, signal())
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(PlatformError);
    expect((refused as PlatformError).message).toContain('Record/facets/0/features/0/uri');
  });

  /** Counts the calls to each session method the adapter makes while `work` runs. */
  async function sessionCalls(work: () => Promise<unknown>) {
    const calls = { createSession: 0, refreshSession: 0 };
    const counting = (req: { url?: string }) => {
      if (req.url?.includes('createSession')) calls.createSession += 1;
      if (req.url?.includes('refreshSession')) calls.refreshSession += 1;
    };
    fixture.sandbox.servers.bluesky.on('request', counting);
    try {
      await work();
    } finally {
      fixture.sandbox.servers.bluesky.off('request', counting);
    }
    return calls;
  }

  it('keeps one session per channel instead of signing in for every call', async () => {
    const connection = { ...fixture.connection('bluesky'), channelId: 'bluesky-session-test' };
    const calls = await sessionCalls(async () => {
      await adapters.bluesky.publish(connection, postRequest('First post'), signal());
      await adapters.bluesky.publish(connection, postRequest('Second post'), signal());
    });
    expect(calls).toEqual({ createSession: 1, refreshSession: 0 });
  });

  it('renews an expired access token with refreshSession, not a new sign-in, and publishes once', async () => {
    const connection = { ...fixture.connection('bluesky'), channelId: 'bluesky-expiry-test' };
    await adapters.bluesky.publish(connection, postRequest('Before the token expires'), signal());
    clock = new Date(clock.getTime() + 3 * 3_600_000);
    const calls = await sessionCalls(() =>
      adapters.bluesky.publish(connection, postRequest('After the token expired'), signal()),
    );
    expect(calls).toEqual({ createSession: 0, refreshSession: 1 });
    const texts = fixture.sandbox.state.list({ platform: 'bluesky' }).map((post) => post.text);
    expect(texts).toEqual(['Before the token expires', 'After the token expired']);
  });

  it('signs in again when the refresh token has expired too', async () => {
    const connection = { ...fixture.connection('bluesky'), channelId: 'bluesky-long-gap-test' };
    await adapters.bluesky.publish(connection, postRequest('Before a long gap'), signal());
    clock = new Date(clock.getTime() + 91 * 86_400_000);
    const calls = await sessionCalls(() =>
      adapters.bluesky.publish(connection, postRequest('After a long gap'), signal()),
    );
    expect(calls).toEqual({ createSession: 1, refreshSession: 1 });
    expect(fixture.sandbox.state.list({ platform: 'bluesky' })).toHaveLength(2);
  });

  it('publishes the same image from two accounts: each repository holds its own blob', async () => {
    const other = {
      ...fixture.connection('bluesky'),
      channelId: 'bluesky-second-account',
      externalAccountId: 'did:plc:cheshirepoliceexample000',
      credentials: {
        identifier: 'did:plc:cheshirepoliceexample000',
        appPassword: fixture.issue.appPassword('did:plc:cheshirepoliceexample000'),
      },
    };
    for (const connection of [fixture.connection('bluesky'), other]) {
      await adapters.bluesky.publish(
        connection,
        postRequest('Poster', [image('Poster')]),
        signal(),
      );
    }
    expect(fixture.sandbox.state.list({ platform: 'bluesky' }).map((post) => post.account)).toEqual(
      ['did:plc:lancspoliceexample0000', 'did:plc:cheshirepoliceexample000'],
    );
  });

  it('is refused, for good, with an app password that is not the account’s', async () => {
    const connection = {
      ...fixture.connection('bluesky'),
      channelId: 'bluesky-wrong-password-test',
      credentials: {
        identifier: 'did:plc:lancspoliceexample0000',
        appPassword: 'aaaa-bbbb-cccc-dddd',
      },
    };
    const error = await adapters.bluesky
      .publish(connection, postRequest('Never sent'), signal())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth', message: 'Invalid identifier or password' });
  });
});

describe('LinkedIn', () => {
  it('escapes the commentary so every reserved character arrives intact', async () => {
    const text =
      'Call (0808) 1000 900 #StopItNow — see https://www.stopitnow.org.uk/?utm_source=signpost_lancs [free] *confidential* @ {any} time <24/7> ~ \\ |';
    const connection = fixture.connection('linkedin');
    const result = await adapters.linkedin.publish(connection, postRequest(text), signal());
    expect(fixture.sandbox.state.find('linkedin', result.externalId)?.text).toBe(text);
    const found = await adapters.linkedin.findExisting(
      connection,
      postRequest(text),
      before(),
      signal(),
    );
    expect(found?.externalId).toBe(result.externalId);
  });

  it('reports statistics for organisation pages only', async () => {
    const person = { ...fixture.connection('linkedin'), externalAccountId: 'urn:li:person:abc' };
    const error = await adapters.linkedin
      .metrics(person, [{ externalId: 'urn:li:share:1', publishedAt: clock }], signal(), clock)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
  });
});

describe('Mastodon', () => {
  it('sends the Signpost post id as Idempotency-Key, so a retried publish posts once', async () => {
    const connection = fixture.connection('mastodon');
    const request = postRequest('Help is available: 0808 1000 900');
    const first = await adapters.mastodon.publish(connection, request, signal());
    const retried = await adapters.mastodon.publish(connection, request, signal());
    expect(retried.externalId).toBe(first.externalId);
    expect(fixture.sandbox.state.list({ platform: 'mastodon' })).toHaveLength(1);
    await adapters.mastodon.publish(
      connection,
      postRequest('Help is available: 0808 1000 900'),
      signal(),
    );
    expect(fixture.sandbox.state.list({ platform: 'mastodon' })).toHaveLength(2);
  });

  it('uploads the image with its description', async () => {
    const result = await adapters.mastodon.publish(
      fixture.connection('mastodon'),
      postRequest('Poster', [image('Poster text')]),
      signal(),
    );
    expect(fixture.sandbox.state.find('mastodon', result.externalId)?.media[0]).toMatchObject({
      altText: 'Poster text',
      mimeType: 'image/png',
      bytes: 68,
    });
  });
});

describe('X', () => {
  it('finds a post although X gives its links back wrapped in t.co and & escaped', async () => {
    const text =
      'Advice & support <free>: stopitnow.org.uk/help and https://get-help.example/a?b=1&c=2';
    const result = await adapters.x.publish(fixture.connection('x'), postRequest(text), signal());
    const found = await adapters.x.findExisting(
      fixture.connection('x'),
      postRequest(text),
      before(),
      signal(),
    );
    expect(found?.externalId).toBe(result.externalId);
  });

  it('fails a repeated text for good, in X’s words (403 duplicate content is no auth failure)', async () => {
    const text = 'Worried about your thoughts? Stop it Now: 0808 1000 900';
    await adapters.x.publish(fixture.connection('x'), postRequest(text), signal());
    const error = await adapters.x
      .publish(fixture.connection('x'), postRequest(text), signal())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'permanent',
      message: 'You are not allowed to create a Tweet with duplicate content.',
      options: { httpStatus: 403 },
    });
  });

  it('uploads images and sets their alt text before posting', async () => {
    const request = postRequest('Two posters', [
      image('First poster', 'a'),
      image('Second poster', 'b'),
    ]);
    const result = await adapters.x.publish(fixture.connection('x'), request, signal());
    expect(fixture.sandbox.state.find('x', result.externalId)?.media.map((m) => m.altText)).toEqual(
      ['First poster', 'Second poster'],
    );
  });

  describe('OAuth 2.0 token renewal', () => {
    const renewal = adapters.x.tokenRenewal!;
    const oauth = (credentials: Record<string, string>) => ({
      ...fixture.connection('x'),
      credentials: { accessToken: 'revoked-long-ago', clientId: 'app', ...credentials },
    });
    const refreshToken = () => fixture.issue.token('x', '1001', { kind: 'refresh', client: 'app' });

    it('is due five minutes before expiry, and only with a refresh token and a client id', () => {
      const at = (minutes: number) => new Date(clock.getTime() + minutes * 60_000).toISOString();
      const credentials = { accessToken: 'a', refreshToken: 'r', clientId: 'app' };
      expect(renewal.due({ ...credentials, expiresAt: at(6) }, clock)).toBe(false);
      expect(renewal.due({ ...credentials, expiresAt: at(4) }, clock)).toBe(true);
      expect(renewal.due({ ...credentials, expiresAt: at(-60) }, clock)).toBe(true);
      expect(renewal.due({ accessToken: 'a', refreshToken: 'r', expiresAt: at(-1) }, clock)).toBe(
        false,
      );
      expect(renewal.due({ accessToken: 'a', clientId: 'app', expiresAt: at(-1) }, clock)).toBe(
        false,
      );
      // Without an expiry there is nothing to renew ahead of; a 401 still renews it.
      expect(renewal.due(credentials, clock)).toBe(false);
      expect(renewal.renewable(credentials)).toBe(true);
      expect(renewal.renewable({ accessToken: 'a' })).toBe(false);
    });

    it('trades the refresh token for a new pair, which then publishes', async () => {
      const first = refreshToken();
      const renewed = await renewal.renew(oauth({ refreshToken: first }), clock, signal());
      expect(renewed).toMatchObject({ clientId: 'app', refreshToken: expect.any(String) });
      expect(renewed.accessToken).not.toBe('revoked-long-ago');
      expect(renewed.refreshToken).not.toBe(first);
      expect(renewed.expiresAt).toBe(new Date(clock.getTime() + 7200_000).toISOString());
      const result = await adapters.x.publish(
        { ...fixture.connection('x'), credentials: renewed },
        postRequest('Published with a renewed token'),
        signal(),
      );
      expect(fixture.sandbox.state.find('x', result.externalId)?.account).toBe('1001');
    });

    it('signs in as a confidential client with Basic auth when there is a client secret', async () => {
      const renewed = await renewal.renew(
        oauth({ refreshToken: refreshToken(), clientSecret: fixture.issue.xClientSecret('app') }),
        clock,
        signal(),
      );
      expect(renewed.clientSecret).toBe(fixture.issue.xClientSecret('app'));
    });

    it('is refused with a client secret that is not the client’s', async () => {
      const error = await renewal
        .renew(oauth({ refreshToken: refreshToken(), clientSecret: 'guessed' }), clock, signal())
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'auth', message: /Missing valid authorization header/ });
    });

    it('refuses a refresh token used before as an auth failure naming the cause', async () => {
      const connection = oauth({ refreshToken: refreshToken() });
      await renewal.renew(connection, clock, signal());
      const error = await renewal.renew(connection, clock, signal()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlatformError);
      expect(error).toMatchObject({
        kind: 'auth',
        message:
          'the access token could not be renewed (Value passed for the token was invalid.); connect the account again',
      });
    });

    it('an expired token is refused with 401, as X does', async () => {
      const renewed = await renewal.renew(oauth({ refreshToken: refreshToken() }), clock, signal());
      clock = new Date(clock.getTime() + 7201_000);
      const error = await adapters.x
        .publish(
          { ...fixture.connection('x'), credentials: renewed },
          postRequest('Too late'),
          signal(),
        )
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'auth', options: { httpStatus: 401 } });
    });
  });
});

describe('Instagram', () => {
  it('refuses a caption without an image, as Instagram does', async () => {
    const error = await adapters.instagram
      .publish(fixture.connection('instagram'), postRequest('Caption only'), signal())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'permanent',
      message: '(#100) The parameter image_url is required.',
    });
  });

  it('publishes several images as one carousel', async () => {
    const request = postRequest('Carousel', [image('One', 'a'), image('Two', 'b')]);
    const result = await adapters.instagram.publish(
      fixture.connection('instagram'),
      request,
      signal(),
    );
    const post = fixture.sandbox.state.find('instagram', result.externalId);
    expect(post?.media.map((m) => m.altText)).toEqual(['One', 'Two']);
    expect(result.externalUrl).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
  });
});

describe('Facebook', () => {
  it('publishes several photos as one post', async () => {
    const request = postRequest('Two photos', [image('One', 'a'), image('Two', 'b')]);
    const result = await adapters.facebook.publish(
      fixture.connection('facebook'),
      request,
      signal(),
    );
    expect(fixture.sandbox.state.list({ platform: 'facebook' })).toHaveLength(1);
    expect(fixture.sandbox.state.find('facebook', result.externalId)?.media).toHaveLength(2);
  });
});

describe('metrics', () => {
  it('grow as time passes since publishing', async () => {
    const connection = fixture.connection('facebook');
    const result = await adapters.facebook.publish(
      connection,
      postRequest('Reach over time'),
      signal(),
    );
    const posts = [{ externalId: result.externalId, publishedAt: clock }];
    const views = async () => {
      const answer = (await adapters.facebook.metrics(connection, posts, signal(), clock)).get(
        result.externalId,
      );
      return answer?.kind === 'figures' ? answer.figures : null;
    };
    clock = new Date(clock.getTime() + 3_600_000);
    const early = await views();
    clock = new Date(clock.getTime() + 47 * 3_600_000);
    const later = await views();
    expect(later?.views).toBeGreaterThan(early?.views ?? Infinity);
    expect(later?.reactions).toBeGreaterThanOrEqual(early?.reactions ?? Infinity);
  });
});
