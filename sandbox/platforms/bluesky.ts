// A Bluesky PDS's XRPC API (docs.bsky.app) at the root of its own port: sessions
// (bluesky-session.ts), the repository (bluesky-repo.ts) and the AppView reads it proxies
// (bluesky-feed.ts). As on a PDS, an XRPC method it does not implement answers 501
// MethodNotImplemented, and every XRPC answer carries its RateLimit-* headers.
import type { SandboxPlatform } from '../routes';
import { adoptBlueskyPost } from './bluesky-repo';
import { blueskyError, blueskyLimit, blueskyRateHeaders, GLOBAL_QUOTA } from './bluesky-errors';
import { blueskyFeedRoutes } from './bluesky-feed';
import { blueskyRepoRoutes } from './bluesky-repo';
import { blueskySessionRoutes } from './bluesky-session';

export const blueskySandbox: SandboxPlatform = {
  platform: 'bluesky',
  adopt: adoptBlueskyPost,
  error: blueskyError,
  fault(kind, retryAfterSeconds, now) {
    const reply = blueskyError(
      Number(kind),
      kind === '401' ? 'Token has been revoked' : `Injected ${kind}`,
    );
    if (kind !== '429') return reply;
    const resetAt = new Date(now.getTime() + retryAfterSeconds * 1000);
    return {
      ...reply,
      headers: {
        'retry-after': String(retryAfterSeconds),
        ...blueskyRateHeaders({ limit: 5000, remaining: 0, resetAt, windowSeconds: 3600 }),
      },
    };
  },
  unknownPath: (request) =>
    request.path.startsWith('/xrpc/')
      ? blueskyError(501, 'Method Not Implemented')
      : blueskyError(404, `Cannot ${request.method} ${request.path}`),
  beforeRoute(request, state) {
    blueskyLimit(request, state, 'ip:local', GLOBAL_QUOTA);
  },
  everyAnswer(request, reply) {
    if (!request.rateWindow) return reply;
    return { ...reply, headers: { ...blueskyRateHeaders(request.rateWindow), ...reply.headers } };
  },
  routes: [...blueskySessionRoutes, ...blueskyRepoRoutes, ...blueskyFeedRoutes],
};
