// The sweep: finds published posts due a poll, leases them, and enqueues one poll job per channel
// batch. The database decides which posts are due (posts."nextPollAt", set by the polling plan);
// the queue only delivers. Claiming moves each post's next poll forward by a lease, in the same
// statement that selects it, so two sweeps (or two worker processes) never claim the same post,
// and a poll whose worker died is claimed again when the lease runs out.
import { adapters } from '../platforms/adapters/registry';
import { preparedQuery } from '../publishing/hot-path';
import {
  JOB_NAMES,
  MAINTENANCE_JOB_DEFAULTS,
  POLL_JOB_DEFAULTS,
  pollChannelJobId,
  QUEUES,
} from '../queue/jobs';
import { queue } from '../queue/queues';
import type { Platform } from '../platforms/types';
import { pollBatches } from './poll-batches';
import { publishingBusy } from './publishing-busy';

/** A claimed post is polled again after this if its poll never finished. */
export const POLL_LEASE_MS = 15 * 60 * 1000;
/** At most this many posts per sweep; a full sweep enqueues the next one at once. */
export const SWEEP_LIMIT = 5_000;

// Only channels that may be called: a channel that needs re-authorising keeps its posts due, and
// they are polled once someone reconnects it. Publishing comes first: a channel with posts due to
// publish now is left for a later sweep, so its polls make no jobs (and no work) while it publishes.
const CLAIM_DUE = `
  WITH publishing AS (
    SELECT DISTINCT "channelId" FROM posts
    WHERE status = 'publishing' OR (status = 'scheduled' AND "scheduledAt" <= $1)
  ), due AS (
    SELECT p.id FROM posts p JOIN channels c ON c.id = p."channelId"
    WHERE p.status = 'published' AND p."nextPollAt" <= $1 AND p."removedAt" IS NULL
      AND c.status = 'active' AND p."channelId" NOT IN (SELECT "channelId" FROM publishing)
    ORDER BY p."nextPollAt", p.id
    LIMIT $2
    FOR UPDATE OF p SKIP LOCKED
  )
  UPDATE posts p SET "nextPollAt" = $3 FROM due WHERE p.id = due.id
  RETURNING p.id, p."channelId", p.platform, p."publishedAt"`;

interface ClaimedRow {
  id: string;
  channelId: string;
  platform: Platform;
  publishedAt: Date;
}

export interface SweepReport {
  claimed: number;
  jobs: number;
  /** The sweep was full: more posts may be due, and another sweep is enqueued now. */
  more: boolean;
}

export async function sweepPolls({
  now,
  limit = SWEEP_LIMIT,
}: {
  now: Date;
  limit?: number;
}): Promise<SweepReport> {
  // Nothing is claimed while publishing has posts due now: the next sweep claims them.
  if (await publishingBusy()) return { claimed: 0, jobs: 0, more: false };
  const leaseUntil = new Date(now.getTime() + POLL_LEASE_MS);
  const rows = await preparedQuery<ClaimedRow>('signpost_claim_polls', CLAIM_DUE, [
    now,
    limit,
    leaseUntil,
  ]);
  // RETURNING comes in no particular order: the longest-waiting (earliest published) first.
  rows.sort(
    (a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.id.localeCompare(b.id),
  );
  const batches = pollBatches(rows, (platform) => adapters[platform].metricsBatchSize);
  const metrics = queue(QUEUES.metrics);
  if (batches.length > 0) {
    await metrics.addBulk(
      batches.map((batch) => {
        const data = {
          channelId: batch.channelId,
          postIds: batch.postIds,
          leaseUntil: leaseUntil.toISOString(),
        };
        return {
          name: JOB_NAMES.pollChannel,
          data,
          opts: { ...POLL_JOB_DEFAULTS, jobId: pollChannelJobId(data) },
        };
      }),
    );
  }
  const more = rows.length >= limit;
  if (more) await metrics.add(JOB_NAMES.pollSweep, {}, MAINTENANCE_JOB_DEFAULTS);
  return { claimed: rows.length, jobs: batches.length, more };
}
