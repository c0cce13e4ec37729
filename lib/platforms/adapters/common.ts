// Small pieces every adapter uses: reading a channel's credentials, waiting, and the rule that
// nothing after a successful publish call may fail the publish.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import {
  PlatformError,
  type ChannelConnection,
  type MetricsAnswer,
  type MetricsRequest,
} from '../adapter';
import type { Figures } from '../figures';
import {
  callPlatform,
  type ClassifyFailure,
  type PlatformFailure,
  type PlatformRequest,
  type PlatformResponse,
} from '../http';

/** The channel's credentials in the adapter's shape; incomplete ones mean the channel needs re-authorising. */
export function readCredentials<T>(schema: z.ZodType<T>, connection: ChannelConnection): T {
  const parsed = schema.safeParse(connection.credentials);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues
    .map((issue) => issue.path.join('.') || 'credentials')
    .join(', ');
  throw new PlatformError(
    'auth',
    `The channel's credentials are incomplete (${fields}); connect it again.`,
  );
}

/**
 * Runs a follow-up call (a permalink, say) after the post is already published. Its failure must
 * not fail the publish, or the post would be retried and go out twice: it gives null instead.
 */
export async function afterPublishing<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PlatformError) return null;
    throw error;
  }
}

/** Waits, unless the caller gives up first. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal });
}

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** Whether a platform's timestamp (ISO text or epoch milliseconds) is at or after `since`. */
export function publishedSince(at: string | number, since: Date): boolean {
  const time = typeof at === 'number' ? at : Date.parse(at);
  return !Number.isNaN(time) && time >= since.getTime();
}

export const REMOVED: MetricsAnswer = { kind: 'removed' };

export function figuresAnswer(figures: Figures, raw: unknown): MetricsAnswer {
  return { kind: 'figures', figures: { ...figures, raw } };
}

/**
 * A read the platform may answer with "there is no such post" (`isRemoved`): that answer is
 * 'removed', not a failure; every other failure is classified as usual.
 */
export async function readUnlessRemoved<T>(
  request: PlatformRequest<T>,
  isRemoved: (failure: PlatformFailure) => boolean,
): Promise<PlatformResponse<T> | 'removed'> {
  let removed = false;
  const classify: ClassifyFailure = (failure) => {
    if (!isRemoved(failure)) return request.classify?.(failure);
    removed = true;
    return { kind: 'permanent' };
  };
  try {
    return await callPlatform({ ...request, classify });
  } catch (error) {
    if (removed && error instanceof PlatformError) return 'removed';
    throw error;
  }
}

/** Platforms that read one post per call: each post in turn, one answer each. */
export async function eachPost(
  posts: readonly MetricsRequest[],
  read: (post: MetricsRequest) => Promise<MetricsAnswer>,
): Promise<Map<string, MetricsAnswer>> {
  const answers = new Map<string, MetricsAnswer>();
  for (const post of posts) answers.set(post.externalId, await read(post));
  return answers;
}

/** The image's bytes in a buffer fetch can send. */
export async function imageBytes(
  read: () => Promise<Uint8Array>,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await read());
}

export const Count = z.number().int().nonnegative();
