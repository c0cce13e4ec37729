// Writing down what happened to a claimed post: each outcome is one transaction with its
// attempt and audit event, moves the post only as the state machine allows, and only from the
// state this worker left it in (a conditional update), so a slow worker cannot overwrite what
// the reconciler or another worker decided meanwhile.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/prisma/generated/client';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit';
import { db } from '../db';
import type { Env } from '../env';
import { PlatformError, type PublishResult } from '../platforms/adapter';
import { platformRules } from '../platforms/rules';
import { mustMove, type PostEvent } from '../posts/state-machine';
import { sharedRedis } from '../redis';
import { hasAttemptsLeft, retryDelayMs } from '../scheduling/backoff';
import { enqueuePosts } from './enqueue';
import { preparedQuery } from './hot-path';
import type { PostForPublishing } from './load-post';
import type { PublishOutcome } from './publish-outcome';
import { markNeedsReauth, needsReauthReason } from './mark-needs-reauth';
import { noteRateLimit } from './rate-limits';
import { firstPollAt, startReachCtes } from '../reach/start-reach';

type Tx = Prisma.TransactionClient;

/** The state machine's answer, or a loud failure: a wrong move here is a bug, never data. */
async function finishAttempt(
  tx: Tx,
  postId: string,
  number: number,
  data: Prisma.PublishAttemptUpdateInput,
) {
  await tx.publishAttempt.updateMany({ where: { postId, number }, data });
}

/** Moves a claimed post from `publishing`; false when it is no longer this worker's to move. */
async function moveClaimed(
  tx: Tx,
  post: PostForPublishing,
  data: Prisma.PostUpdateManyMutationInput,
) {
  const updated = await tx.post.updateMany({
    where: { id: post.id, status: { in: ['publishing', 'unconfirmed'] } },
    data,
  });
  return updated.count === 1;
}

export async function holdPost(
  post: PostForPublishing,
  reason: string,
  workerId: string,
): Promise<void> {
  const to = mustMove('publishing', 'hold');
  await db.$transaction(async (tx) => {
    if (
      !(await moveClaimed(tx, post, {
        status: to,
        heldReason: reason,
        claimedAt: null,
        claimedBy: null,
      }))
    )
      return;
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'post.held',
      entityId: post.id,
      organisationId: post.organisationId,
      before: { status: 'publishing' },
      after: { status: to, heldReason: reason, by: workerId },
    });
  });
}

/**
 * The attempt begins: the exact text being sent and the attempt row, in one statement (the hot
 * path of publishing: one round trip instead of a transaction's four).
 */
const START_ATTEMPT = `
  WITH post AS (
    UPDATE posts SET text = $3, "signpostVersion" = $4, "updatedAt" = $5 WHERE id = $2
  )
  INSERT INTO publish_attempts (id, "postId", number, "startedAt", "workerId") VALUES ($1, $2, $6, $5, $7)`;

/**
 * The attempt begins: the exact text being sent and the attempt row, in one statement (the hot
 * path of publishing: one round trip instead of a transaction's four).
 */
export async function startAttempt(
  postId: string,
  number: number,
  text: string,
  signpostVersion: number,
  workerId: string,
  now: Date,
): Promise<void> {
  await preparedQuery('signpost_start_attempt', START_ATTEMPT, [
    randomUUID(),
    postId,
    text,
    signpostVersion,
    now,
    number,
    workerId,
  ]);
}

const RECORD_PUBLISHED = `
  WITH moved AS (
    UPDATE posts SET status = 'published', "externalId" = $2, "externalUrl" = $3, "publishedAt" = $4,
      attempts = $5, "lastError" = NULL, "heldReason" = NULL, "nextAttemptAt" = NULL, "updatedAt" = $4,
      "nextPollAt" = $10, "pollsDone" = 0
    WHERE id = $1 AND status IN ('publishing', 'unconfirmed')
    RETURNING id
  ), ${startReachCtes('$1', '$4', 'EXISTS (SELECT 1 FROM moved)')}, attempt AS (
    UPDATE publish_attempts SET "finishedAt" = $4, outcome = 'published' WHERE "postId" = $1 AND number = $5
  )
  INSERT INTO audit_events (at, "actorId", "actorLabel", action, "entityType", "entityId", "organisationId", before, after)
  VALUES ($4, NULL, $6, 'post.published', 'post', $1, $7, $8::jsonb, $9::jsonb)`;

