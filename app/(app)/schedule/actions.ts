'use server';

import { z } from 'zod';
import { serverAction } from '@/app/(app)/action-result';
import { RecordId } from '@/lib/api/record-id';
import { auditActor } from '@/lib/auth/actor';
import { BlackoutRequest, createBlackout, removeBlackout } from '@/lib/pauses/blackouts';
import { createPause, PauseRequest } from '@/lib/pauses/create-pause';
import { liftPause } from '@/lib/pauses/lift-pause';
import { BulkPostsRequest, bulkPosts } from '@/lib/posts/bulk-posts';
import { cancelPost } from '@/lib/posts/cancel-post';
import { releasePost } from '@/lib/posts/release-post';
import { reschedulePost } from '@/lib/posts/reschedule-post';
import { retryPost } from '@/lib/posts/retry-post';
import { ScheduleRequest, scheduleMessage } from '@/lib/posts/schedule-message';
import { ScheduleTime } from '@/lib/posts/schedule-time';

export type { ActionResult } from '@/app/(app)/action-result';

export const cancelPostAction = serverAction(
  z.tuple([RecordId.describe('postId')]),
  async (actor, [postId]) => void (await cancelPost(actor, auditActor(actor), postId)),
  'Post cancelled.',
);

export const retryPostAction = serverAction(
  z.tuple([RecordId.describe('postId')]),
  async (actor, [postId]) => void (await retryPost(actor, auditActor(actor), postId)),
  'Post queued to try again now.',
);

export const releasePostAction = serverAction(
  z.tuple([RecordId.describe('postId')]),
  async (actor, [postId]) => void (await releasePost(actor, auditActor(actor), postId)),
  'Post released.',
);

export const reschedulePostAction = serverAction(
  z.tuple([RecordId.describe('postId'), ScheduleTime]),
  async (actor, [postId, scheduledAt]) =>
    void (await reschedulePost(actor, auditActor(actor), postId, { scheduledAt })),
  'Post rescheduled.',
);

export const createPauseAction = serverAction(
  z.tuple([PauseRequest]),
  async (actor, [request]) => {
    const pause = await createPause(actor, auditActor(actor), request);
    return { settled: pause.settled };
  },
  'Publishing paused.',
);

export const liftPauseAction = serverAction(
  z.tuple([RecordId.describe('pauseId')]),
  async (actor, [pauseId]) => void (await liftPause(actor, auditActor(actor), pauseId)),
  'Pause lifted. Held posts stay held until released.',
);

export const scheduleMessageAction = serverAction(
  z.tuple([RecordId.describe('messageId'), ScheduleRequest]),
  async (actor, [messageId, request]) => {
    const { posts } = await scheduleMessage(actor, auditActor(actor), messageId, request);
    return { count: posts.length };
  },
  ({ count }) => `Scheduled ${count} post${count === 1 ? '' : 's'}.`,
);

export const createBlackoutAction = serverAction(
  z.tuple([BlackoutRequest]),
  async (actor, [request]) => void (await createBlackout(actor, auditActor(actor), request)),
  'Blackout set: posts in it will be held.',
);

export const removeBlackoutAction = serverAction(
  z.tuple([RecordId.describe('blackoutId')]),
  async (actor, [blackoutId]) => void (await removeBlackout(actor, auditActor(actor), blackoutId)),
  'Blackout removed.',
);

export const bulkPostsAction = serverAction(
  z.tuple([BulkPostsRequest]),
  async (actor, [request]) => bulkPosts(actor, auditActor(actor), request),
  ({ results }) => {
    const done = results.filter((result) => result.ok).length;
    return `${done} of ${results.length} post${results.length === 1 ? '' : 's'} done.`;
  },
);
