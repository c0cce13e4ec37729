// The amplification view for a campaign's leads: the campaign's partners against the week's
// messages, with what each did and what it reached (GET /api/v1/amplification and the
// Reach › Amplification page).
import { type Actor, can, PARTNER_MESSAGES } from '../auth/permissions';
import { db } from '../db';
import { AppError, forbidden, notFound } from '../errors';
import { ukWeek } from '../library/pack-week';
import { quietReasons } from '../library/quiet-period';
import { amplificationRows, CARRYING_STATUSES } from './amplification-rows';
import type { AmplificationQuery, AmplificationView } from './amplification-schemas';
import { weekMessages } from './week-messages';

export function weekLabel(monday: string): string {
  const day = new Date(`${monday}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `Week beginning ${day}`;
}

/** The campaign asked for, or the newest active one (else the newest); null when there is none. */
async function chooseCampaign(campaignId: string | undefined) {
  if (campaignId !== undefined) {
    const campaign = await db.campaign.findUnique({
      where: { id: campaignId },
      select: { id: true, name: true },
    });
    if (!campaign) throw notFound('Campaign');
    return campaign;
  }
  return db.campaign.findFirst({
    orderBy: [{ status: 'asc' }, { startsAt: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true },
  });
}

export async function loadAmplification(
  actor: Actor,
  query: AmplificationQuery,
  now = new Date(),
): Promise<AmplificationView> {
  if (!can(actor, 'amplification.read'))
    throw forbidden('Only campaign leads and administrators see the partners’ amplification.');
  const week = ukWeek(query.week, now);
  if (!week)
    throw new AppError('validation_failed', 'That is not a day in the calendar.', {
      week: 'must be a UK date, YYYY-MM-DD',
    });
  const campaign = await chooseCampaign(query.campaignId);
  const label = { monday: week.monday, label: weekLabel(week.monday) };
  const empty = amplificationRows({
    partners: [],
    messages: [],
    posts: [],
    downloads: [],
    links: [],
    reminders: [],
    quiet: new Map(),
    now,
  });
  if (!campaign) return { campaign: null, week: label, ...empty };

  const [candidates, partners] = await Promise.all([
    db.message.findMany({
      where: { campaignId: campaign.id, ...PARTNER_MESSAGES, approvedAt: { lt: week.to } },
      select: { id: true, title: true, approvedAt: true },
    }),
    db.organisation.findMany({
      where: { kind: 'partner' },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, slug: true, name: true },
    }),
  ]);
  const messages = weekMessages(candidates, week);
  const messageIds = messages.map((message) => message.id);
  const partnerIds = partners.map((partner) => partner.id);
  const within = { messageId: { in: messageIds }, organisationId: { in: partnerIds } };
  const [posts, downloads, links, reminders, quiet] = await Promise.all([
    db.post.findMany({
      where: { ...within, status: { in: [...CARRYING_STATUSES] } },
      select: {
        organisationId: true,
        messageId: true,
        platform: true,
        status: true,
        latestReach: { select: { views: true, engagements: true } },
      },
    }),
    db.sharePackDownload.groupBy({
      by: ['organisationId', 'messageId'],
      where: within,
      _count: { _all: true },
    }),
    db.share.findMany({
      where: within,
      orderBy: { createdAt: 'desc' },
      select: {
        organisationId: true,
        messageId: true,
        platform: true,
        url: true,
        views: true,
        engagements: true,
        lastPolledAt: true,
        unreadable: true,
      },
    }),
    db.auditEvent.groupBy({
      by: ['organisationId', 'entityId'],
      where: {
        action: 'message.remind',
        entityType: 'message',
        entityId: { in: messageIds },
        organisationId: { in: partnerIds },
      },
      _max: { at: true },
    }),
    Promise.all(
      partners.map(
        async (partner) =>
          [partner.id, (await quietReasons(partner, [campaign], now)).get(campaign.id)] as const,
      ),
    ),
  ]);
  return {
    campaign,
    week: label,
    ...amplificationRows({
      partners,
      messages,
      posts: posts.map((post) => ({
        organisationId: post.organisationId,
        messageId: post.messageId,
        platform: post.platform,
        status: post.status,
        views: post.latestReach?.views ?? null,
        engagements: post.latestReach?.engagements ?? null,
      })),
      downloads: downloads.map((row) => ({
        organisationId: row.organisationId,
        messageId: row.messageId,
        count: row._count._all,
      })),
      links,
      reminders: reminders.flatMap((row) =>
        row.organisationId && row._max.at
          ? [{ organisationId: row.organisationId, messageId: row.entityId, at: row._max.at }]
          : [],
      ),
      quiet: new Map(
        quiet.flatMap(([id, reason]) => (reason === undefined ? [] : [[id, reason] as const])),
      ),
      now,
    }),
  };
}
