import { z } from 'zod';
import type { AuditActor } from '../audit/record-audit';
import type { Actor } from '../auth/permissions';
import { AppError } from '../errors';
import { PAST_GRACE_MS } from '../scheduling/fan-out';
import { formatLocal } from '../scheduling/london-time';
import { blackoutProblem, blackoutsOf } from './blackout-problem';
import { changePost } from './change-post';
import { resolveScheduleTime, ScheduleTime } from './schedule-time';

export const RescheduleRequest = z
  .strictObject({ scheduledAt: ScheduleTime })
  .meta({ id: 'RescheduleRequest' });
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;

/** Moves a scheduled or held post to a new time (a held post is released to it). */
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
      // Never into a blackout: the same check a schedule request makes.
      check: async (post) => {
        const problem = blackoutProblem(
          await blackoutsOf([post.organisationId], now),
          { ...post, scheduledAt },
          now,
        );
        if (problem) throw new AppError('validation_failed', problem, { scheduledAt: problem });
      },
    },
    now,
  );
}
