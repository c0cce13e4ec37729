// Polls the public links of "I shared this" (issue 11, point 2): shares whose link can be read
// without a token (lib/reach/share-read.ts) are due by the same plan as posts, counted from when
// the share was recorded. Claiming leases each share in the statement that selects it, as the
// posts' sweep does. A link that answers "not found" or "not public" is marked and never asked
// again; a server that is down or busy skips to the next planned poll. Nothing here throws for a
// bad link.
import { db } from '../db';
import { env } from '../env';
import type { Logger } from '../log';
import type { Platform } from '../platforms/types';
import { engagementsOf } from './figures';
import { afterPoll } from './poll-plan';
import { blueskyAnswer, mastodonAnswer, resolvedDid, type ShareAnswer } from './share-answer';
import { publicReadHosts, shareRead, type PublicReadHosts, type ShareRead } from './share-read';
import { POLL_LEASE_MS } from './sweep-polls';

/** At most this many links per sweep. */
export const SHARE_POLL_LIMIT = 200;
/** Links read at once. */
const PARALLEL = 10;
const READ_TIMEOUT_MS = 10_000;

interface ClaimedShare {
  id: string;
  platform: Platform;
  url: string;
  createdAt: Date;
  pollsDone: number;
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    redirect: 'error',
    signal: AbortSignal.timeout(READ_TIMEOUT_MS),
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, body };
}

/** Reads one link; network failures are "later", never thrown. */
export async function readShare(read: ShareRead, hosts: PublicReadHosts): Promise<ShareAnswer> {
  try {
    if (read.platform === 'mastodon') {
      const answer = await getJson(
        `${hosts.mastodon(read.host)}/api/v1/statuses/${encodeURIComponent(read.id)}`,
      );
      return mastodonAnswer(answer.status, answer.body);
    }
    let did = read.actor;
    if (!did.startsWith('did:')) {
      const answer = await getJson(
        `${hosts.bluesky}/xrpc/com.atproto.identity.resolveHandle?handle=${encodeURIComponent(did)}`,
      );
      const resolved = resolvedDid(answer.status, answer.body);
      if ('kind' in resolved) return resolved;
      did = resolved.did;
    }
    const uri = `at://${did}/app.bsky.feed.post/${read.rkey}`;
    const answer = await getJson(
      `${hosts.bluesky}/xrpc/app.bsky.feed.getPosts?uris=${encodeURIComponent(uri)}`,
    );
    return blueskyAnswer(answer.status, answer.body, uri);
  } catch (error) {
    return { kind: 'later', reason: error instanceof Error ? error.message : String(error) };
  }
}

export interface SharePollReport {
  claimed: number;
  read: number;
  unreadable: number;
  later: number;
}

export async function pollShares({
  now,
  log,
  limit = SHARE_POLL_LIMIT,
}: {
  now: Date;
  log?: Logger;
  limit?: number;
}): Promise<SharePollReport> {
  const settings = env();
  const hosts = publicReadHosts(settings.PLATFORM_MODE, settings.SANDBOX_URL);
  const leaseUntil = new Date(now.getTime() + POLL_LEASE_MS);
  const claimed = await db.$queryRaw<ClaimedShare[]>`
    WITH due AS (
      SELECT id FROM shares
      WHERE "nextPollAt" <= ${now} AND unreadable IS NULL AND url IS NOT NULL
      ORDER BY "nextPollAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE shares s SET "nextPollAt" = ${leaseUntil} FROM due WHERE s.id = due.id
    RETURNING s.id, s.platform::text AS platform, s.url, s."createdAt", s."pollsDone"`;
  const report: SharePollReport = { claimed: claimed.length, read: 0, unreadable: 0, later: 0 };
  for (let start = 0; start < claimed.length; start += PARALLEL) {
    await Promise.all(
      claimed.slice(start, start + PARALLEL).map(async (share) => {
        const read = shareRead(share.platform, share.url);
        const answer: ShareAnswer = read
          ? await readShare(read, hosts)
          : { kind: 'unreadable', reason: 'the link cannot be read' };
        const plan = afterPoll(share.createdAt, share.pollsDone, now);
        if (answer.kind === 'figures') {
          report.read += 1;
          await db.share.update({
            where: { id: share.id },
            data: {
              ...answer.figures,
              engagements: engagementsOf(answer.figures),
              pollsDone: plan.pollsDone,
              nextPollAt: plan.nextPollAt,
              lastPolledAt: now,
            },
          });
        } else if (answer.kind === 'unreadable') {
          report.unreadable += 1;
          await db.share.update({
            where: { id: share.id },
            data: { unreadable: answer.reason, nextPollAt: null, lastPolledAt: now },
          });
        } else {
          report.later += 1;
          log?.warn({ shareId: share.id, reason: answer.reason }, 'share link not read; next poll');
          await db.share.update({
            where: { id: share.id },
            data: { pollsDone: plan.pollsDone, nextPollAt: plan.nextPollAt },
          });
        }
      }),
    );
  }
  return report;
}
