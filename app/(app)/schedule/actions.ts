'use server';

import { act, parseInput } from '@/app/(app)/action-result';
import { auditActor } from '@/lib/auth/actor';
import { BlackoutRequest, createBlackout, removeBlackout } from '@/lib/pauses/blackouts';
import { createPause, PauseRequest } from '@/lib/pauses/create-pause';
import { liftPause } from '@/lib/pauses/lift-pause';
import { cancelPost } from '@/lib/posts/cancel-post';
import { releasePost } from '@/lib/posts/release-post';
import { reschedulePost } from '@/lib/posts/reschedule-post';
import { retryPost } from '@/lib/posts/retry-post';
import { ScheduleRequest, scheduleMessage } from '@/lib/posts/schedule-message';
import type { ScheduleTime } from '@/lib/posts/schedule-time';

export type { ActionResult } from '@/app/(app)/action-result';

export async function cancelPostAction(postId: string) {
  return act(
    async (actor) => void (await cancelPost(actor, auditActor(actor), postId)),
    'Post cancelled.',
  );
}

export async function retryPostAction(postId: string) {
  return act(
    async (actor) => void (await retryPost(actor, auditActor(actor), postId)),
    'Post queued to try again now.',
  );
}

export async function releasePostAction(postId: string) {
  return act(
    async (actor) => void (await releasePost(actor, auditActor(actor), postId)),
    'Post released.',
  );
}

export async function reschedulePostAction(postId: string, scheduledAt: ScheduleTime) {
  return act(
    async (actor) => void (await reschedulePost(actor, auditActor(actor), postId, { scheduledAt })),
    'Post rescheduled.',
  );
}

export async function createPauseAction(input: unknown) {
  const parsed = parseInput(PauseRequest, input);
  if (!parsed.ok) return parsed;
  return act(async (actor) => {
    const pause = await createPause(actor, auditActor(actor), parsed.data);
    return { settled: pause.settled };
  }, 'Publishing paused.');
}

export async function liftPauseAction(pauseId: string) {
  return act(
    async (actor) => void (await liftPause(actor, auditActor(actor), pauseId)),
    'Pause lifted. Held posts stay held until released.',
  );
}

export async function scheduleMessageAction(messageId: string, input: unknown) {
  const parsed = parseInput(ScheduleRequest, input);
  if (!parsed.ok) return parsed;
  return act(
    async (actor) => {
      const { posts } = await scheduleMessage(actor, auditActor(actor), messageId, parsed.data);
      return { count: posts.length };
    },
    ({ count }) => `Scheduled ${count} post${count === 1 ? '' : 's'}.`,
  );
}

export async function createBlackoutAction(input: unknown) {
  const parsed = parseInput(BlackoutRequest, input);
  if (!parsed.ok) return parsed;
  return act(
    async (actor) => void (await createBlackout(actor, auditActor(actor), parsed.data)),
    'Blackout set: posts in it will be held.',
  );
}

export async function removeBlackoutAction(blackoutId: string) {
  return act(
    async (actor) => void (await removeBlackout(actor, auditActor(actor), blackoutId)),
    'Blackout removed.',
  );
}
