// Who is calling a Mastodon instance, as Doorkeeper and Mastodon's API controllers decide it: a
// bearer token the instance issued, unexpired, with the scope the endpoint needs (`read` and
// `write` cover their `read:*` and `write:*` scopes), else 401 or 403 with Mastodon's words.
// Public reads need no token. Every API answer carries the caller's rate-limit window: 300 calls
// per five minutes per account, or per address without a token (Mastodon's rack-attack throttles).
import { countCall } from '../rate-limits';
import { bearerToken, Refusal, type SandboxReply, type SandboxRequest } from '../routes';
import type { SandboxState } from '../state';
import { checkToken } from '../tokens';

const API_QUOTA = { limit: 300, windowSeconds: 300 };
// Media uploads have a throttle of their own: 30 per half hour.
const MEDIA_QUOTA = { limit: 30, windowSeconds: 1800 };

/** The scope an endpoint needs, or any one of several (none: any token will do). */
type Scope = string | readonly string[];

export const mastodonError = (status: number, message: string): SandboxReply => ({
  status,
  body: { error: message },
});

/** The account the token acts for; refuses as Mastodon does when it may not make this call. */
export function mastodonAccount(
  request: SandboxRequest,
  state: SandboxState,
  scope: Scope,
): string {
  const account = optionalAccount(request, state, scope);
  if (account === null) throw new Refusal(mastodonError(401, 'The access token is invalid'));
  return account;
}

/** As mastodonAccount, but a call without a token is anonymous (null) rather than refused. */
export function optionalAccount(
  request: SandboxRequest,
  state: SandboxState,
  scope: Scope,
): string | null {
  const bearer = bearerToken(request);
  if (bearer === null) {
    limit(request, state, `ip:${request.headers['x-forwarded-for'] ?? 'local'}`, API_QUOTA);
    return null;
  }
  const check = checkToken(bearer, { platform: 'mastodon', kinds: ['user'], now: state.now() });
  if (!check.ok && check.reason === 'expired')
    throw new Refusal(mastodonError(401, 'The access token expired'));
  if (!check.ok) throw new Refusal(mastodonError(401, 'The access token is invalid'));
  const granted = check.claims.scopes;
  const wanted = typeof scope === 'string' ? [scope] : scope;
  const inScope =
    wanted.length === 0 ||
    wanted.some(
      (needed) => granted.includes(needed) || granted.includes(needed.split(':')[0] ?? ''),
    );
  if (!inScope)
    throw new Refusal(mastodonError(403, 'This action is outside the authorized scopes'));
  // docs.joinmastodon.org/api/rate-limits: 300 calls per 5 minutes per account.
  limit(request, state, `account:${check.claims.account}`, API_QUOTA);
  return check.claims.account;
}

/** Counts a media upload against its own throttle. */
export function limitMediaUploads(request: SandboxRequest, state: SandboxState, account: string) {
  limit(request, state, `media:${account}`, MEDIA_QUOTA);
}

function limit(
  request: SandboxRequest,
  state: SandboxState,
  who: string,
  quota: typeof API_QUOTA,
): void {
  request.rateWindow = countCall(state, `mastodon:${who}`, quota);
  if (request.rateWindow.exceeded) throw new Refusal(mastodonError(429, 'Too many requests'));
}

export function mastodonRateHeaders(window: { limit: number; remaining: number; resetAt: Date }) {
  return {
    'x-ratelimit-limit': String(window.limit),
    'x-ratelimit-remaining': String(window.remaining),
    'x-ratelimit-reset': window.resetAt.toISOString(),
  };
}
