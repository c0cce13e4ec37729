// An unconfirmed post may or may not be on the platform: its worker died mid-call, or the call
// timed out after sending. Before any retry the adapter looks for it on the platform, so it is
// never published twice: found → published; not found → scheduled again (if attempts remain).
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit';
import { db } from '../db';
import { env } from '../env';
import { adapters } from '../platforms/adapters/registry';
import type { PublishPostJob } from '../queue/jobs';
import { mustMove } from '../posts/state-machine';
import { enqueuePosts } from './enqueue';
import { loadPostForPublishing } from './load-post';
import type { PublishContext, PublishOutcome } from './publish-outcome';
import { withChannelConnection } from './renew-credentials';
import { startReach } from '../reach/start-reach';

/** How far before the claim to look: platform clocks and ours differ a little. */
const CLOCK_SLACK_MS = 5 * 60 * 1000;
const VERIFY_AGAIN_AFTER_MS = 30_000;

export async function verifyUnconfirmed(
  job: PublishPostJob,
  context: PublishContext,
): Promise<PublishOutcome> {
  const clock = context.now ?? (() => new Date());
  const settings = env();
  // Claim the check itself: one worker looks, whatever the number of jobs.
  const revision = job.revision + 1;
  const claim = await db.post.updateMany({
    where: { id: job.postId, revision: job.revision, status: 'unconfirmed' },
    data: { revision, claimedBy: context.workerId },
  });
  if (claim.count !== 1) return { kind: 'skipped', reason: 'another worker is checking the post' };

  const post = await loadPostForPublishing(job.postId);
  const since = new Date((post.claimedAt ?? post.scheduledAt).getTime() - CLOCK_SLACK_MS);
  // Finding a post needs only its text; its images are not sent again.
  const request = { postId: post.id, text: post.text, links: [], media: [] };
  let found;
  try {
    found = await withChannelConnection(post.channel, settings, clock, (connection) =>
      adapters[post.platform].findExisting(
        connection,
        request,
        since,
        AbortSignal.timeout(settings.PUBLISH_TIMEOUT_SECONDS * 1000),
      ),
    );
  } catch (error) {
    // The platform cannot tell us now: stay unconfirmed and look again shortly.
    context.log.warn(
      { err: error, postId: post.id },
      'could not check the platform for an unconfirmed post',
    );
    await enqueuePosts(
      [
        {
          id: post.id,
          revision,
          channelId: post.channelId,
          dueAt: new Date(clock().getTime() + VERIFY_AGAIN_AFTER_MS),
        },
      ],
      clock(),
    );
    return { kind: 'still_unconfirmed', reason: 'the platform could not be checked' };
  }

  const now = clock();
  if (found) {
    const to = mustMove('unconfirmed', 'found_on_platform');
    await db.$transaction(async (tx) => {
      const moved = await tx.post.updateMany({
        where: { id: post.id, revision, status: 'unconfirmed' },
        data: {
          status: to,
          externalId: found.externalId,
          externalUrl: found.externalUrl,
          publishedAt: now,
          lastError: null,
        },
      });
      if (moved.count === 1) await startReach(tx, post.id, now);
      await tx.publishAttempt.updateMany({
        where: { postId: post.id, number: post.attempts, outcome: { in: ['unknown'] } },
        data: { outcome: 'found_existing', finishedAt: now },
      });
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'post.confirmed_on_platform',
        entityId: post.id,
        organisationId: post.organisationId,
        before: { status: 'unconfirmed' },
        after: { status: to, externalId: found.externalId },
      });
    });
    return { kind: 'published', externalId: found.externalId };
  }

  // Not there: publish it again (the next attempt counts against the post's limit as usual).
  const to = mustMove('unconfirmed', 'not_found_on_platform');
  const nextRevision = revision + 1;
  await db.$transaction(async (tx) => {
    await tx.post.updateMany({
      where: { id: post.id, revision, status: 'unconfirmed' },
      data: {
        status: to,
        revision: nextRevision,
        nextAttemptAt: now,
        claimedAt: null,
        claimedBy: null,
      },
    });
    await tx.publishAttempt.updateMany({
      where: { postId: post.id, number: post.attempts, outcome: 'unknown' },
      data: { error: 'Not found on the platform afterwards: it was not published.' },
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'post.not_found_on_platform',
      entityId: post.id,
      organisationId: post.organisationId,
      before: { status: 'unconfirmed' },
      after: { status: to },
    });
  });
  await enqueuePosts(
    [{ id: post.id, revision: nextRevision, channelId: post.channelId, dueAt: now }],
    now,
  );
  return { kind: 'retry_scheduled', reason: 'not found on the platform' };
}