/** Published: the post, its attempt, its reach row and first poll, and the audit event in one statement (one round trip). */
export async function recordPublished(
  post: PostForPublishing,
  attemptNumber: number,
  result: PublishResult,
  now: Date,
): Promise<void> {
  const to = mustMove('publishing', 'published');
  await preparedQuery('signpost_record_published', RECORD_PUBLISHED, [
    post.id,
    result.externalId,
    result.externalUrl,
    now,
    attemptNumber,
    SYSTEM_ACTOR.label,
    post.organisationId,
    JSON.stringify({ status: 'publishing' }),
    JSON.stringify({
      status: to,
      externalId: result.externalId,
      externalUrl: result.externalUrl,
      attempt: attemptNumber,
    }),
    firstPollAt(now),
  ]);
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 1000);
  return 'An unknown error';
}

/** Decides and records what a failed call means for the post. */
export async function recordFailure(
  post: PostForPublishing,
  attemptNumber: number,
  error: unknown,
  now: Date,
  settings: Env,
): Promise<PublishOutcome> {
  const platform = platformRules[post.platform].label;
  // Anything that is not a classified platform answer (a bug, a dropped connection after
  // sending) may have reached the platform: the post is unconfirmed, looked for before a retry.
  const failure =
    error instanceof PlatformError
      ? error
      : new PlatformError('transient', describeError(error), { outcomeUnknown: true });
  const message = `${platform}: ${failure.message}`;
  const httpStatus = failure.options.httpStatus ?? null;
  if (failure.options.retryAfterMs !== undefined || failure.options.rateLimit) {
    await noteRateLimit(sharedRedis(), settings.QUEUE_PREFIX, post.channelId, failure.options, now);
  }

  if (failure.kind === 'auth')
    return recordAuthFailure(post, attemptNumber, message, httpStatus, now);

  const event: PostEvent =
    failure.kind === 'permanent'
      ? 'permanent_error'
      : failure.options.outcomeUnknown
        ? 'crash_detected'
        : hasAttemptsLeft(attemptNumber)
          ? 'transient_error'
          : 'retries_exhausted';
  const to = mustMove('publishing', event);
  const revision = post.revision + 1;
  const dueAt =
    event === 'transient_error'
      ? new Date(
          now.getTime() +
            retryDelayMs({
              attempt: attemptNumber,
              retryAfterMs: failure.options.retryAfterMs,
              random: Math.random,
              baseMs: settings.RETRY_BASE_SECONDS * 1000,
            }),
        )
      : event === 'crash_detected'
        ? new Date(now.getTime() + 5_000)
        : null;

  const moved = await db.$transaction(async (tx) => {
    const ok = await moveClaimed(tx, post, {
      status: to,
      attempts: attemptNumber,
      lastError: message,
      revision,
      nextAttemptAt: dueAt,
      claimedAt: event === 'crash_detected' ? post.claimedAt : null,
    });
    await finishAttempt(tx, post.id, attemptNumber, {
      finishedAt: now,
      outcome: event === 'crash_detected' ? 'unknown' : failure.kind,
      httpStatus,
      error: message,
    });
    if (ok) {
      await recordAudit(tx, SYSTEM_ACTOR, {
        action:
          to === 'scheduled'
            ? 'post.retry_scheduled'
            : to === 'unconfirmed'
              ? 'post.unconfirmed'
              : 'post.failed',
        entityId: post.id,
        organisationId: post.organisationId,
        before: { status: 'publishing' },
        after: { status: to, attempt: attemptNumber, error: message, nextAttemptAt: dueAt },
      });
    }
    return ok;
  });
  if (moved && dueAt)
    await enqueuePosts([{ id: post.id, revision, channelId: post.channelId, dueAt }], now);
  const kind =
    to === 'scheduled' ? 'retry_scheduled' : to === 'unconfirmed' ? 'unconfirmed' : 'failed';
  return { kind, reason: message };
}

/**
 * 401/403: the channel needs re-authorising. The post and the channel's other scheduled posts
 * are held (a person must reconnect the account, then release them), and the channel is marked,
 * which the Schedule page and Settings show.
 */
async function recordAuthFailure(
  post: PostForPublishing,
  attemptNumber: number,
  message: string,
  httpStatus: number | null,
  now: Date,
): Promise<PublishOutcome> {
  const to = mustMove('publishing', 'auth_error');
  const reason = needsReauthReason(post.channel, message);
  await db.$transaction(async (tx) => {
    await moveClaimed(tx, post, {
      status: to,
      attempts: attemptNumber,
      lastError: message,
      heldReason: reason,
      claimedAt: null,
    });
    await finishAttempt(tx, post.id, attemptNumber, {
      finishedAt: now,
      outcome: 'auth',
      httpStatus,
      error: message,
    });
    await markNeedsReauth(tx, { ...post.channel, organisationId: post.organisationId }, message, {
      postsHeldBeside: 1,
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'post.held',
      entityId: post.id,
      organisationId: post.organisationId,
      before: { status: 'publishing' },
      after: { status: to, heldReason: reason, attempt: attemptNumber },
    });
  });
  return { kind: 'held', reason };
}
