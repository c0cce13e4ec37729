// Publishing one post when its job falls due (DESIGN.md, "A post's life"). The database
// decides: the post is claimed with a conditional update (only `scheduled` becomes
// `publishing`), so however many workers hold a job for it, one publishes. Then, in order:
// pauses, blackouts and the channel's state; a fresh render with the current signpost and its
// check (a failing check holds the post — it is never published unsigned); the attempt is
// recorded; the platform is called; the outcome is recorded.
import { env } from '../env';
import { AppError } from '../errors';
import { platformMediaFacts } from '../media/media-facts';
import { publishMediaFor } from '../media/publish-media';
import { db } from '../db';
import { adapters } from '../platforms/adapters/registry';
import { platformRules } from '../platforms/rules';
import type { PublishPostJob } from '../queue/jobs';
import { sharedRedis } from '../redis';
import { holdFor } from './find-hold';
import { claimPostForPublishing } from './load-post';
import { channelLimitedUntil, noteRateLimit } from './rate-limits';
import { holdPost, recordFailure, recordPublished, startAttempt } from './record-outcome';
import { renderForChannel } from './render-for-channel';
import { withChannelConnection } from './renew-credentials';
import type { PublishContext, PublishOutcome } from './publish-outcome';
import { TWIN_WAIT_MS, twinDecision, type Twin } from './twin-rule';
import { verifyUnconfirmed } from './verify-unconfirmed';

export async function publishPost(
  job: PublishPostJob,
  context: PublishContext,
): Promise<PublishOutcome> {
  const clock = context.now ?? (() => new Date());
  const settings = env();
  // Waiting out a platform's rate limit is not an attempt: check before claiming.
  if (job.channelId) {
    const limitedUntil = await channelLimitedUntil(
      sharedRedis(),
      settings.QUEUE_PREFIX,
      job.channelId,
      clock(),
    );
    if (limitedUntil) return { kind: 'deferred', until: limitedUntil };
  }

  // Welsh and English together (issue 13): an English post waits for its Welsh twin, and is
  // held with it. Asked before the claim, so waiting is not an attempt.
  const twin = twinDecision(...(await twinsOf(job.postId)));
  if (twin.kind === 'wait')
    return { kind: 'deferred', until: new Date(clock().getTime() + TWIN_WAIT_MS) };

  const post = await claimPostForPublishing(job, context.workerId, clock());
  if (!post) {
    // Not ours to publish: the job is stale, another worker has it, or it awaits a check.
    const current = await db.post.findUnique({
      where: { id: job.postId },
      select: { status: true, revision: true },
    });
    if (current?.revision === job.revision && current.status === 'unconfirmed')
      return verifyUnconfirmed(job, context);
    return {
      kind: 'skipped',
      reason: current
        ? `the post is ${current.status}, revision ${current.revision}`
        : 'no such post',
    };
  }
  const rules = platformRules[post.platform];
  const log = context.log.child({
    postId: post.id,
    platform: post.platform,
    channelId: post.channelId,
  });
  // The pauses and blackouts were read in the same statement as the claim: a pause written
  // before this claim holds the post; one written after waits for it (lib/pauses/create-pause).
  const hold =
    holdFor({ ...post, platformLabel: rules.label }, post.pauses, post.blackouts, clock()) ??
    (twin.kind === 'hold' ? twin.reason : null);
  if (hold) {
    await holdPost(post, hold, context.workerId);
    log.info({ reason: hold }, 'post held');
    return { kind: 'held', reason: hold };
  }
  if (!post.signpost) throw new Error('No signpost is set: nothing can be published without one');
  const mediaFacts = await platformMediaFacts(post.platform, post.message.media);

  const signpost = post.signpost;
  const rendered = renderForChannel({
    message: post.message,
    platform: post.platform,
    organisation: post.organisation,
    campaignSlug: post.campaign.slug,
    signpost,
    media: mediaFacts,
    language: post.language,
  });
  if (!rendered.valid) {
    const reason = `Not published: the post failed its checks with signpost v${signpost.version}. ${rendered.problems
      .map((problem) => problem.message)
      .join(' ')}`;
    await holdPost(post, reason, context.workerId);
    log.warn({ problems: rendered.problems }, 'post held: failed its checks');
    return { kind: 'held', reason };
  }

  let media;
  try {
    media = await publishMediaFor(post.platform, post.message.media, settings.APP_URL);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const reason = `Not published: ${error.message}`;
    await holdPost(post, reason, context.workerId);
    return { kind: 'held', reason };
  }

  // The attempt and the exact text being sent are written before the call: if this process
  // dies mid-call, the reconciler knows what to look for on the platform.
  const attemptNumber = post.attempts + 1;
  await startAttempt(
    post.id,
    attemptNumber,
    rendered.text,
    signpost.version,
    context.workerId,
    clock(),
  );

  const request = {
    postId: post.id,
    text: rendered.text,
    links: rendered.links,
    media,
  };
  try {
    const result = await withChannelConnection(post.channel, settings, clock, (connection) =>
      adapters[post.platform].publish(
        connection,
        request,
        AbortSignal.timeout(settings.PUBLISH_TIMEOUT_SECONDS * 1000),
      ),
    );
    await noteRateLimit(
      sharedRedis(),
      settings.QUEUE_PREFIX,
      post.channelId,
      { rateLimit: result.rateLimit },
      clock(),
    );
    await recordPublished(post, attemptNumber, result, clock());
    log.debug({ externalId: result.externalId, attempt: attemptNumber }, 'post published');
    return { kind: 'published', externalId: result.externalId };
  } catch (error) {
    const outcome = await recordFailure(post, attemptNumber, error, clock(), settings);
    log.warn(
      { err: error, attempt: attemptNumber, outcome: outcome.kind },
      'publish attempt failed',
    );
    return outcome;
  }
}

/** The post's language and its Welsh and English twins, as the twin rule needs them. */
async function twinsOf(postId: string): Promise<[{ language: string }, Twin[]]> {
  const rows = await db.$queryRaw<(Twin & { own: string })[]>`
    SELECT p.language::text AS own, t.language::text AS language, t.status::text AS status,
      t."heldReason"
    FROM posts p JOIN posts t ON t."pairId" = p."pairId" AND t.id <> p.id
    WHERE p.id = ${postId} AND p.language = 'en' AND p."pairId" IS NOT NULL`;
  return [{ language: rows[0]?.own ?? 'cy' }, rows];
}
