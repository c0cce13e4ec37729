'use server';

import { revalidatePath } from 'next/cache';
import { auditActor } from '@/lib/auth/actor';
import { requireActor } from '@/lib/auth/session-actor';
import { AppError } from '@/lib/errors';
import { createPause, PauseRequest } from '@/lib/pauses/create-pause';
import { liftPause } from '@/lib/pauses/lift-pause';
import { cancelPost } from '@/lib/posts/cancel-post';
import { releasePost } from '@/lib/posts/release-post';
import { reschedulePost } from '@/lib/posts/reschedule-post';
import { retryPost } from '@/lib/posts/retry-post';
import { ScheduleRequest, scheduleMessage } from '@/lib/posts/schedule-message';
import type { ScheduleTime } from '@/lib/posts/schedule-time';

export type ActionResult<T = undefined> =
  | { ok: true; value: T; message: string }
  | { ok: false; error: string; fields?: Record<string, string> };

/** Runs one lib call for the signed-in person; expected failures come back as plain words. */
async function act<T>(
  run: (actor: Awaited<ReturnType<typeof requireActor>>) => Promise<T>,
  message: string,
): Promise<ActionResult<T>> {
  const actor = await requireActor();
  try {
    const value = await run(actor);
    revalidatePath('/', 'layout');
    return { ok: true, value, message };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message, fields: error.fields };
    throw error;
  }
}

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
  const parsed = PauseRequest.safeParse(input);
  if (!parsed.success)
    return {
      ok: false as const,
      error: parsed.error.issues[0]?.message ?? 'Check the pause details.',
    };
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
  const parsed = ScheduleRequest.safeParse(input);
  if (!parsed.success)
    return { ok: false as const, error: parsed.error.issues[0]?.message ?? 'Check the schedule.' };
  return act(async (actor) => {
    const { posts } = await scheduleMessage(actor, auditActor(actor), messageId, parsed.data);
    return { count: posts.length };
  }, 'Scheduled.');
}
