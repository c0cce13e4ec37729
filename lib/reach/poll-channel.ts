// One poll job: the figures of a batch of one channel's published posts, read from the platform
// as that channel (the same token renewal as publishing) and recorded as snapshots. Publishing
// comes first: while the channel has posts due to publish, its poll waits a little, and a channel
// the platform has rate limited (for a publish or a poll: one limiter) is not called until the
// window resets. A refused token marks the channel exactly as publishing does; a poll the platform
// refuses for good skips to the post's next planned one.
import { z } from 'zod';
import { db } from '../db';
import { env } from '../env';
import type { Logger } from '../log';
import { PlatformError, type MetricsAnswer } from '../platforms/adapter';
import { adapters } from '../platforms/adapters/registry';
import { platformRules } from '../platforms/rules';
import { Platform } from '../platforms/types';
import { preparedQuery } from '../publishing/hot-path';
import { markNeedsReauth } from '../publishing/mark-needs-reauth';
import { channelLimitedUntil, noteRateLimit } from '../publishing/rate-limits';
import { withChannelConnection } from '../publishing/renew-credentials';
import type { PollChannelJob } from '../queue/jobs';
import { sharedRedis } from '../redis';
import { afterPoll } from './poll-plan';
import { publishingBusy } from './publishing-busy';
import { recordPoll, type PollAnswer, type PolledPost } from './record-poll';

/** How long a poll waits while publishing has posts due (docs/BENCHMARKS.md, issue 7). */
export const PUBLISHING_FIRST_DELAY_MS = 5_000;
/** Polls stop waiting for publishing this long before their lease runs out. */
const LEASE_MARGIN_MS = 60_000;

export type PollOutcome =
  | { kind: 'polled'; polled: number; removed: number; unanswered: number }
  /** Run the job again at `until` (not a failed attempt). */
  | { kind: 'deferred'; until: Date; reason: 'rate_limited' | 'publishing_first' }
  | { kind: 'needs_reauth'; reason: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'skipped'; reason: string };

// json_build_object writes timestamp(3) as ISO 8601 without a zone; the column holds UTC.
const utc = z.string().transform((value) => new Date(value.endsWith('Z') ? value : `${value}Z`));

const ChannelForPolling = z.object({
  id: z.string(),
  organisationId: z.string(),
  platform: Platform,
  handle: z.string(),
  externalAccountId: z.string(),
  baseUrl: z.string().nullable(),
  credentialsEncrypted: z.string(),
  status: z.enum(['active', 'needs_reauth', 'disabled']),
  publishingDue: z.boolean(),
  posts: z.array(
    z.object({
      id: z.string(),
      organisationId: z.string(),
      externalId: z.string(),
      publishedAt: utc,
      pollsDone: z.number().int(),
    }),
  ),
});

// The channel, whether it has publishing due now, and the batch's posts still worth polling, in
// one round trip.
const LOAD = `
  SELECT c.id, c."organisationId", c.platform, c.handle, c."externalAccountId", c."baseUrl",
    c."credentialsEncrypted", c.status,
    EXISTS (
      SELECT 1 FROM posts q WHERE q."channelId" = c.id
        AND (q.status = 'publishing' OR (q.status = 'scheduled' AND q."scheduledAt" <= $3))
    ) AS "publishingDue",
    COALESCE((
      SELECT json_agg(json_build_object('id', p.id, 'organisationId', p."organisationId",
        'externalId', p."externalId", 'publishedAt', p."publishedAt", 'pollsDone', p."pollsDone"))
      FROM posts p
      WHERE p.id = ANY($2::text[]) AND p."channelId" = c.id AND p.status = 'published'
        AND p."removedAt" IS NULL AND p."externalId" IS NOT NULL AND p."publishedAt" IS NOT NULL
    ), '[]'::json) AS posts
  FROM channels c WHERE c.id = $1`;

export interface PollContext {
  log: Logger;
  now?: () => Date;
}

