// "Ready to schedule" (issue 10): for one organisation, the approved messages of active campaigns
// that are not yet on the schedule of each of its active channels, newest approved first. Per
// channel: whether the message is waiting there, how it renders (the same renderForChannel that
// scheduling and publishing use), suggested times (lib/scheduling/suggest-slots.ts) and warnings
// when it is already scheduled or was published there lately. Scheduling one goes through
// scheduleMessage, with all its checks; this only reads.
import { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { decodeCursor, toPage } from '../api/pagination';
import { can, organisationScope, roleGrants, type Actor } from '../auth/permissions';
import { db } from '../db';
import { AppError, forbidden, notFound } from '../errors';
import { platformMediaFacts } from '../media/media-facts';
import { PLATFORMS } from '../platforms/types';
import { renderForChannel } from '../publishing/render-for-channel';
import { suggestSlots } from '../scheduling/suggest-slots';
import { currentSignpost, toSignpost } from '../signpost/signpost-store';
import { blackoutsOf } from './blackout-problem';
import { SCHEDULABLE_MESSAGE_SELECT } from './check-posts';
import { channelStanding } from './ready-standing';
import type { ReadyList, ReadyMessage, ReadyQuery } from './ready-view';

// A cursor's time is checked as one: a forged one is a 400, not a query with an invalid date.
const Cursor = z.object({ at: z.iso.datetime(), id: z.string().max(64) });
/** Messages read at a time while looking for a page of waiting ones. */
const BATCH = 100;
/** How far back the organisation's habits are read from. */
const HISTORY_DAYS = 90;
const HISTORY_POSTS = 5000;

const ORGANISATION_SELECT = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  area: true,
  timezone: true,
} as const;

/**
 * The organisation asked for, or the caller's own: a 404 for one whose data they may not see, a
 * 403 for their own when their role schedules nothing (a viewer).
 */
async function organisationFor(actor: Actor, slug: string | undefined) {
  const scope = organisationScope(actor, 'post.schedule');
  if (slug === undefined) {
    const own = [
      ...new Set(
        actor.memberships
          .map((membership) => membership.organisationId)
          .filter((id) => roleGrants(actor, 'post.schedule', id)),
      ),
    ];
    if (own.length === 0)
      throw forbidden('Your role does not schedule posts, so nothing is waiting for you.');
    if (own.length > 1)
      throw new AppError(
        'validation_failed',
        'You schedule for more than one organisation: say which.',
        {
          organisation: 'required: the slug of one of your organisations',
        },
      );
    return db.organisation.findUniqueOrThrow({
      where: { id: own[0] },
      select: ORGANISATION_SELECT,
    });
  }
  const organisation = await db.organisation.findFirst({
    where: { slug, ...(scope === 'all' ? {} : { id: { in: scope } }) },
    select: ORGANISATION_SELECT,
  });
  if (organisation) return organisation;
  const readable = organisationScope(actor, 'post.read');
  const visible = await db.organisation.findFirst({
    where: { slug, ...(readable === 'all' ? {} : { id: { in: readable } }) },
    select: { name: true },
  });
  if (visible) throw forbidden(`You may not schedule posts for ${visible.name}.`);
  throw notFound('Organisation');
}

