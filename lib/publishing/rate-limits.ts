// Per-channel rate limits, shared by every worker through Redis. When a platform says a channel
// has no calls left (or answers 429), that channel's posts wait until the window resets; other
// channels are not slowed at all.
import type { Redis } from 'ioredis';
import type { RateLimitState } from '../platforms/adapter';

const key = (prefix: string, channelId: string) => `${prefix}:channel-limited-until:${channelId}`;

/** When the channel may be called again, or null if it may be called now. */
export async function channelLimitedUntil(
  redis: Redis,
  prefix: string,
  channelId: string,
  now: Date,
): Promise<Date | null> {
  const until = Number(await redis.get(key(prefix, channelId)));
  return until > now.getTime() ? new Date(until) : null;
}

/** Remembers a limit the platform reported: none left until reset, or a Retry-After. */
export async function noteRateLimit(
  redis: Redis,
  prefix: string,
  channelId: string,
  state: { rateLimit?: RateLimitState | null; retryAfterMs?: number },
  now: Date,
): Promise<void> {
  let until: number | null = null;
  if (state.retryAfterMs !== undefined) until = now.getTime() + state.retryAfterMs;
  else if (state.rateLimit?.remaining === 0 && state.rateLimit.resetAt)
    until = state.rateLimit.resetAt.getTime();
  if (until === null || until <= now.getTime()) return;
  await redis.set(key(prefix, channelId), String(until), 'PX', until - now.getTime() + 1000);
}
