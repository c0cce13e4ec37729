// Releasing a held post: a person decides it may go out now (posts held by a pause are never
// sent in a burst when the pause ends; each one is released, or rescheduled, on purpose).
import type { AuditActor } from '../audit/record-audit';
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { AppError } from '../errors';
import { findHold } from '../publishing/find-hold';
import { platformRules } from '../platforms/rules';
import { changePost } from './change-post';
import type { PostView } from './post-view';

export interface ReleaseOptions {
  /**
   * When it goes out, for posts released together (lib/scheduling/release-spread.ts): absent, it
   * goes out at its time, or now if that has passed.
   */
  at?: Date;
}

/**
 * Releases the post and, for a Welsh post, its held English twins with it (issue 13): a pause on
 * the Welsh account held both, and releasing the Welsh sends both out together.
 */
export async function releasePost(
  actor: Actor,
  audit: AuditActor,
  postId: string,
  now = new Date(),
  options: ReleaseOptions = {},
): Promise<PostView> {
  const released = await releaseOne(actor, audit, postId, now, options);
  if (released.language === 'cy' && released.pairId) {
    const twins = await db.post.findMany({
      where: { pairId: released.pairId, language: 'en', status: 'held' },
      select: { id: true },
    });
    for (const twin of twins) await releaseOne(actor, audit, twin.id, now, options);
  }
  return released;
}

function releaseOne(
  actor: Actor,
  audit: AuditActor,
  postId: string,
  now: Date,
  { at }: ReleaseOptions,
) {
  const goesOutAt = (post: { scheduledAt: Date }) =>
    at ?? (post.scheduledAt > now ? post.scheduledAt : now);
  return changePost(
    actor,
    audit,
    postId,
    {
      event: 'release',
      action: 'post.released',
      data: () => ({ heldReason: null, nextAttemptAt: at ?? now }),
      dueAt: goesOutAt,
      check: async (post) => {
        const subject = await db.post.findUniqueOrThrow({
          where: { id: post.id },
          select: {
            organisationId: true,
            channelId: true,
            campaignId: true,
            platform: true,
            channel: { select: { status: true, handle: true, statusReason: true } },
            organisation: { select: { name: true, active: true } },
            campaign: { select: { name: true } },
            language: true,
            pairId: true,
          },
        });
        if (subject.language === 'en' && subject.pairId) {
          const heldWelsh = await db.post.count({
            where: {
              pairId: subject.pairId,
              language: 'cy',
              status: { in: ['held', 'failed', 'cancelled', 'unconfirmed'] },
            },
          });
          if (heldWelsh > 0)
            throw new AppError(
              'conflict',
              'Its Welsh twin is stopped: release the Welsh post, which releases both together.',
            );
        }
        const hold = await findHold(
          {
            ...subject,
            scheduledAt: at ?? now,
            platformLabel: platformRules[subject.platform].label,
          },
          now,
        );
        if (hold) throw new AppError('conflict', `It would be held again: ${hold}`);
      },
    },
    now,
  );
}
