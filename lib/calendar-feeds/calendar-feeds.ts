// A person's calendar feeds (issue 10, "Exports"): the schedule they may see, as an iCalendar
// address their own calendar subscribes to. The address's secret is the only credential and it
// grants one thing, reading that feed: it is shown once and only its SHA-256 is stored (as API
// tokens are, lib/auth/api-tokens.ts), and revoking deletes the feed, so its address is a 404 at
// once. What a feed shows is worked out at each fetch from the person's memberships then.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hashToken } from '../auth/api-tokens';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { AppError } from '../errors';
import { PostListQuery } from '../posts/list-posts';
import { SearchQuery } from '../search/search-terms';

const FEED_PREFIX = 'spcal_';

/** The Schedule page's filters a feed keeps, as the page's address writes them. */
export const CalendarFeedFilters = z.strictObject({
  organisation: z.string().trim().max(100).optional(),
  platform: z.string().trim().max(500).optional(),
  campaignId: z.string().trim().max(64).optional(),
  status: z.string().trim().max(500).optional(),
  q: SearchQuery.optional(),
});
export type CalendarFeedFilters = z.infer<typeof CalendarFeedFilters>;

export const CalendarFeedRequest = z.strictObject({
  label: z
    .string()
    .trim()
    .min(1, 'Give the feed a name, such as “Work calendar”.')
    .max(100, 'Keep the name under 100 characters.'),
  filters: CalendarFeedFilters.default({}),
});
export type CalendarFeedRequest = z.infer<typeof CalendarFeedRequest>;

/** The filters without their blanks, checked as the list checks them (a bad status is a 400). */
export function feedFilters(filters: CalendarFeedFilters): CalendarFeedFilters {
  const kept = Object.fromEntries(
    Object.entries(filters).filter(([, value]) => typeof value === 'string' && value.trim()),
  ) as CalendarFeedFilters;
  const checked = PostListQuery.safeParse(kept);
  if (!checked.success) {
    const fields = Object.fromEntries(
      checked.error.issues.map((issue) => [`filters.${issue.path.join('.')}`, issue.message]),
    );
    throw new AppError('validation_failed', 'These filters are not valid.', fields);
  }
  return kept;
}

export async function createCalendarFeed(
  user: { id: string; email: string },
  request: CalendarFeedRequest,
  appUrl: string,
): Promise<{ id: string; url: string }> {
  const filters = feedFilters(request.filters);
  const secret = FEED_PREFIX + randomBytes(32).toString('base64url');
  const prefix = secret.slice(0, FEED_PREFIX.length + 6);
  const feed = await db.$transaction(async (tx) => {
    const created = await tx.calendarFeed.create({
      data: {
        userId: user.id,
        label: request.label,
        tokenHash: hashToken(secret),
        prefix,
        filters,
      },
      select: { id: true, label: true },
    });
    await recordAudit(
      tx,
      { userId: user.id, label: user.email },
      {
        action: 'calendar_feed.created',
        entityId: created.id,
        after: { label: created.label, prefix, filters },
      },
    );
    return created;
  });
  return { id: feed.id, url: calendarFeedUrl(appUrl, secret) };
}

export function calendarFeedUrl(appUrl: string, secret: string): string {
  return new URL(`/api/v1/feeds/${secret}/calendar.ics`, appUrl).toString();
}

export async function listCalendarFeeds(userId: string) {
  const feeds = await db.calendarFeed.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      label: true,
      prefix: true,
      filters: true,
      createdAt: true,
      lastFetchedAt: true,
    },
  });
  return feeds.map((feed) => ({
    ...feed,
    filters: CalendarFeedFilters.catch({}).parse(feed.filters),
  }));
}

/** Deletes one of the person's own feeds; another person's feed is "not found". */
export async function revokeCalendarFeed(user: { id: string; email: string }, feedId: string) {
  await db.$transaction(async (tx) => {
    const feed = await tx.calendarFeed.findFirst({
      where: { id: feedId, userId: user.id },
      select: { id: true, label: true, prefix: true },
    });
    if (!feed) throw new AppError('not_found', 'That calendar feed was not found.');
    await tx.calendarFeed.delete({ where: { id: feed.id } });
    await recordAudit(
      tx,
      { userId: user.id, label: user.email },
      {
        action: 'calendar_feed.revoked',
        entityId: feed.id,
        before: { label: feed.label, prefix: feed.prefix },
      },
    );
  });
}

/** "the words “knife crime”, Lancashire Constabulary, X": a feed's filters as people read them. */
export function describeFeedFilters(
  filters: CalendarFeedFilters,
  names: { organisations: Record<string, string>; campaigns: Record<string, string> },
): string {
  return [
    filters.q ? `the words “${filters.q}”` : null,
    filters.organisation
      ? (names.organisations[filters.organisation] ?? filters.organisation)
      : null,
    filters.platform ? `platform ${filters.platform.split(',').join(' or ')}` : null,
    filters.campaignId
      ? `the campaign ${names.campaigns[filters.campaignId] ?? filters.campaignId}`
      : null,
    filters.status ? `status ${filters.status.split(',').join(' or ')}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}
