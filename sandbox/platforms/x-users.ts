// X API v2's users (docs.x.com, "Users" and "Timelines"): GET /2/users/me (user context) and an
// account's posts, GET /2/users/:id/tweets, newest first, between start_time and end_time, paged
// with next_token, in the fields model.
import { z } from 'zod';
import type { SandboxRequest, SandboxRoute } from '../routes';
import type { SandboxState } from '../state';
import { type XCaller, xCaller, xRateLimit, xUser } from './x-auth';
import { xParse } from './x-errors';
import { readFields, renderTweets, renderUser } from './x-fields';

const QUOTAS = {
  timeline: {
    user: { limit: 900, windowSeconds: 900 },
    app: { limit: 1500, windowSeconds: 900 },
  },
  me: { user: { limit: 75, windowSeconds: 900 } },
};
const TimelineQuery = z.object({
  max_results: z.coerce.number().int().min(5).max(100).default(10),
  start_time: z.iso.datetime().optional(),
  end_time: z.iso.datetime().optional(),
  pagination_token: z.string().regex(/^\d+$/).optional(),
});

export const xUserRoutes: SandboxRoute[] = [
  {
    method: 'GET',
    path: '/2/users/:id/tweets',
    handle(request, state) {
      const caller = xCaller(request, state);
      xRateLimit(request, state, caller, 'users:tweets', QUOTAS.timeline);
      return timeline(request, state, caller);
    },
  },
  {
    method: 'GET',
    path: '/2/users/me',
    handle(request, state) {
      const caller = xUser(request, state, ['tweet.read', 'users.read']);
      xRateLimit(request, state, caller, 'users:me', QUOTAS.me);
      const fields = readFields(request.query);
      return { status: 200, body: { data: renderUser(caller.account, fields.user, state) } };
    },
  },
];

function timeline(request: SandboxRequest, state: SandboxState, caller: XCaller) {
  const query = xParse(
    TimelineQuery,
    Object.fromEntries(request.query),
    (field) => `query parameter ${field}`,
  );
  const start = query.start_time ? Date.parse(query.start_time) : -Infinity;
  const end = query.end_time ? Date.parse(query.end_time) : Infinity;
  const all = state
    .recent('x', request.params.id ?? '', Number.MAX_SAFE_INTEGER)
    .filter((post) => post.receivedAt.getTime() >= start && post.receivedAt.getTime() < end);
  const from = query.pagination_token
    ? all.findIndex((post) => post.id === query.pagination_token)
    : 0;
  // A token past the posts X has (forgotten, say) gives an empty page, as an exhausted one does.
  const page = from < 0 ? [] : all.slice(from, from + query.max_results);
  const next = from < 0 ? undefined : all[from + query.max_results];
  const { data, includes, errors } = renderTweets(page, readFields(request.query), caller, state);
  const meta = {
    result_count: data.length,
    ...(data.length ? { newest_id: data[0]?.id, oldest_id: data.at(-1)?.id } : {}),
    ...(next ? { next_token: next.id } : {}),
  };
  return {
    status: 200,
    body: {
      ...(data.length ? { data } : {}),
      ...(includes ? { includes } : {}),
      ...(errors.length ? { errors } : {}),
      meta,
    },
  };
}
