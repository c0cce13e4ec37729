// "I shared this" links to public posts join the reach polling (issue 11, point 2): read without
// a token from the sandbox's Bluesky AppView and Mastodon server, against real PostgreSQL.
// Time moves through the poll's `now`, never by waiting.
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getAmplification } from '@/app/api/v1/amplification/route';
import { POST as postShare } from '@/app/api/v1/messages/[id]/shares/route';
import type { AmplificationView } from '@/lib/amplification/amplification-schemas';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { POLL_OFFSETS_MS } from '@/lib/reach/poll-plan';
import { pollShares } from '@/lib/reach/poll-shares';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { approvedMessage } from '../support/fixtures';
import { resetSandbox } from '../support/sandbox';

const LEAD = 'lead@nw-rocu.example';
const MANCHESTER = 'partner@manchester-city-council.example';
const log = pino({ level: 'silent' });

const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${env().SANDBOX_URL}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

beforeAll(async () => {
  forgetTokens();
  await resetDatabase();
  await resetSandbox();
});

async function adopt(platform: string, account: string, text: string): Promise<string> {
  const post = await control<{ id: string }>('POST', '/_sandbox/posts', {
    platform,
    account,
    text,
    receivedAt: new Date().toISOString(),
  });
  return post.id;
}

async function share(messageId: string, platform: string, url: string) {
  const answer = await call<{ id: string }>(postShare, `/messages/${messageId}/shares`, {
    token: await tokenFor(MANCHESTER),
    params: { id: messageId },
    body: { organisation: 'manchester-city-council', platform, url },
  });
  expect(answer.status).toBe(201);
  return answer.body.id;
}

describe('polling the public links partners shared', () => {
  it('reads Bluesky and Mastodon links, shows their figures to leads, and marks a missing one', async () => {
    const message = await approvedMessage();
    const did = 'did:plc:manchestercitycouncil0';
    // The sandbox names an account's handle after its DID (sandbox/README.md).
    const handle = `${did.slice(8, 20)}.bsky.social`;
    const uri = await adopt('bluesky', did, 'Shared by Manchester');
    const rkey = uri.split('/').at(-1)!;
    await control('POST', '/_sandbox/metrics', {
      platform: 'bluesky',
      id: uri,
      metrics: { likeCount: 7, repostCount: 2, replyCount: 1, quoteCount: 0 },
    });
    const status = await adopt('mastodon', '110000000000000001', 'Shared by Manchester');
    await control('POST', '/_sandbox/metrics', {
      platform: 'mastodon',
      id: status,
      metrics: { favourites_count: 5, reblogs_count: 3, replies_count: 2 },
    });

    const bluesky = await share(
      message.id,
      'bluesky',
      `https://bsky.app/profile/${handle}/post/${rkey}`,
    );
    const mastodon = await share(
      message.id,
      'mastodon',
      `https://mastodon.social/@manchester/${status}`,
    );
    const missing = await share(
      message.id,
      'mastodon',
      'https://mastodon.social/@manchester/999999999',
    );
    const unreadable = await share(message.id, 'x', 'https://x.com/manchester/status/1');
    const planned = await db.share.findMany({
      where: { id: { in: [bluesky, mastodon, missing, unreadable] } },
      select: { id: true, nextPollAt: true, createdAt: true },
    });
    for (const row of planned)
      if (row.id === unreadable) expect(row.nextPollAt).toBeNull();
      else expect(row.nextPollAt).toEqual(new Date(row.createdAt.getTime() + POLL_OFFSETS_MS[0]!));

    const firstPoll = new Date(Date.now() + POLL_OFFSETS_MS[0]! + 60_000);
    const report = await pollShares({ now: firstPoll, log });
    expect(report).toMatchObject({ claimed: 3, read: 2, unreadable: 1, later: 0 });

    const rows = new Map(
      (await db.share.findMany({ where: { id: { in: [bluesky, mastodon, missing] } } })).map(
        (row) => [row.id, row],
      ),
    );
    expect(rows.get(bluesky)).toMatchObject({
      reactions: 7,
      shares: 2,
      comments: 1,
      engagements: 10,
      views: null,
      pollsDone: 1,
      unreadable: null,
    });
    expect(rows.get(mastodon)).toMatchObject({
      reactions: 5,
      shares: 3,
      comments: 2,
      engagements: 10,
      pollsDone: 1,
    });
    expect(rows.get(bluesky)!.nextPollAt).not.toBeNull();
    expect(rows.get(missing)).toMatchObject({
      unreadable: 'the post was not found',
      nextPollAt: null,
    });

    const view = await call<AmplificationView>(getAmplification, '/amplification', {
      token: await tokenFor(LEAD),
      query: { campaignId: message.campaignId },
    });
    expect(view.status).toBe(200);
    const row = view.body.rows.find(
      (item) =>
        item.organisation.slug === 'manchester-city-council' && item.message.id === message.id,
    );
    expect(row).toMatchObject({ paths: ['link'], engagements: 20, linkEngagements: 20 });
    expect(row!.links.find((link) => link.url?.endsWith('999999999'))?.unreadable).toBe(
      'the post was not found',
    );
    expect(view.body.totals.linkEngagements).toBe(20);

    // The next polls: the missing link is never asked again.
    const calls = await control<Record<string, number>>('GET', '/_sandbox/calls');
    const later = await pollShares({
      now: new Date(Date.now() + POLL_OFFSETS_MS[1]! + 60_000),
      log,
    });
    expect(later).toMatchObject({ claimed: 2, read: 2, unreadable: 0 });
    const after = await control<Record<string, number>>('GET', '/_sandbox/calls');
    expect(after['mastodon GET /api/v1/statuses/:id']).toBe(
      (calls['mastodon GET /api/v1/statuses/:id'] ?? 0) + 1,
    );
  });

  it('never fails on a server in trouble: the link waits for its next planned poll', async () => {
    const message = await approvedMessage();
    const id = await share(message.id, 'mastodon', 'https://mastodon.social/@manchester/4242');
    await db.share.updateMany({ where: { id: { not: id } }, data: { nextPollAt: null } });
    await control('POST', '/_sandbox/faults', {
      platform: 'mastodon',
      kind: '500',
      count: 1,
      calls: 'metrics',
    });
    const report = await pollShares({
      now: new Date(Date.now() + POLL_OFFSETS_MS[0]! + 60_000),
      log,
    });
    expect(report).toMatchObject({ claimed: 1, later: 1 });
    expect(await db.share.findUniqueOrThrow({ where: { id } })).toMatchObject({
      pollsDone: 1,
      unreadable: null,
    });
  });
});
