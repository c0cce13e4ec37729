// GET /feeds/{secret}/calendar.ics: the feed's posts at this moment, as iCalendar. The person is
// looked up afresh (loadActor, as for every request), so a membership removed since, or a person
// who can no longer sign in, changes the feed at its next fetch. The secret is the only credential
// and reads this feed only; an unknown secret, a revoked feed and a person who is gone are all
// the same 404.
import { z } from 'zod';
import { hashToken } from '../auth/api-tokens';
import { loadActor } from '../auth/actor';
import { db } from '../db';
import { AppError } from '../errors';
import { listPosts, PostListQuery } from '../posts/list-posts';
import type { PostView } from '../posts/post-view';
import type { PostStatus } from '../posts/state-machine';
import { CalendarFeedFilters } from './calendar-feeds';
import { feedIcs } from './feed-ics';

export const FeedParams = z.object({
  token: z.string().min(1).max(200).meta({ description: 'the secret of the feed’s address' }),
});

/** What a calendar shows: what is planned and what went out, not what was cancelled or failed. */
export const FEED_STATUSES: PostStatus[] = [
  'scheduled',
  'publishing',
  'unconfirmed',
  'held',
  'published',
];
/** From a month back to a year ahead, at most 5,000 posts: a calendar app reads the whole feed. */
const PAST_DAYS = 31;
const FUTURE_DAYS = 366;
export const MAX_FEED_POSTS = 5000;
const PAGE = 500;
const DAY = 24 * 60 * 60 * 1000;

const gone = () => new AppError('not_found', 'There is no calendar feed at this address.');

export async function readCalendarFeed(token: string, appUrl: string, now: Date): Promise<string> {
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, label: true, filters: true, lastFetchedAt: true },
  });
  if (!feed) throw gone();
  // Not a session: loadActor only needs to know how the request came in for the audit log, and a
  // feed writes nothing there.
  const actor = await loadActor(feed.userId, { kind: 'session' });
  if (!actor) throw gone();
  const filters = CalendarFeedFilters.catch({}).parse(feed.filters);
  const chosen = filters.status?.split(',').map((status) => status.trim());
  const statuses = chosen
    ? FEED_STATUSES.filter((status) => chosen.includes(status))
    : FEED_STATUSES;

  const posts: PostView[] = [];
  let cursor: string | undefined;
  while (statuses.length > 0 && posts.length < MAX_FEED_POSTS) {
    // The filters were checked when the feed was made; one that no longer parses shows nothing.
    const query = PostListQuery.safeParse({
      ...filters,
      status: statuses.join(','),
      from: new Date(now.getTime() - PAST_DAYS * DAY).toISOString(),
      to: new Date(now.getTime() + FUTURE_DAYS * DAY).toISOString(),
      limit: PAGE,
      cursor,
    });
    if (!query.success) break;
    const page = await listPosts(actor, query.data);
    posts.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  // Written at most once an hour: calendar apps poll, and a poll should not be a write.
  if (!feed.lastFetchedAt || now.getTime() - feed.lastFetchedAt.getTime() > 60 * 60 * 1000)
    await db.calendarFeed.update({ where: { id: feed.id }, data: { lastFetchedAt: now } });
  return feedIcs({
    name: `Signpost: ${feed.label}`,
    posts: posts.slice(0, MAX_FEED_POSTS),
    appUrl,
    now,
  });
}
