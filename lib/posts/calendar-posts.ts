// What the calendar shows for the range on screen (issue 10): the posts the person may see,
// filtered as the Schedule page filters them, at most `perDay` of each UK day with every day's
// count (so a day of thousands shows "+N more", not thousands of events), and what is shaded
// behind them: blackouts, pauses in force, and the chosen campaign's dates.
import { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { organisationScope, type Actor } from '../auth/permissions';
import { db } from '../db';
import { AppError } from '../errors';
import { PauseScope } from '../scheduling/holds';
import { capPerDay, MAX_CALENDAR_DAYS, ukDaysBetween } from '../scheduling/calendar-days';
import { PostListQuery, postFilters } from './list-posts';
import { POST_VIEW_SELECT, PostView, toPostView } from './post-view';

export const CalendarQuery = PostListQuery.pick({
  campaignId: true,
  organisation: true,
  platform: true,
  status: true,
  q: true,
}).extend({
  from: z.iso.datetime({ offset: true }).meta({ description: 'start of the range shown' }),
  to: z.iso.datetime({ offset: true }).meta({ description: 'end of the range shown (exclusive)' }),
  perDay: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .meta({ description: 'most posts answered for one UK day; `days` counts them all' }),
});
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const CalendarView = z
  .object({
    posts: z.array(PostView),
    days: z.array(z.object({ date: z.string(), total: z.number().int(), shown: z.number().int() })),
    blackouts: z.array(
      z.object({
        id: z.string(),
        organisation: z.object({ slug: z.string(), name: z.string() }),
        reason: z.string(),
        startsAt: z.iso.datetime(),
        endsAt: z.iso.datetime(),
      }),
    ),
    pauses: z.array(
      z.object({
        id: z.string(),
        scope: PauseScope,
        /** What it stops, in words: "every organisation", "Lancashire Constabulary", … */
        covers: z.string(),
        reason: z.string(),
        startsAt: z.iso.datetime(),
        endsAt: z.iso.datetime().nullable(),
      }),
    ),
    campaigns: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        startsAt: z.iso.datetime(),
        endsAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'Calendar' });
export type CalendarView = z.infer<typeof CalendarView>;

export async function calendarPosts(actor: Actor, query: CalendarQuery): Promise<CalendarView> {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (from >= to)
    throw new AppError('validation_failed', '"from" must be before "to".', {
      from: 'must be before to',
    });
  const days = ukDaysBetween(from, to);
  if (days === null)
    throw new AppError(
      'validation_failed',
      `The calendar shows at most ${MAX_CALENDAR_DAYS} days at a time.`,
      { to: `must be at most ${MAX_CALENDAR_DAYS} days after from` },
    );
  const scope = organisationScope(actor, 'post.read');
  const where: Prisma.PostWhereInput = { AND: await postFilters(scope, query) };
  const overlaps = { startsAt: { lt: to }, endsAt: { gt: from } };

  // Every post's time (small rows), to count each day; then the full posts of those shown.
  const [times, blackouts, pauses, campaigns] = await Promise.all([
    db.post.findMany({
      where,
      select: { id: true, scheduledAt: true },
      orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
    }),
    db.blackout.findMany({
      where: {
        ...overlaps,
        ...(scope === 'all' ? {} : { organisationId: { in: scope } }),
        ...(query.organisation ? { organisation: { slug: query.organisation } } : {}),
      },
      select: {
        id: true,
        reason: true,
        startsAt: true,
        endsAt: true,
        organisation: { select: { slug: true, name: true } },
      },
      orderBy: { startsAt: 'asc' },
    }),
    db.pause.findMany({
      where: {
        liftedAt: null,
        startsAt: { lt: to },
        OR: [{ endsAt: null }, { endsAt: { gt: from } }],
      },
      select: {
        id: true,
        scope: true,
        reason: true,
        startsAt: true,
        endsAt: true,
        organisationId: true,
        campaignId: true,
        organisation: { select: { slug: true, name: true } },
        channel: { select: { handle: true, organisationId: true } },
        campaign: { select: { name: true } },
      },
      orderBy: { startsAt: 'asc' },
    }),
    query.campaignId
      ? db.campaign.findMany({
          where: { id: query.campaignId, ...overlaps },
          select: { id: true, name: true, startsAt: true, endsAt: true },
        })
      : Promise.resolve([]),
  ]);
  const { kept, days: counts } = capPerDay(times, days, query.perDay);
  const rows = await db.post.findMany({
    where: { id: { in: kept.map((post) => post.id) } },
    select: POST_VIEW_SELECT,
    orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
  });

  const mayRead = (organisationId: string | null | undefined) =>
    scope === 'all' || (organisationId != null && scope.includes(organisationId));
  return {
    posts: rows.map((row) => toPostView(row, actor)),
    days: counts,
    blackouts: blackouts.map((blackout) => ({
      ...blackout,
      startsAt: blackout.startsAt.toISOString(),
      endsAt: blackout.endsAt.toISOString(),
    })),
    // Pauses are safety information everyone sees (the banner); the calendar shades those that
    // reach the posts it could show.
    pauses: pauses
      .filter((pause) =>
        pause.scope === 'global'
          ? true
          : pause.scope === 'organisation'
            ? mayRead(pause.organisationId)
            : pause.scope === 'channel'
              ? mayRead(pause.channel?.organisationId)
              : !query.campaignId || pause.campaignId === query.campaignId,
      )
      .map((pause) => ({
        id: pause.id,
        scope: pause.scope,
        covers:
          pause.scope === 'global'
            ? 'every organisation'
            : pause.scope === 'organisation'
              ? (pause.organisation?.name ?? 'an organisation')
              : pause.scope === 'channel'
                ? (pause.channel?.handle ?? 'a channel')
                : `the campaign ${pause.campaign?.name ?? ''}`.trim(),
        reason: pause.reason,
        startsAt: pause.startsAt.toISOString(),
        endsAt: pause.endsAt?.toISOString() ?? null,
      })),
    campaigns: campaigns.map((campaign) => ({
      ...campaign,
      startsAt: campaign.startsAt.toISOString(),
      endsAt: campaign.endsAt.toISOString(),
    })),
  };
}
