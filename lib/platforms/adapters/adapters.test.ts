// Every real adapter against the in-process sandbox: real HTTP, no mocks of fetch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError } from '../adapter';
import { platformRules } from '../rules';
import { PLATFORMS, type Platform } from '../types';
import { adapters, credentialsSchemas } from './registry';
import {
  image,
  mediaFor,
  postRequest,
  signal,
  startSandbox,
  type SandboxFixture,
} from '@/tests/support/sandbox-fixture';

let fixture: SandboxFixture;
beforeAll(async () => {
  fixture = await startSandbox();
});
afterAll(() => fixture.sandbox.close());
beforeEach(async () => {
  await fixture.control('DELETE', '/_sandbox/posts');
  await fixture.control('DELETE', '/_sandbox/faults');
});

/** Each platform's own words when a post is over its limit. */
const OVER_LIMIT_MESSAGES: Record<Platform, string> = {
  x: 'Your Tweet text is too long',
  facebook: 'Param message must be at most 63206 characters',
  instagram: 'The caption is too long',
  linkedin:
    'ShareCommentary text length (3001 characters) exceeded the maximum allowed (3000 characters)',
  threads: 'Param text must be at most 500 characters',
  bluesky: 'Record/text must not be longer than 300 graphemes',
  mastodon: 'Text character limit of 500 exceeded',
  nextdoor: 'body_text cannot be longer than 8192 characters',
};

async function caught(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof PlatformError))
    throw new Error(`expected a PlatformError, got ${String(error)}`);
  return error;
}

async function published(platform: Platform) {
  const { body } = await fixture.control('GET', `/_sandbox/posts?platform=${platform}`);
  return body as {
    id: string;
    account: string;
    text: string;
    media: { altText: string | null }[];
  }[];
}

describe.each(PLATFORMS)('the %s adapter', (platform) => {
  const adapter = adapters[platform];
  const connection = () => fixture.connection(platform);
  const text = `Worried about your thoughts? Call Stop it Now on 0808 1000 900 or visit https://www.stopitnow.org.uk/concerned-about-your-own-thoughts-or-behaviour/ (${platform})`;

  it('publishes the text exactly, to the channel’s account, and finds it again', async () => {
    const request = postRequest(text, mediaFor(platform));
    const since = new Date(Date.now() - 1000);
    const result = await adapter.publish(connection(), request, signal());
    const [post, ...others] = await published(platform);
    expect(others).toHaveLength(0);
    expect(post).toMatchObject({
      id: result.externalId,
      account: connection().externalAccountId,
      text,
    });
    const found = await adapter.findExisting(connection(), request, since, signal());
    expect(found?.externalId).toBe(result.externalId);
  });

  it('finds nothing when the post is not there', async () => {
    await adapter.publish(
      connection(),
      postRequest(`${text} (another)`, mediaFor(platform)),
      signal(),
    );
    const found = await adapter.findExisting(
      connection(),
      postRequest(text),
      new Date(Date.now() - 60_000),
      signal(),
    );
    expect(found).toBeNull();
  });

  it('publishes an image with its alt text (where the platform takes alt text)', async () => {
    await adapter.publish(connection(), postRequest(text, [image('A helpline poster')]), signal());
    const [post] = await published(platform);
    expect(post?.media).toHaveLength(1);
    // Nextdoor's Publish API takes image URLs only.
    expect(post?.media[0]?.altText).toBe(platform === 'nextdoor' ? null : 'A helpline poster');
  });

  it('reads whole, non-negative figures for a published post, null where the platform reports none', async () => {
    const result = await adapter.publish(
      connection(),
      postRequest(text, mediaFor(platform)),
      signal(),
    );
    const publishedAt = new Date();
    const answers = await adapter.metrics(
      connection(),
      [{ externalId: result.externalId, publishedAt }],
      signal(),
      new Date(),
    );
    const answer = answers.get(result.externalId);
    if (answer?.kind !== 'figures') throw new Error(`expected figures, got ${answer?.kind}`);
    for (const key of ['views', 'reactions', 'comments', 'shares', 'linkClicks'] as const) {
      const value = answer.figures[key];
      expect(value === null || (Number.isInteger(value) && value >= 0)).toBe(true);
    }
    expect(answer.figures.raw).toBeTruthy();
  });

  it('is refused, permanently and in the platform’s words, one character over the limit', async () => {
    const limit = platformRules[platform].limit;
    const error = await caught(
      adapter.publish(
        connection(),
        postRequest('a'.repeat(limit + 1), mediaFor(platform)),
        signal(),
      ),
    );
    expect(error.kind).toBe('permanent');
    expect(error.message).toContain(OVER_LIMIT_MESSAGES[platform]);
    expect(await published(platform)).toHaveLength(0);
  });

  it('is transient with Retry-After when rate limited', async () => {
    await fixture.control('POST', '/_sandbox/faults', {
      platform,
      kind: '429',
      count: 1,
      retryAfterSeconds: 7,
    });
    const error = await caught(
      adapter.publish(connection(), postRequest(text, mediaFor(platform)), signal()),
    );
    expect(error).toMatchObject({
      kind: 'transient',
      options: { httpStatus: 429, retryAfterMs: 7000 },
    });
    expect(await published(platform)).toHaveLength(0);
  });

  it('is transient on a server error, and publishes on the next attempt', async () => {
    await fixture.control('POST', '/_sandbox/faults', { platform, kind: '500', count: 1 });
    const error = await caught(
      adapter.publish(connection(), postRequest(text, mediaFor(platform)), signal()),
    );
    expect(error.kind).toBe('transient');
    await adapter.publish(connection(), postRequest(text, mediaFor(platform)), signal());
    expect(await published(platform)).toHaveLength(1);
  });

  it('needs re-authorising when the platform refuses the token', async () => {
    await fixture.control('POST', '/_sandbox/faults', { platform, kind: '401', count: 1 });
    const error = await caught(
      adapter.publish(connection(), postRequest(text, mediaFor(platform)), signal()),
    );
    expect(error.kind).toBe('auth');
  });

  it('reports an unknown outcome on a timeout, and then finds the post the platform did publish', async () => {
    await fixture.control('POST', '/_sandbox/faults', {
      platform,
      account: connection().externalAccountId,
      kind: 'timeout',
      count: 1,
    });
    const request = postRequest(text, mediaFor(platform));
    const since = new Date(Date.now() - 1000);
    const error = await caught(adapter.publish(connection(), request, AbortSignal.timeout(800)));
    expect(error).toMatchObject({ kind: 'transient', options: { outcomeUnknown: true } });
    const [post] = await published(platform);
    const found = await adapter.findExisting(connection(), request, since, signal());
    expect(found?.externalId).toBe(post?.id);
  });

  it('needs re-authorising when the channel’s credentials are incomplete', async () => {
    const error = await caught(
      adapter.publish({ ...connection(), credentials: {} }, postRequest(text), signal()),
    );
    expect(error.kind).toBe('auth');
  });

  it('accepts the sandbox credentials as a valid credential shape', () => {
    expect(credentialsSchemas[platform].safeParse(connection().credentials).success).toBe(true);
  });
});
