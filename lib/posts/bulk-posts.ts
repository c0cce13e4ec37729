// `POST /posts/bulk` and the Schedule page's selection (issue 10): cancel, release, retry or move
// many posts at once. Each post goes through its own route's function (cancel-post.ts,
// release-post.ts, retry-post.ts, reschedule-post.ts, all through change-post.ts): the same
// permissions, state machine, blackout check, conditional update, audit entry and enqueue after
// commit, one transaction per post. So one post's refusal (another force's, already published,
// changed by someone meanwhile) is its own result and never stops the others.
import { z } from 'zod';
import type { AuditActor } from '../audit/record-audit';
import { organisationScope, type Actor } from '../auth/permissions';
import { db } from '../db';
import { AppError } from '../errors';
import { log } from '../log';
import { MINUTES_PER_DAY, moveBy } from '../scheduling/move-by';
import { RELEASE_SPREAD, type ReleaseSpread, spreadReleases } from '../scheduling/release-spread';
import { cancelPost } from './cancel-post';
import { findVisiblePost } from './change-post';
import type { PostView } from './post-view';
import { releasePost } from './release-post';
import { reschedulePost } from './reschedule-post';
import { retryPost } from './retry-post';
import { PostStatus } from './state-machine';

export const MAX_BULK_POSTS = 1000;
/** A year either way: further is a new schedule, not a move. */
export const MAX_MOVE_MINUTES = 366 * MINUTES_PER_DAY;

const PostIds = z
  .array(z.string().min(1).max(64))
  .min(1)
  .max(MAX_BULK_POSTS)
  .superRefine((ids, context) => {
    const first = new Map<string, number>();
    ids.forEach((id, index) => {
      const seen = first.get(id);
      if (seen === undefined) first.set(id, index);
      else context.addIssue({ code: 'custom', path: [index], message: `repeats ids.${seen}` });
    });
  })
  .describe(`the posts, each once; at most ${MAX_BULK_POSTS}`);

export const BulkPostsRequest = z
  .discriminatedUnion('action', [
    z.strictObject({ action: z.literal('cancel'), ids: PostIds }),
    z.strictObject({ action: z.literal('release'), ids: PostIds }),
    z.strictObject({ action: z.literal('retry'), ids: PostIds }),
    z.strictObject({
      action: z.literal('move'),
      ids: PostIds,
      minutes: z
        .number()
        .int()
        .min(-MAX_MOVE_MINUTES)
        .max(MAX_MOVE_MINUTES)
        .refine((minutes) => minutes !== 0, 'must move the posts: not 0')
        .describe(
          'how far to move each post: whole minutes, negative for earlier; whole days (multiples of 1440) keep the UK time of day across a clocks change',
        ),
    }),
  ])
  .meta({ id: 'BulkPostsRequest' });
export type BulkPostsRequest = z.infer<typeof BulkPostsRequest>;

export const BulkPostResult = z
  .object({
    id: z.string(),
    ok: z.boolean(),
    /** The post's status now: after the change, or as it stands when refused; null when not found. */
    status: PostStatus.nullable(),
    /** Move: the post's new time. */
    scheduledAt: z.iso.datetime().optional(),
    /** Release and retry: when it goes out. */
    goesOutAt: z.iso.datetime().optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .meta({ id: 'BulkPostResult' });
export type BulkPostResult = z.infer<typeof BulkPostResult>;

export const BulkPostsResponse = z.object({ results: z.array(BulkPostResult) });
export type BulkPostsResponse = z.infer<typeof BulkPostsResponse>;

// A few posts at a time: each is its own short transaction, and a thousand one after another
// would keep a person waiting; more at once would take the pool from everyone else.
const CONCURRENCY = 4;

export interface BulkOptions {
  now?: Date;
  /** How released posts are spread (lib/scheduling/release-spread.ts). */
  spread?: ReleaseSpread;
}

export async function bulkPosts(
  actor: Actor,
  audit: AuditActor,
  request: BulkPostsRequest,
  { now = new Date(), spread = RELEASE_SPREAD }: BulkOptions = {},
): Promise<BulkPostsResponse> {
  const change = await changeFor(actor, audit, request, now, spread);
  const results: BulkPostResult[] = new Array(request.ids.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(CONCURRENCY, request.ids.length) }, async () => {
    for (let index = next++; index < request.ids.length; index = next++) {
      const id = request.ids[index] ?? '';
      results[index] = await decide(id, () => change(id));
    }
  });
  await Promise.all(lanes);
  return { results: await withCurrentStatus(actor, results) };
}

type Change = (id: string) => Promise<Omit<BulkPostResult, 'id' | 'ok'>>;

async function changeFor(
  actor: Actor,
  audit: AuditActor,
  request: BulkPostsRequest,
  now: Date,
  spread: ReleaseSpread,
): Promise<Change> {
  const done = (post: PostView) => ({ status: post.status });
  switch (request.action) {
    case 'cancel':
      return async (id) => done(await cancelPost(actor, audit, id));
    case 'retry':
      return async (id) => ({
        ...done(await retryPost(actor, audit, id, now)),
        goesOutAt: now.toISOString(),
      });
    case 'release': {
      const slots = await releaseSlots(actor, request.ids, now, spread);
      return async (id) => {
        const post = await releasePost(actor, audit, id, now, { at: slots.get(id) });
        return { ...done(post), goesOutAt: post.nextAttemptAt ?? post.scheduledAt };
      };
    }
    case 'move':
      return async (id) => {
        const current = await findVisiblePost(actor, id);
        const moved = moveBy(current.scheduledAt, request.minutes);
        if (moved.kind !== 'ok') throw new AppError('validation_failed', moved.message);
        const post = await reschedulePost(
          actor,
          audit,
          id,
          { scheduledAt: moved.instant.toISOString() },
          now,
        );
        return { ...done(post), scheduledAt: post.scheduledAt };
      };
  }
}

/** The held posts among `ids` the actor may see, each given its slot in the spread. */
async function releaseSlots(
  actor: Actor,
  ids: readonly string[],
  now: Date,
  spread: ReleaseSpread,
) {
  const held = await db.post.findMany({
    where: { id: { in: [...ids] }, status: 'held', ...visible(actor) },
    select: { id: true, channelId: true, scheduledAt: true },
  });
  return spreadReleases(held, now, spread);
}

function visible(actor: Actor) {
  const scope = organisationScope(actor, 'post.read');
  return scope === 'all' ? {} : { organisationId: { in: scope } };
}

async function decide(id: string, run: () => ReturnType<Change>): Promise<BulkPostResult> {
  try {
    return { id, ok: true, ...(await run()) };
  } catch (error) {
    if (error instanceof AppError)
      return { id, ok: false, status: null, error: { code: error.code, message: error.message } };
    // A bug or an outage for this post: the others still get their answer, and this one says so.
    log.error({ err: error, postId: id }, 'bulk change of a post failed unexpectedly');
    return {
      id,
      ok: false,
      status: null,
      error: {
        code: 'internal_error',
        message: 'Something went wrong on our side. It has been logged.',
      },
    };
  }
}

/** A refused post's status as it stands now (a post the actor may not see stays null). */
async function withCurrentStatus(actor: Actor, results: BulkPostResult[]) {
  const refused = results.filter((result) => !result.ok).map((result) => result.id);
  if (refused.length === 0) return results;
  const rows = await db.post.findMany({
    where: { id: { in: refused }, ...visible(actor) },
    select: { id: true, status: true },
  });
  const status = new Map(rows.map((row) => [row.id, row.status]));
  return results.map((result) =>
    result.ok ? result : { ...result, status: status.get(result.id) ?? null },
  );
}
