// Connecting channels by OAuth, through lib against the running sandbox over HTTP, as the browser
// would carry the person between them: the start's state and PKCE challenge, the consent page's
// decision, the callback's checks and the exchange; Facebook's Pages picked once.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadActor, type CurrentActor } from '@/lib/auth/actor';
import { decryptCredentials } from '@/lib/channels/credentials';
import { finishAuthorisation } from '@/lib/channels/oauth/finish-authorisation';
import { connectPicked, listOffered } from '@/lib/channels/oauth/pick-accounts';
import { startAuthorisation } from '@/lib/channels/oauth/start-authorisation';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { organisationId, resetDatabase, userId } from '../support/database';
import { channelOf } from '../support/fixtures';

let admin: CurrentActor;
let cheshire: string;

async function sessionActor(email: string, sessionId: string): Promise<CurrentActor> {
  const actor = await loadActor(await userId(email), { kind: 'session', sessionId });
  if (!actor) throw new Error(`no actor for ${email}`);
  return actor;
}

beforeAll(async () => {
  await resetDatabase();
  admin = await sessionActor('admin@nw-rocu.example', 'session-a');
  cheshire = await organisationId('cheshire');
});

/** The person's answer on the consent page: the redirect back, as query fields. */
async function consent(url: string, decision: 'allow' | 'deny', account: string) {
  const html = await (await fetch(url)).text();
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)">/g,
  ))
    form.set(name ?? '', (value ?? '').replaceAll('&amp;', '&'));
  form.set('decision', decision);
  form.set('account', account);
  const target = new URL(url);
  const answer = await fetch(`${target.origin}${target.pathname}`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const back = new URL(answer.headers.get('location') ?? '');
  return {
    back,
    query: {
      state: back.searchParams.get('state') ?? undefined,
      code: back.searchParams.get('code') ?? undefined,
      error: back.searchParams.get('error') ?? undefined,
    },
  };
}

describe('X', () => {
  it('connects the authorised account with renewable, sealed credentials', async () => {
    const { url } = await startAuthorisation(admin, { platform: 'x', organisationId: cheshire });
    const { back, query } = await consent(url, 'allow', '1500000000000000101');
    expect(back.pathname).toBe('/settings/channels/callback/x');
    const outcome = await finishAuthorisation(admin, 'x', query);
    expect(outcome).toMatchObject({ kind: 'connected', channels: [{ added: true }] });
    const channel = await db.channel.findFirstOrThrow({
      where: { organisationId: cheshire, externalAccountId: '1500000000000000101' },
    });
    expect(channel.status).toBe('active');
    const credentials = decryptCredentials(channel.credentialsEncrypted, env().CREDENTIALS_KEY);
    expect(Object.keys(credentials).sort()).toEqual(
      ['accessToken', 'clientId', 'expiresAt', 'refreshToken'].sort(),
    );
    const audit = await db.auditEvent.findFirst({
      where: { action: 'channel.added', entityId: channel.id },
    });
    expect(audit).not.toBeNull();
  });

  it('refuses the callback in another session, and then still lets its own finish', async () => {
    const { url } = await startAuthorisation(admin, { platform: 'x', organisationId: cheshire });
    const { query } = await consent(url, 'allow', '1500000000000000102');
    const elsewhere = await sessionActor('admin@nw-rocu.example', 'session-b');
    expect(await finishAuthorisation(elsewhere, 'x', query)).toEqual({
      kind: 'refused',
      reason: 'other_person',
    });
    expect(await finishAuthorisation(admin, 'facebook', query)).toEqual({
      kind: 'refused',
      reason: 'other_platform',
    });
    expect((await finishAuthorisation(admin, 'x', query)).kind).toBe('connected');
    expect(await finishAuthorisation(admin, 'x', query)).toEqual({
      kind: 'refused',
      reason: 'used',
    });
  });

  it('refuses an expired start, and a cancel connects nothing', async () => {
    const { url } = await startAuthorisation(admin, { platform: 'x', organisationId: cheshire });
    const { query } = await consent(url, 'allow', '1500000000000000103');
    const later = new Date(Date.now() + 11 * 60_000);
    expect(await finishAuthorisation(admin, 'x', query, later)).toEqual({
      kind: 'refused',
      reason: 'expired',
    });
    const second = await startAuthorisation(admin, { platform: 'x', organisationId: cheshire });
    const cancelled = await consent(second.url, 'deny', '1500000000000000103');
    expect(await finishAuthorisation(admin, 'x', cancelled.query)).toEqual({
      kind: 'refused',
      reason: 'denied',
    });
    expect(await db.channel.count({ where: { externalAccountId: '1500000000000000103' } })).toBe(0);
  });

  it('reconnects a channel only with its own account', async () => {
    const channel = await channelOf('lancashire', 'x');
    await db.channel.update({ where: { id: channel.id }, data: { status: 'needs_reauth' } });
    const wrong = await startAuthorisation(admin, { channelId: channel.id });
    const other = await consent(wrong.url, 'allow', '1500000000000000999');
    expect(await finishAuthorisation(admin, 'x', other.query)).toEqual({
      kind: 'refused',
      reason: 'other_account',
    });
    const right = await startAuthorisation(admin, { channelId: channel.id });
    const own = await consent(right.url, 'allow', channel.externalAccountId);
    expect(await finishAuthorisation(admin, 'x', own.query)).toMatchObject({
      kind: 'connected',
      channels: [{ id: channel.id, added: false }],
    });
    const after = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(after.status).toBe('active');
  });

  it('lets only an administrator of the organisation start', async () => {
    const comms = await sessionActor('comms@lancashire.example', 'session-c');
    await expect(
      startAuthorisation(comms, { platform: 'x', organisationId: cheshire }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      startAuthorisation(admin, { platform: 'x', organisationId: 'no-such-organisation' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('Facebook', () => {
  it('offers the Pages and their Instagram accounts, and connects the ones picked, once', async () => {
    const { url } = await startAuthorisation(admin, {
      platform: 'facebook',
      organisationId: cheshire,
    });
    const { query } = await consent(url, 'allow', '100000000000001');
    const outcome = await finishAuthorisation(admin, 'facebook', query);
    if (outcome.kind !== 'pick') throw new Error(`expected a pick, got ${JSON.stringify(outcome)}`);
    const offer = await listOffered(admin, outcome.authorisationId);
    expect(offer.choices.map((choice) => choice.key)).toEqual([
      'facebook:100000000000101',
      'instagram:17841400000000101',
      'facebook:100000000000102',
    ]);
    const request = { accounts: ['facebook:100000000000101', 'instagram:17841400000000101'] };
    await expect(
      connectPicked(admin, outcome.authorisationId, { accounts: ['facebook:1'] }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const { channels } = await connectPicked(admin, outcome.authorisationId, request);
    expect(channels.map((channel) => channel.platform)).toEqual(['facebook', 'instagram']);
    await expect(connectPicked(admin, outcome.authorisationId, request)).rejects.toMatchObject({
      code: 'conflict',
    });
    const instagram = await db.channel.findFirstOrThrow({
      where: {
        organisationId: cheshire,
        platform: 'instagram',
        externalAccountId: '17841400000000101',
      },
    });
    expect(instagram.credentialsExpireAt).toBeNull();
  });
});