export async function readyToSchedule(
  actor: Actor,
  query: ReadyQuery,
  now = new Date(),
): Promise<ReadyList> {
  const organisation = await organisationFor(actor, query.organisation);
  const after = decodeCursor(query.cursor, Cursor);
  const channels = (
    await db.channel.findMany({
      where: {
        organisationId: organisation.id,
        status: 'active',
        ...(query.platform?.length ? { platform: { in: query.platform } } : {}),
      },
      select: { id: true, platform: true, handle: true },
    })
  ).sort(
    (a, b) =>
      PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform) ||
      a.handle.localeCompare(b.handle, 'en-GB'),
  );
  const { id: _id, area: _area, timezone: _zone, ...shown } = organisation;
  const answer = { organisation: { id: organisation.id, ...shown }, items: [], nextCursor: null };
  if (channels.length === 0) return answer;

  // `can` says whether this actor may schedule an unshareable message here (partners may not);
  // the query asks for no more than that, so pages are not thinned after the fact.
  const shareableOnly = !can(actor, 'post.schedule', {
    organisationId: organisation.id,
    message: { status: 'approved', shareable: false },
  });
  const where: Prisma.MessageWhereInput = {
    status: 'approved',
    approvedAt: { not: null },
    campaign: { status: 'active', endsAt: { gt: now } },
    ...(shareableOnly ? { shareable: true } : {}),
    ...(query.campaignId ? { campaignId: query.campaignId } : {}),
  };
  const channelIds = channels.map((channel) => channel.id);

  type Candidate = Awaited<ReturnType<typeof messagesAfter>>[number];
  const messagesAfter = (cursor: z.infer<typeof Cursor> | undefined) =>
    db.message.findMany({
      where: {
        AND: [
          where,
          cursor
            ? {
                OR: [
                  { approvedAt: { lt: new Date(cursor.at) } },
                  { approvedAt: new Date(cursor.at), id: { lt: cursor.id } },
                ],
              }
            : {},
        ],
      },
      select: {
        ...SCHEDULABLE_MESSAGE_SELECT,
        theme: true,
        approvedAt: true,
        campaign: {
          select: { id: true, slug: true, status: true, name: true, startsAt: true, endsAt: true },
        },
        posts: {
          where: { channelId: { in: channelIds }, status: { not: 'cancelled' } },
          select: { channelId: true, status: true, scheduledAt: true, publishedAt: true },
        },
      },
      orderBy: [{ approvedAt: 'desc' }, { id: 'desc' }],
      take: BATCH,
    });

  const [signpostView, history, pauses, blackouts] = await Promise.all([
    currentSignpost(),
    db.post.findMany({
      where: {
        organisationId: organisation.id,
        status: { not: 'cancelled' },
        scheduledAt: { gte: new Date(now.getTime() - HISTORY_DAYS * 86_400_000) },
      },
      select: { channelId: true, scheduledAt: true },
      orderBy: { scheduledAt: 'desc' },
      take: HISTORY_POSTS,
    }),
    db.pause.findMany({
      where: { liftedAt: null, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    }),
    blackoutsOf([organisation.id], now),
  ]);
  const signpost = toSignpost(signpostView);

  /** Each channel's standing and render, or null when the message waits on none it fits. */
  const judge = async (message: Candidate) => {
    const standings = channels.map((channel) =>
      channelStanding(
        message.posts.filter((post) => post.channelId === channel.id),
        now,
        { zone: organisation.timezone },
      ),
    );
    if (!standings.some((standing) => standing.waiting)) return null;
    const platforms = [...new Set(channels.map((channel) => channel.platform))];
    const media = new Map(
      await Promise.all(
        platforms.map(
          async (platform) =>
            [
              platform,
              message.media.length === 0 ? [] : await platformMediaFacts(platform, message.media),
            ] as const,
        ),
      ),
    );
    const renders = channels.map((channel) =>
      renderForChannel({
        message,
        platform: channel.platform,
        organisation,
        campaignSlug: message.campaign.slug,
        signpost,
        media: media.get(channel.platform) ?? [],
      }),
    );
    // A message that cannot go on any channel where it waits (Instagram without an image) is not
    // ready: nobody here can change an approved message, so listing it would be listing it forever.
    const ready = standings.some(
      (standing, index) => standing.waiting && renders[index]?.valid === true,
    );
    return ready ? { message, standings, renders } : null;
  };

  // Read in batches until a page (and one more, for the cursor) of messages ready somewhere.
  const listed: NonNullable<Awaited<ReturnType<typeof judge>>>[] = [];
  let cursor = after;
  for (;;) {
    const batch = await messagesAfter(cursor);
    for (const message of batch) {
      const judged = await judge(message);
      if (judged) listed.push(judged);
      if (listed.length > query.limit) break;
    }
    const last = batch.at(-1);
    if (listed.length > query.limit || batch.length < BATCH || !last?.approvedAt) break;
    cursor = { at: last.approvedAt.toISOString(), id: last.id };
  }
  const page = toPage(listed, query.limit, ({ message }) => ({
    at: message.approvedAt?.toISOString() ?? '',
    id: message.id,
  }));

  const habits = history.map((post) => post.scheduledAt);
  const items = page.items.map(({ message, standings, renders }): ReadyMessage => ({
    id: message.id,
    title: message.title,
    theme: message.theme,
    shareable: message.shareable,
    approvedAt: (message.approvedAt ?? now).toISOString(),
    campaign: { id: message.campaign.id, slug: message.campaign.slug, name: message.campaign.name },
    channels: channels.map((channel, index) => {
      const standing = standings[index] ?? channelStanding([], now);
      const rendered = renders[index];
      const slots =
        standing.waiting && rendered?.valid
          ? suggestSlots({
              history: habits,
              busy: history
                .filter((post) => post.channelId === channel.id)
                .map((post) => post.scheduledAt),
              pauses,
              blackouts,
              post: {
                organisationId: organisation.id,
                channelId: channel.id,
                campaignId: message.campaign.id,
              },
              now,
              notBefore: message.campaign.startsAt,
              notAfter: message.campaign.endsAt,
              zone: organisation.timezone,
            })
          : [];
      return {
        ...channel,
        waiting: standing.waiting,
        valid: rendered?.valid ?? false,
        problems: rendered?.problems ?? [],
        slots: slots.map((slot) => ({
          scheduledAt: slot.at.toISOString(),
          label: slot.label,
          reason: slot.reason,
        })),
        warnings: standing.warnings,
        scheduledAt: standing.scheduledAt.map((at) => at.toISOString()),
        lastPublishedAt: standing.lastPublishedAt?.toISOString() ?? null,
      };
    }),
  }));
  return { ...answer, items, nextCursor: page.nextCursor };
}
