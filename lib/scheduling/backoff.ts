// How long to wait before publishing again after a temporary failure (429, 5xx, timeout).
// Exponential backoff with full jitter: when a platform stumbles, the posts of seven forces that
// failed together spread out instead of retrying together and tripping its rate limit again.

/** Attempts at publishing a post before it fails for good and a person must retry it. */
export const MAX_PUBLISH_ATTEMPTS = 5;

export const DEFAULT_BASE_DELAY_MS = 5_000;
export const DEFAULT_MAX_DELAY_MS = 15 * 60 * 1000;

export interface RetryDelayOptions {
  /** Attempts made so far, including the one that just failed: 1 after the first failure. */
  attempt: number;
  /** What the platform asked for (Retry-After); the delay is never shorter. */
  retryAfterMs?: number;
  /** A source of numbers in [0, 1), such as Math.random, passed in so tests can fix it. */
  random: () => number;
  baseMs?: number;
  maxMs?: number;
}

/** The longest delay the jitter may choose after `attempt` attempts: base × 2^(attempt−1), capped. */
export function retryDelayCeilingMs(
  attempt: number,
  baseMs: number = DEFAULT_BASE_DELAY_MS,
  maxMs: number = DEFAULT_MAX_DELAY_MS,
): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be a whole number from 1, not ${attempt}`);
  }
  if (!(baseMs >= 0 && maxMs >= baseMs)) {
    throw new RangeError(`need 0 ≤ baseMs ≤ maxMs, not ${baseMs} and ${maxMs}`);
  }
  // Past 2^52 the product is beyond any cap anyway; clamping keeps it finite.
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 52));
}

/** Milliseconds to wait before the next attempt. */
export function retryDelayMs({
  attempt,
  retryAfterMs,
  random,
  baseMs = DEFAULT_BASE_DELAY_MS,
  maxMs = DEFAULT_MAX_DELAY_MS,
}: RetryDelayOptions): number {
  const ceiling = retryDelayCeilingMs(attempt, baseMs, maxMs);
  const r = random();
  if (!(r >= 0 && r < 1)) throw new RangeError(`random() must give a number in [0, 1), not ${r}`);
  const jittered = Math.floor(r * ceiling);
  // The platform's own word beats our cap: retrying sooner would only be refused again.
  const floor = retryAfterMs !== undefined && retryAfterMs > 0 ? Math.ceil(retryAfterMs) : 0;
  return Math.max(jittered, floor);
}

/** Whether a post that has had `attemptsMade` attempts may have another. */
export function hasAttemptsLeft(attemptsMade: number): boolean {
  return attemptsMade < MAX_PUBLISH_ATTEMPTS;
}
