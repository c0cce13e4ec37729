// XRPC's error bodies ({error, message}, atproto.com/specs/xrpc) and a PDS's rate limits: every
// XRPC answer carries RateLimit-* headers for the window it was counted in (3000 calls per five
// minutes from an address, and tighter limits of their own for sign-ins and writes).
import { countCall, type RateQuota, type RateWindow } from '../rate-limits';
import { Refusal, type SandboxReply, type SandboxRequest } from '../routes';
import type { SandboxState } from '../state';

const ERROR_NAMES: Record<number, string> = {
  400: 'InvalidRequest',
  401: 'AuthenticationRequired',
  403: 'Forbidden',
  404: 'NotFound',
  413: 'PayloadTooLarge',
  429: 'RateLimitExceeded',
  500: 'InternalServerError',
  501: 'MethodNotImplemented',
};
export const GLOBAL_QUOTA = { limit: 3000, windowSeconds: 300 };

export function blueskyError(status: number, message: string, error?: string): SandboxReply {
  return {
    status,
    body: { error: error ?? ERROR_NAMES[status] ?? 'InternalServerError', message },
  };
}

/** Counts the call in a window; the answer reports it, and a call past the limit is refused. */
export function blueskyLimit(
  request: SandboxRequest,
  state: SandboxState,
  bucket: string,
  quota: RateQuota,
  cost = 1,
): void {
  request.rateWindow = countCall(state, `bluesky:${bucket}`, quota, cost);
  if (request.rateWindow.exceeded) throw new Refusal(blueskyError(429, 'Rate Limit Exceeded'));
}

export function blueskyRateHeaders(window: Omit<RateWindow, 'exceeded'>) {
  return {
    'ratelimit-limit': String(window.limit),
    'ratelimit-remaining': String(window.remaining),
    'ratelimit-reset': String(Math.ceil(window.resetAt.getTime() / 1000)),
    'ratelimit-policy': `${window.limit};w=${window.windowSeconds}`,
  };
}
