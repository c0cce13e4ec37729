// Small pieces every adapter uses: reading a channel's credentials, waiting, and the rule that
// nothing after a successful publish call may fail the publish.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { PlatformError, type ChannelConnection, type PostMetrics } from '../adapter';

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

/** Whole, non-negative counts, as the reach tables store them. */
export function postMetrics(values: PostMetrics): PostMetrics {
  const whole = (value: number) => (Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0);
  return {
    impressions: whole(values.impressions),
    engagements: whole(values.engagements),
    clicks: whole(values.clicks),
    shares: whole(values.shares),
  };
}

/** The image's bytes in a buffer fetch can send. */
export async function imageBytes(
  read: () => Promise<Uint8Array>,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await read());
}

export const Count = z.number().int().nonnegative();
