// The shared path of every person's action on a post (reschedule, cancel, retry, release): find
// it within what the actor may see (else 404), check they may manage it (else 403), ask the
// state machine (else 409 with its reason), and update only if nobody changed it meanwhile
// (a conditional update on status and revision), with its audit event, in one transaction.
import type { Prisma } from '@/prisma/generated/client';
import type { AuditAction } from '../audit/audit-actions';
import type { AuditActor } from '../audit/record-audit';
import { recordAudit } from '../audit/record-audit';
import { can, organisationScope, type Actor } from '../auth/permissions';
import { db } from '../db';
import { AppError } from '../errors';
import { enqueuePosts, removePublishJob } from '../publishing/enqueue';
import { POST_VIEW_SELECT, toPostView, type PostView } from './post-view';
import { type PostEvent, transition } from './state-machine';

export interface PostChange {
  event: PostEvent;
  action: AuditAction;
  /** Extra fields to write beside the new status. */
  data?: (post: { scheduledAt: Date }) => Prisma.PostUpdateManyMutationInput;
  /** Checks that need the post (e.g. a release while the pause is still on). */
  check?: (post: {
    id: string;
    organisationId: string;
    channelId: string;
    campaignId: string;
    scheduledAt: Date;
  }) => Promise<void>;
  /** When the post's job should run, for changes that leave it scheduled. */
  dueAt?: (post: { scheduledAt: Date }) => Date;
}

export async function findVisiblePost(actor: Actor, postId: string) {
  const scope = organisationScope(actor, 'post.read');
  const post = await db.post.findFirst({
    where: { id: postId, ...(scope === 'all' ? {} : { organisationId: { in: scope } }) },
    select: {
      id: true,
      status: true,
      revision: true,
      organisationId: true,
      channelId: true,
      campaignId: true,
      scheduledAt: true,
    },
  });
  if (!post) throw new AppError('not_found', 'That post was not found.');
  return post;
}

export async function changePost(
  actor: Actor,
  audit: AuditActor,
  postId: string,
  change: PostChange,
  now = new Date(),
): Promise<PostView> {
  const post = await findVisiblePost(actor, postId);
  if (!can(actor, 'post.manage', { organisationId: post.organisationId })) {
    throw new AppError('forbidden', 'You may not change posts of this organisation.');
  }
  const move = transition(post.status, change.event);
  if (!move.ok) throw new AppError('conflict', move.reason);
  await change.check?.(post);

  const revision = post.revision + 1;
  const extra = change.data?.(post) ?? {};
  const updated = await db.$transaction(async (tx) => {
    const result = await tx.post.updateMany({
      where: { id: post.id, status: post.status, revision: post.revision },
      data: { ...extra, status: move.to, revision, claimedAt: null, claimedBy: null },
    });
    if (result.count !== 1)
      throw new AppError(
        'conflict',
        'The post changed while you were looking at it. Reload and try again.',
      );
    const row = await tx.post.findUniqueOrThrow({
      where: { id: post.id },
      select: POST_VIEW_SELECT,
    });
    await recordAudit(tx, audit, {
      action: change.action,
      entityId: post.id,
      organisationId: post.organisationId,
      before: { status: post.status, scheduledAt: post.scheduledAt },
      after: { status: row.status, scheduledAt: row.scheduledAt },
    });
    return row;
  });
  await removePublishJob(post.id, post.revision);
  if (updated.status === 'scheduled') {
    await enqueuePosts(
      [
        {
          id: post.id,
          revision,
          channelId: post.channelId,
          dueAt: change.dueAt?.(updated) ?? updated.scheduledAt,
        },
      ],
      now,
    );
  }
  return toPostView(updated, actor);
}
