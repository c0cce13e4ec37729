// X API v2 (docs.x.com/x-api) at the root of its own port: posts and lookups (x-tweets.ts), users
// and timelines (x-users.ts), media upload (x-media.ts) and the token endpoints (x-oauth.ts), authenticated as X authenticates
// (x-auth.ts). Like X, it answers with links wrapped in t.co and &, <, > escaped in `text`, and
// sends its rate-limit headers with every answer to an authenticated call.
import { STATUS_CODES } from 'node:http';
import type { SandboxPlatform } from '../routes';
import { xError, xRateHeaders } from './x-errors';
import { xMediaRoutes } from './x-media';
import { xAuthorizeRoutes } from './x-authorize';
import { xOAuthRoutes } from './x-oauth';
import { xTweetRoutes } from './x-tweets';
import { xUserRoutes } from './x-users';

export const xSandbox: SandboxPlatform = {
  platform: 'x',
  error: xError,
  fault(kind, retryAfterSeconds, now) {
    const reply = xError(Number(kind), STATUS_CODES[Number(kind)] ?? 'Error');
    if (kind !== '429') return reply;
    const resetAt = new Date(now.getTime() + retryAfterSeconds * 1000);
    return {
      ...reply,
      headers: {
        'retry-after': String(retryAfterSeconds),
        ...xRateHeaders({ limit: 100, remaining: 0, resetAt }),
      },
    };
  },
  everyAnswer(request, reply) {
    if (!request.rateWindow) return reply;
    return { ...reply, headers: { ...xRateHeaders(request.rateWindow), ...reply.headers } };
  },
  adopt: (post, state) => ({
    platform: 'x',
    account: post.account,
    id: post.id ?? state.nextId(),
    text: post.text,
    media: [],
    receivedAt: post.receivedAt,
    extra: {},
  }),
  routes: [...xAuthorizeRoutes, ...xOAuthRoutes, ...xMediaRoutes, ...xTweetRoutes, ...xUserRoutes],
};
