// A Mastodon instance's REST API (docs.joinmastodon.org/methods) at the root of its own port, as
// masto and other clients address an instance: statuses and media (mastodon-statuses.ts), accounts
// and the instance (mastodon-accounts.ts), each call authenticated as Mastodon authenticates it
// (mastodon-auth.ts) and answered with X-RateLimit-* headers.
import type { SandboxPlatform } from '../routes';
import { mastodonAccountRoutes } from './mastodon-accounts';
import { mastodonError, mastodonRateHeaders } from './mastodon-auth';
import { mastodonStatusRoutes } from './mastodon-statuses';

const FAULT_MESSAGES = {
  '429': 'Too many requests',
  '500': 'We\u2019re sorry, but something went wrong on our end.',
  '401': 'The access token is invalid',
};

export const mastodonSandbox: SandboxPlatform = {
  platform: 'mastodon',
  adopt: (post, state) => ({
    platform: 'mastodon',
    account: post.account,
    id: post.id ?? state.nextId(),
    text: post.text,
    media: [],
    receivedAt: post.receivedAt,
    extra: { visibility: 'public', language: 'en', sensitive: false, spoilerText: '' },
  }),
  error: mastodonError,
  fault(kind, retryAfterSeconds, now) {
    const reply = mastodonError(Number(kind), FAULT_MESSAGES[kind]);
    if (kind !== '429') return reply;
    const resetAt = new Date(now.getTime() + retryAfterSeconds * 1000);
    return {
      ...reply,
      headers: {
        'retry-after': String(retryAfterSeconds),
        ...mastodonRateHeaders({ limit: 300, remaining: 0, resetAt }),
      },
    };
  },
  unknownPath: () => mastodonError(404, 'Record not found'),
  everyAnswer(request, reply) {
    if (!request.rateWindow) return reply;
    return { ...reply, headers: { ...mastodonRateHeaders(request.rateWindow), ...reply.headers } };
  },
  routes: [...mastodonStatusRoutes, ...mastodonAccountRoutes],
};
