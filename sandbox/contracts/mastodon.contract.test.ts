// Mastodon's best-known JavaScript client, masto 7, against the sandbox: given only the instance's
// address and a token, it works as against a real instance, and the sandbox's entities carry
// every field masto's types promise.
import { createRestAPIClient, MastoHttpError, type mastodon } from 'masto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refusedWith } from '@/tests/support/platform-clients';
import { startSandbox, type SandboxFixture } from '@/tests/support/sandbox-fixture';
import { sandboxToken } from '../credentials';
import { CredentialAccount, Instance, MediaAttachment, Status } from './mastodon-entities';

const ACCOUNT = '6006';
let fixture: SandboxFixture;
let base: string;
let client: mastodon.rest.Client;
beforeAll(async () => {
  fixture = await startSandbox();
  base = fixture.connection('mastodon').baseUrl;
});
afterAll(() => fixture.sandbox.close());
beforeEach(async () => {
  await fixture.control('DELETE', '/_sandbox/posts');
  await fixture.control('DELETE', '/_sandbox/faults');
  client = createRestAPIClient({ url: base, accessToken: sandboxToken('mastodon', ACCOUNT) });
});

const refusal = (call: Promise<unknown>) => refusedWith(MastoHttpError, call);

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('masto against the sandbox', () => {
  it('reaches the instance at its root: verify_credentials and /api/v2/instance', async () => {
    const me = await client.v1.accounts.verifyCredentials();
    expect(CredentialAccount.parse(me)).toMatchObject({ id: ACCOUNT });
    const instance = await client.v2.instance.fetch();
    expect(Instance.parse(instance).configuration.statuses.maxCharacters).toBe(500);
  });

  it('publishes with the visibility and language asked for, as a complete Status', async () => {
    const created = await client.v1.statuses.create({
      status: 'Cymorth ar gael: 0808 1000 900',
      visibility: 'unlisted',
      language: 'cy',
    });
    const status = Status.parse(created);
    expect(status).toMatchObject({ visibility: 'unlisted', language: 'cy' });
    expect(status.account.id).toBe(ACCOUNT);
    const read = await client.v1.statuses.$select(status.id).fetch();
    expect(Status.parse(read)).toMatchObject({
      id: status.id,
      visibility: 'unlisted',
      language: 'cy',
    });
    const source = await client.v1.statuses.$select(status.id).source.fetch();
    expect(source).toMatchObject({ text: 'Cymorth ar gael: 0808 1000 900' });
  });

  it('uploads media with its description and keeps the attachment’s id on the status', async () => {
    const media = await client.v2.media.create({
      file: new Blob([PNG], { type: 'image/png' }),
      description: 'The helpline number',
    });
    expect(MediaAttachment.parse(media)).toMatchObject({ description: 'The helpline number' });
    const status = await client.v1.statuses.create({
      status: 'With a poster',
      mediaIds: [media.id],
    });
    expect(status.mediaAttachments.map((attachment) => attachment.id)).toEqual([media.id]);
  });

  it('reads form-encoded media_ids[] as Mastodon does', async () => {
    const ids = [];
    for (const alt of ['First', 'Second']) {
      ids.push(
        (
          await client.v2.media.create({
            file: new Blob([PNG], { type: 'image/png' }),
            description: alt,
          })
        ).id,
      );
    }
    const form = new URLSearchParams({ status: 'Two posters', visibility: 'public' });
    for (const id of ids) form.append('media_ids[]', id);
    const response = await fetch(`${base}/api/v1/statuses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandboxToken('mastodon', ACCOUNT)}` },
      body: form,
    });
    expect(response.status).toBe(200);
    const status = (await response.json()) as {
      media_attachments: { id: string; description: string }[];
    };
    expect(status.media_attachments).toEqual([
      expect.objectContaining({ id: ids[0], description: 'First' }),
      expect.objectContaining({ id: ids[1], description: 'Second' }),
    ]);
  });

  it('pages an account’s statuses through Link headers', async () => {
    for (let i = 1; i <= 5; i++) await client.v1.statuses.create({ status: `Post ${i}` });
    const pages: string[][] = [];
    for await (const page of client.v1.accounts.$select(ACCOUNT).statuses.list({ limit: 2 })) {
      pages.push(page.map((status) => Status.parse(status).content));
    }
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual([
      '<p>Post 5</p>',
      '<p>Post 4</p>',
      '<p>Post 3</p>',
      '<p>Post 2</p>',
      '<p>Post 1</p>',
    ]);
  });

  it('lets anyone read a public status without a token, and nobody but the author a private one', async () => {
    const open = await client.v1.statuses.create({ status: 'Public', visibility: 'public' });
    const closed = await client.v1.statuses.create({ status: 'Private', visibility: 'private' });
    const anonymous = createRestAPIClient({ url: base });
    expect((await anonymous.v1.statuses.$select(open.id).fetch()).id).toBe(open.id);
    expect((await refusal(anonymous.v1.statuses.$select(closed.id).fetch())).statusCode).toBe(404);
    const listed = await anonymous.v1.accounts.$select(ACCOUNT).statuses.list();
    expect(listed.map((status) => status.id)).toEqual([open.id]);
  });

  it('accepts only tokens it issued, within their scopes', async () => {
    const unknown = createRestAPIClient({ url: base, accessToken: `${ACCOUNT}.sandbox-token` });
    const refused = await refusal(unknown.v1.statuses.create({ status: 'Who am I?' }));
    expect(refused).toMatchObject({ statusCode: 401, message: 'The access token is invalid' });
    const readOnly = createRestAPIClient({
      url: base,
      accessToken: sandboxToken('mastodon', ACCOUNT, { scopes: ['read'] }),
    });
    const outside = await refusal(readOnly.v1.statuses.create({ status: 'Read only' }));
    expect(outside).toMatchObject({
      statusCode: 403,
      message: 'This action is outside the authorized scopes',
    });
    const expired = createRestAPIClient({
      url: base,
      accessToken: sandboxToken('mastodon', ACCOUNT, { expiresAt: new Date(Date.now() - 1000) }),
    });
    expect(await refusal(expired.v1.accounts.verifyCredentials())).toMatchObject({
      statusCode: 401,
      message: 'The access token expired',
    });
  });

  it('refuses what Mastodon refuses with its 422s', async () => {
    expect(await refusal(client.v1.statuses.create({ status: '' }))).toMatchObject({
      statusCode: 422,
      message: "Validation failed: Text can't be blank",
    });
    expect(await refusal(client.v1.statuses.create({ status: 'a'.repeat(501) }))).toMatchObject({
      statusCode: 422,
      message: 'Validation failed: Text character limit of 500 exceeded',
    });
    expect(
      await refusal(client.v1.statuses.create({ status: 'Lost', mediaIds: ['999'] })),
    ).toMatchObject({
      statusCode: 422,
      message: 'Media 999 not found or already attached to another post',
    });
  });

  it('sends its rate-limit headers with every answer, counting down', async () => {
    const headers = async () =>
      (
        await fetch(`${base}/api/v1/accounts/verify_credentials`, {
          headers: { authorization: `Bearer ${sandboxToken('mastodon', ACCOUNT)}` },
        })
      ).headers;
    const first = await headers();
    const second = await headers();
    expect(first.get('x-ratelimit-limit')).toBe('300');
    expect(Number(second.get('x-ratelimit-remaining'))).toBe(
      Number(first.get('x-ratelimit-remaining')) - 1,
    );
    expect(Date.parse(first.get('x-ratelimit-reset') ?? '')).not.toBeNaN();
    const anonymous = await fetch(`${base}/api/v2/instance`);
    expect(anonymous.headers.get('x-ratelimit-remaining')).not.toBeNull();
  });
});

describe('masto reads the metrics', () => {
  it('fetches a status with the counts set on the sandbox, as a complete Status', async () => {
    const status = await client.v1.statuses.create({ status: 'Counted', visibility: 'public' });
    await fixture.control('POST', '/_sandbox/metrics', {
      platform: 'mastodon',
      id: status.id,
      metrics: { favourites_count: 12, reblogs_count: 5, replies_count: 3 },
    });
    const read = await client.v1.statuses.$select(status.id).fetch();
    expect(Status.safeParse(read).success).toBe(true);
    expect(read).toMatchObject({ favouritesCount: 12, reblogsCount: 5, repliesCount: 3 });
  });

  it('answers 404 for a status deleted on the instance', async () => {
    const status = await client.v1.statuses.create({ status: 'Deleted later' });
    await fixture.control('DELETE', `/_sandbox/posts/mastodon/${status.id}`);
    expect((await refusal(client.v1.statuses.$select(status.id).fetch())).statusCode).toBe(404);
  });
});
