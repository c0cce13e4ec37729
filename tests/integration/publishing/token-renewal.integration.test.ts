// X's user access tokens last two hours. Workers renew a channel's token before use, or once
// after the platform refuses it early, and store the new one — one renewal at a time per
// channel, across worker processes, because X's refresh tokens work only once.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decryptCredentials, encryptCredentials } from '@/lib/channels/credentials';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { sandboxBaseUrl } from '@/lib/platforms/base-urls';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { sandboxToken } from '@/sandbox/credentials';
import { resetDatabase } from '../../support/database';
import { actorFor, approvedMessage, channelOf } from '../../support/fixtures';
import type { Started } from '../../support/processes';
import { resetSandbox, sandboxPosts } from '../../support/sandbox';
import { inProcessWorkers, waitForStatus, workerProcess } from '../../support/workers';

let workers: Awaited<ReturnType<typeof inProcessWorkers>>;
const running: Started[] = [];

beforeAll(async () => {
  await resetDatabase();
  workers = await inProcessWorkers();
});
afterAll(async () => {
  await workers.stop();
});
beforeEach(async () => {
  await resetSandbox();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((worker) => worker.stop()));
});

const CLIENT_ID = 'signpost-test-app';
/** A refresh token as X's token endpoint would have issued it to Signpost's app. */
const refreshTokenOf = (account: string) =>
  sandboxToken('x', account, { kind: 'refresh', client: CLIENT_ID });
/** An access token X no longer accepts (expired or revoked): not one the sandbox would take. */
const REFUSED_TOKEN = 'expired-or-revoked-access-token';

/** Gives the organisation's X channel OAuth 2.0 credentials; returns the channel. */
async function xChannelWith(organisation: string, credentials: Record<string, string>) {
  const channel = await channelOf(organisation, 'x');
  await db.channel.update({
    where: { id: channel.id },
    data: {
      status: 'active',
      credentialsEncrypted: encryptCredentials(
        { ...credentials, clientId: CLIENT_ID },
        env().CREDENTIALS_KEY,
      ),
    },
  });
  return channel;
}

/** `count` different messages on one channel, all due at the same moment. */
async function dueTogether(channelId: string, count: number) {
  const lead = await actorFor('lead@nw-rocu.example');
  const at = new Date(Date.now() + 1500).toISOString();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const message = await approvedMessage({ body: `Get help early (${i}). Police in {area}.` });
    const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, {
      targets: [{ channelId, scheduledAt: at }],
    });
    ids.push(...posts.map((post) => post.id));
  }
  return ids;
}

const storedCredentials = async (channelId: string) =>
  decryptCredentials(
    (await db.channel.findUniqueOrThrow({ where: { id: channelId } })).credentialsEncrypted,
    env().CREDENTIALS_KEY,
  );

const renewals = (channelId: string) =>
  db.auditEvent.count({ where: { action: 'channel.token_renewed', entityId: channelId } });

describe('X access tokens', () => {
  it(
    'an expired token is renewed once for a burst on two worker processes, and every post is published once',
    { timeout: 60_000 },
    async () => {
      const account = (await channelOf('lancashire', 'x')).externalAccountId;
      const first = refreshTokenOf(account);
      const channel = await xChannelWith('lancashire', {
        accessToken: REFUSED_TOKEN,
        refreshToken: first,
        expiresAt: new Date(Date.now() - 60_000).toISOString(),
      });
      running.push(await workerProcess());
      const ids = await dueTogether(channel.id, 12);
      await waitForStatus(ids, 'published');

      expect(await renewals(channel.id)).toBe(1);
      const stored = await storedCredentials(channel.id);
      expect(stored.accessToken).not.toBe(REFUSED_TOKEN);
      expect(stored.refreshToken).not.toBe(first);
      expect(Date.parse(stored.expiresAt!)).toBeGreaterThan(Date.now() + 100 * 60_000);
      expect(stored.clientId).toBe(CLIENT_ID);
      expect(await sandboxPosts('x')).toHaveLength(12);
      const attempts = await db.publishAttempt.findMany({ where: { postId: { in: ids } } });
      expect(attempts.map((attempt) => attempt.outcome)).toEqual(Array(12).fill('published'));
      const audit = await db.auditEvent.findFirstOrThrow({
        where: { action: 'channel.token_renewed', entityId: channel.id },
      });
      // The log says when the token holds until, never the token.
      const logged = JSON.stringify([audit.before, audit.after]);
      expect(logged).not.toContain(stored.accessToken);
      expect(logged).not.toContain(stored.refreshToken);
      expect(audit.after).toEqual({ expiresAt: stored.expiresAt });
    },
  );

  it('a token the platform refuses before its expiry is renewed and the post sent again, once', async () => {
    const account = (await channelOf('cheshire', 'x')).externalAccountId;
    const channel = await xChannelWith('cheshire', {
      accessToken: REFUSED_TOKEN,
      refreshToken: refreshTokenOf(account),
      expiresAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    });
    const [id] = await dueTogether(channel.id, 1);
    await waitForStatus([id!], 'published');
    expect(await renewals(channel.id)).toBe(1);
    const attempts = await db.publishAttempt.findMany({ where: { postId: id } });
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['published']);
    expect(await sandboxPosts('x')).toHaveLength(1);
  });

  it('a refresh token X no longer accepts holds the posts and asks for the account to be connected again', async () => {
    const account = (await channelOf('cumbria', 'x')).externalAccountId;
    const spent = refreshTokenOf(account);
    await fetch(`${sandboxBaseUrl('x', env().SANDBOX_URL)}/2/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: spent,
        client_id: CLIENT_ID,
      }),
    });
    const channel = await xChannelWith('cumbria', {
      accessToken: REFUSED_TOKEN,
      refreshToken: spent,
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const [id] = await dueTogether(channel.id, 1);
    await waitForStatus([id!], 'held');
    const post = await db.post.findUniqueOrThrow({ where: { id } });
    expect(post.heldReason).toMatch(
      /needs re-authorising: X: the access token could not be renewed/,
    );
    expect((await db.channel.findUniqueOrThrow({ where: { id: channel.id } })).status).toBe(
      'needs_reauth',
    );
    expect(await renewals(channel.id)).toBe(0);
    expect(await sandboxPosts('x')).toHaveLength(0);
  });
});
