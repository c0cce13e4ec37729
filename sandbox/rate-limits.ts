// Rate-limit windows as the platforms count them: calls per fixed window per bucket (an endpoint
// and the user or app calling it). A platform reports the bucket's state in its own headers on
// every answer and refuses a call beyond the limit with its own 429. `POST /_sandbox/config
// {quotas: false}` stops the counting, for benchmarks that publish thousands of posts a minute.
import type { SandboxState } from './state';

export interface RateWindow {
  limit: number;
  windowSeconds: number;
  remaining: number;
  resetAt: Date;
  /** This call was one too many: the platform refuses it. */
  exceeded: boolean;
}

export interface RateQuota {
  limit: number;
  windowSeconds: number;
}

/** Counts a call (`cost` points of the quota) in the bucket's window; says where it stands. */
export function countCall(
  state: SandboxState,
  bucket: string,
  quota: RateQuota,
  cost = 1,
): RateWindow {
  const now = state.now().getTime();
  const current = state.rateWindows.get(bucket);
  const window =
    current && current.resetAt > now
      ? current
      : { used: 0, resetAt: now + quota.windowSeconds * 1000 };
  if (state.quotas) window.used += cost;
  state.rateWindows.set(bucket, window);
  return {
    limit: quota.limit,
    windowSeconds: quota.windowSeconds,
    remaining: Math.max(0, quota.limit - window.used),
    resetAt: new Date(window.resetAt),
    exceeded: window.used > quota.limit,
  };
}
