// Connecting a channel again after the platform refused its credentials: administrators only,
// checked against the platform's shape, sealed, and logged without the secrets.
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptCredentials } from '@/lib/channels/credentials';
import { connectChannel, credentialFields } from '@/lib/channels/connect-channel';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { resetDatabase } from '../support/database';
import { actorFor, channelOf } from '../support/fixtures';

beforeAll(async () => {
  await resetDatabase();
});

async function disconnected(organisation: string, platform: 'x' | 'bluesky' = 'x') {
  const channel = await channelOf(organisation, platform);
  return db.channel.update({
    where: { id: channel.id },
    data: { status: 'needs_reauth', statusReason: 'HTTP 401: Unauthorized' },
  });
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      return { code: error.code, message: error.message, fields: error.fields };
    },
  );

describe('connecting a channel', () => {
  it('lists each platform’s fields, required or not', () => {
    expect(credentialFields('x').map(({ name, required }) => [name, required])).toEqual([
      ['accessToken', true],
      ['refreshToken', false],
      ['expiresAt', false],
      ['clientId', false],
      ['clientSecret', false],
    ]);
    expect(credentialFields('bluesky').map(({ name, secret }) => [name, secret])).toEqual([
      ['identifier', false],
      ['appPassword', true],
    ]);
  });

  it('an administrator stores new credentials: the channel is active again, the log names fields, never values', async () => {
    const channel = await disconnected('lancashire');
    const admin = await actorFor('admin@nw-rocu.example');
    const result = await connectChannel(admin.actor, admin.audit, channel.id, {
      credentials: {
        accessToken: '  new-access-token ',
        refreshToken: 'new-refresh-token',
        expiresAt: '2026-12-01T14:00:00Z',
        clientId: 'signpost',
        clientSecret: '',
      },
    });
    expect(result).toEqual({ heldPosts: 0 });
    const after = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(after).toMatchObject({ status: 'active', statusReason: null });
    expect(decryptCredentials(after.credentialsEncrypted, env().CREDENTIALS_KEY)).toEqual({
      accessToken: 'new-access-token',
      refreshToken: 'new-refresh-token',
      expiresAt: '2026-12-01T14:00:00Z',
      clientId: 'signpost',
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: 'channel.connected', entityId: channel.id },
    });
    expect(event.after).toEqual({
      status: 'active',
      credentials: ['accessToken', 'clientId', 'expiresAt', 'refreshToken'],
    });
    expect(JSON.stringify([event.before, event.after])).not.toContain('new-access-token');
  });

  it('refuses a missing required field or one the platform does not have, naming them, and writes nothing', async () => {
    const channel = await disconnected('nw-rocu', 'bluesky');
    const admin = await actorFor('admin@nw-rocu.example');
    const before = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(
      await refusal(
        connectChannel(admin.actor, admin.audit, channel.id, {
          credentials: { identifier: 'cumbriapolice.bsky.social', password: 'hunter2' },
        }),
      ),
    ).toEqual({
      code: 'validation_failed',
      message: 'Check these credentials: appPassword, password.',
      fields: { password: 'is not a credential of this platform', appPassword: 'is required' },
    });
    expect(
      await refusal(
        connectChannel(admin.actor, admin.audit, channel.id, {
          credentials: { identifier: ' ', appPassword: 'abcd-efgh-ijkl-mnop' },
        }),
      ),
    ).toMatchObject({ code: 'validation_failed', fields: { identifier: 'is required' } });
    const after = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(after).toEqual(before);
    expect(await db.auditEvent.count({ where: { entityId: channel.id } })).toBe(0);
  });

  it('an X expiry that is not a time is refused with the field named', async () => {
    const channel = await disconnected('merseyside');
    const admin = await actorFor('admin@nw-rocu.example');
    expect(
      await refusal(
        connectChannel(admin.actor, admin.audit, channel.id, {
          credentials: { accessToken: 'token', expiresAt: 'tomorrow' },
        }),
      ),
    ).toMatchObject({ code: 'validation_failed', fields: { expiresAt: expect.any(String) } });
  });

  it('only administrators may: a comms officer is refused on their own channel, a viewer cannot see another’s', async () => {
    const channel = await disconnected('cheshire');
    const comms = await actorFor('comms@cheshire.example');
    expect(
      await refusal(
        connectChannel(comms.actor, comms.audit, channel.id, {
          credentials: { accessToken: 'x' },
        }),
      ),
    ).toMatchObject({ code: 'forbidden' });
    const viewer = await actorFor('viewer@cumbria.example');
    expect(
      await refusal(
        connectChannel(viewer.actor, viewer.audit, channel.id, {
          credentials: { accessToken: 'x' },
        }),
      ),
    ).toMatchObject({ code: 'not_found' });
    expect((await db.channel.findUniqueOrThrow({ where: { id: channel.id } })).status).toBe(
      'needs_reauth',
    );
  });
});