export async function pollChannel(job: PollChannelJob, context: PollContext): Promise<PollOutcome> {
  const clock = context.now ?? (() => new Date());
  const settings = env();
  const redis = sharedRedis();
  const now = clock();
  const limitedUntil = await channelLimitedUntil(redis, settings.QUEUE_PREFIX, job.channelId, now);
  if (limitedUntil) return { kind: 'deferred', until: limitedUntil, reason: 'rate_limited' };

  const [row] = await preparedQuery<unknown>('signpost_load_poll', LOAD, [
    job.channelId,
    job.postIds,
    now,
  ]);
  if (!row) return { kind: 'skipped', reason: 'no such channel' };
  const channel = ChannelForPolling.parse(row);
  if (channel.status !== 'active')
    return { kind: 'skipped', reason: `the channel is ${channel.status}` };
  if (channel.posts.length === 0) return { kind: 'skipped', reason: 'no post left to poll' };
  // Publishing comes first: its calls and the channel's rate limit are for posts due now, and so
  // is the CPU while any post is due. A poll waits, but not past its lease (another sweep would
  // then poll the same posts again).
  const waitUntil = new Date(now.getTime() + PUBLISHING_FIRST_DELAY_MS);
  if (
    waitUntil.getTime() < Date.parse(job.leaseUntil) - LEASE_MARGIN_MS &&
    (channel.publishingDue || (await publishingBusy()))
  )
    return { kind: 'deferred', until: waitUntil, reason: 'publishing_first' };

  const log = context.log.child({ channelId: channel.id, platform: channel.platform });
  const adapter = adapters[channel.platform];
  let answers: Map<string, MetricsAnswer>;
  try {
    answers = await withChannelConnection(channel, settings, clock, (connection) =>
      adapter.metrics(
        connection,
        channel.posts.map((post) => ({
          externalId: post.externalId,
          publishedAt: post.publishedAt,
        })),
        AbortSignal.timeout(settings.PUBLISH_TIMEOUT_SECONDS * 1000),
        clock(),
      ),
    );
  } catch (error) {
    // Anything but a classified platform answer (a dropped connection, a bug) is retried by
    // BullMQ with backoff; past the last attempt the lease runs out and a later sweep tries again.
    if (!(error instanceof PlatformError)) throw error;
    if (error.options.retryAfterMs !== undefined || error.options.rateLimit)
      await noteRateLimit(redis, settings.QUEUE_PREFIX, channel.id, error.options, clock());
    const message = `${platformRules[channel.platform].label}: ${error.message}`;
    if (error.kind === 'auth') {
      await markRefused(channel, message);
      log.warn({ err: error }, 'poll refused: the channel needs re-authorising');
      return { kind: 'needs_reauth', reason: message };
    }
    if (error.kind === 'permanent') {
      // Asking again in a while would get the same answer (Nextdoor lists only an agency's latest
      // 100 posts, say): this poll is skipped and the post waits for its next planned one, rather
      // than being asked again every lease.
      await skipPoll(channel.posts, clock());
      log.warn({ err: error, posts: channel.posts.length }, 'poll failed; skipped to the next one');
      return { kind: 'failed', reason: message };
    }
    const until = await channelLimitedUntil(redis, settings.QUEUE_PREFIX, channel.id, clock());
    if (until) return { kind: 'deferred', until, reason: 'rate_limited' };
    throw error;
  }

  const byExternalId = new Map(channel.posts.map((post) => [post.externalId, post]));
  const byPostId = new Map<string, PollAnswer>();
  for (const [externalId, answer] of answers) {
    const post = byExternalId.get(externalId);
    if (!post) continue;
    if (answer.kind === 'removed') byPostId.set(post.id, answer);
    else {
      const { raw, ...figures } = answer.figures;
      byPostId.set(post.id, { kind: 'figures', figures, raw });
    }
  }
  const recorded = await recordPoll(channel.posts, byPostId, clock());
  const unanswered = channel.posts.length - recorded.polled - recorded.removed;
  if (unanswered > 0) log.warn({ unanswered }, 'the platform did not answer for some posts');
  return { kind: 'polled', ...recorded, unanswered };
}

const SKIP_POLL = `
  UPDATE posts p SET "pollsDone" = i."pollsDone", "nextPollAt" = i."nextPollAt"
  FROM unnest($1::text[], $2::int[], $3::timestamp[]) AS i(id, "pollsDone", "nextPollAt")
  WHERE p.id = i.id`;

/** The posts' next poll by the plan, as if this one had been made, without a snapshot. */
async function skipPoll(posts: readonly PolledPost[], now: Date) {
  const plans = posts.map((post) => afterPoll(post.publishedAt, post.pollsDone, now));
  await preparedQuery('signpost_skip_poll', SKIP_POLL, [
    posts.map((post) => post.id),
    plans.map((plan) => plan.pollsDone),
    plans.map((plan) => plan.nextPollAt?.toISOString() ?? null),
  ]);
}

/** Marks the channel once, however many of its polls were refused at the same moment. */
async function markRefused(channel: z.output<typeof ChannelForPolling>, message: string) {
  await db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM channels WHERE id = ${channel.id} FOR UPDATE`;
    if (current?.status !== 'active') return;
    await markNeedsReauth(tx, channel, message);
  });
}
