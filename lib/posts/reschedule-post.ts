import { z } from 'zod';
import type { AuditActor } from '../audit/record-audit';
import type { Actor } from '../auth/permissions';
import { AppError } from '../errors';
import { PAST_GRACE_MS } from '../scheduling/fan-out';
import { findPauseOrBlackoutAt } from '../publishing/find-hold';
import { formatLocal } from '../scheduling/london-time';
import { changePost } from './change-post';
import { resolveScheduleTime, ScheduleTime } from './schedule-time';

export const RescheduleRequest = z
  .strictObject({ scheduledAt: ScheduleTime })
  .meta({ id: 'RescheduleRequest' });
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;

/**
 * Moves a scheduled or held post to a new time (a held post is released to it): never into the
 * past, a blackout or a pause in force then, each refused with the reason.
 */
export function reschedulePost(
  actor: Actor,
  audit: AuditActor,
  postId: string,
  request: RescheduleRequest,
  now = new Date(),
) {
  const scheduledAt = resolveScheduleTime(request.scheduledAt, 'scheduledAt');
  if (scheduledAt.getTime() < now.getTime() - PAST_GRACE_MS) {
    throw new AppError(
      'validation_failed',
      `${formatLocal(scheduledAt)} has passed; choose a time from now on.`,
      {
        scheduledAt: 'is in the past',
      },
    );
  }
  return changePost(
    actor,
    audit,
    postId,
    {
      event: 'reschedule',
      action: 'post.rescheduled',
      data: () => ({ scheduledAt, heldReason: null, nextAttemptAt: null }),
      check: async (post) => {
        const hold = await findPauseOrBlackoutAt(post, scheduledAt, now);
        if (hold === null) return;
        const message = `${formatLocal(scheduledAt)} is not possible: ${hold}`;
        throw new AppError('validation_failed', message, { scheduledAt: message });
      },
    },
    now,
  );
}
