// The reconciler keeps Redis in step with the database, which is the source of truth. At worker
// start and every minute it:
// 1. turns each post stuck in `publishing` past the claim timeout (its worker died) into
//    `unconfirmed`, to be looked for on the platform before any retry;
// 2. gives every `scheduled` or `unconfirmed` post whose job is missing (Redis flushed, an
//    enqueue that failed) or already finished a job again, due at its time.
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit';
import { db } from '../db';
import { env } from '../env';
import type { Logger } from '../log';
import { publishJobId, QUEUES } from '../queue/jobs';
import { queue } from '../queue/queues';
import { sharedRedis } from '../redis';
import { mustMove } from '../posts/state-machine';
import { enqueuePosts, type DuePost } from './enqueue';

const PAGE = 5000;

export interface ReconcileReport {
  markedUnconfirmed: number;
  jobsRestored: number;
  jobsReplaced: number;
}

export async function reconcile({
  now,
  log,
}: {
  now: Date;
  log: Logger;
}): Promise<ReconcileReport> {
  const markedUnconfirmed = await markStaleClaims(now);
  const { restored, replaced } = await restoreMissingJobs(now);
  if (markedUnconfirmed + restored + replaced > 0) {
    log.warn(
      { markedUnconfirmed, jobsRestored: restored, jobsReplaced: replaced },
      'reconciler repaired posts',
    );
  }
  return { markedUnconfirmed, jobsRestored: restored, jobsReplaced: replaced };
}

async function markStaleClaims(now: Date): Promise<number> {
  const claimedBefore = new Date(now.getTime() - env().CLAIM_STALE_AFTER_SECONDS * 1000);
  const stale = await db.post.findMany({
    where: { status: 'publishing', claimedAt: { lt: claimedBefore } },
    select: {
      id: true,
      revision: true,
      organisationId: true,
      channelId: true,
      claimedBy: true,
      attemptsLog: { select: { number: true }, orderBy: { number: 'desc' }, take: 1 },
    },
  });
  const due: DuePost[] = [];
  const to = mustMove('publishing', 'crash_detected');
  for (const post of stale) {
    const attempts = post.attemptsLog[0]?.number ?? 0;
    const revision = post.revision + 1;
    const moved = await db.$transaction(async (tx) => {
      const updated = await tx.post.updateMany({
        where: { id: post.id, status: 'publishing', claimedAt: { lt: claimedBefore } },
        data: {
          status: to,
          revision,
          attempts,
          lastError: 'The worker publishing this post stopped before it finished.',
        },
      });
      if (updated.count !== 1) return false;
      await tx.publishAttempt.updateMany({
        where: { postId: post.id, number: attempts, outcome: null },
        data: {
          outcome: 'unknown',
          finishedAt: now,
          error: 'The worker stopped during the call; the outcome is unknown.',
        },
      });
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'post.unconfirmed',
        entityId: post.id,
        organisationId: post.organisationId,
        before: { status: 'publishing', claimedBy: post.claimedBy },
        after: { status: to },
      });
      return true;
    });
    if (moved) due.push({ id: post.id, revision, channelId: post.channelId, dueAt: now });
  }
  await enqueuePosts(due, now);
  return due.length;
}

async function restoreMissingJobs(now: Date): Promise<{ restored: number; replaced: number }> {
  const publishQueue = queue(QUEUES.publish);
  const redis = sharedRedis();
  let restored = 0;
  let replaced = 0;
  let after: string | undefined;
  for (;;) {
    const posts = await db.post.findMany({
      where: {
        status: { in: ['scheduled', 'unconfirmed'] },
        ...(after ? { id: { gt: after } } : {}),
      },
      select: { id: true, revision: true, channelId: true, scheduledAt: true, nextAttemptAt: true },
      orderBy: { id: 'asc' },
      take: PAGE,
    });
    if (posts.length === 0) break;
    after = posts.at(-1)?.id;

    const pipeline = redis.pipeline();
    for (const post of posts) {
      const key = publishQueue.toKey(publishJobId({ postId: post.id, revision: post.revision }));
      pipeline.exists(key).hexists(key, 'finishedOn');
    }
    const answers = (await pipeline.exec()) ?? [];
    const missing: DuePost[] = [];
    const finished: typeof posts = [];
    posts.forEach((post, index) => {
      const exists = Number(answers[index * 2]?.[1] ?? 0) === 1;
      const done = Number(answers[index * 2 + 1]?.[1] ?? 0) === 1;
      const dueAt = post.nextAttemptAt ?? post.scheduledAt;
      if (!exists)
        missing.push({ id: post.id, revision: post.revision, channelId: post.channelId, dueAt });
      else if (done) finished.push(post);
    });
    await enqueuePosts(missing, now);
    restored += missing.length;

    // A finished job holds its id, so a post whose job ended without moving it gets a new revision.
    for (const post of finished) {
      const bumped = await db.post.updateMany({
        where: {
          id: post.id,
          revision: post.revision,
          status: { in: ['scheduled', 'unconfirmed'] },
        },
        data: { revision: post.revision + 1 },
      });
      if (bumped.count === 1) {
        await enqueuePosts(
          [
            {
              id: post.id,
              revision: post.revision + 1,
              channelId: post.channelId,
              dueAt: post.nextAttemptAt ?? post.scheduledAt,
            },
          ],
          now,
        );
        replaced += 1;
      }
    }
    if (posts.length < PAGE) break;
  }
  return { restored, replaced };
}
