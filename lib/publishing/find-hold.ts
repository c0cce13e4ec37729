// Why a post must not go out now, if it must not: a pause or blackout in its scope, or its
// channel needing re-authorising or disabled. Read fresh from the database right before the
// platform call, so a pause reaches the very next post.
import { db } from '../db';
import { describeHold, holdReason } from '../scheduling/holds';

export interface HoldSubject {
  organisationId: string;
  channelId: string;
  campaignId: string;
  scheduledAt: Date;
  channel: {
    status: 'active' | 'needs_reauth' | 'disabled';
    handle: string;
    statusReason: string | null;
  };
  organisation: { name: string };
  campaign: { name: string };
  platformLabel: string;
}

export async function findHold(post: HoldSubject, now: Date): Promise<string | null> {
  if (post.channel.status === 'needs_reauth') {
    return `The ${post.platformLabel} account ${post.channel.handle} needs re-authorising${
      post.channel.statusReason ? ` (${post.channel.statusReason})` : ''
    }.`;
  }
  if (post.channel.status === 'disabled')
    return `The ${post.platformLabel} account ${post.channel.handle} is disabled.`;

  const [pauses, blackouts] = await Promise.all([
    db.pause.findMany({
      where: {
        liftedAt: null,
        OR: [
          { scope: 'global' },
          { scope: 'organisation', organisationId: post.organisationId },
          { scope: 'channel', channelId: post.channelId },
          { scope: 'campaign', campaignId: post.campaignId },
        ],
      },
    }),
    db.blackout.findMany({
      where: {
        organisationId: post.organisationId,
        endsAt: { gt: now },
        startsAt: { lte: new Date(Math.max(now.getTime(), post.scheduledAt.getTime())) },
      },
    }),
  ]);
  const hold = holdReason({ pauses, blackouts, post, now });
  if (!hold) return null;
  return describeHold(hold, {
    organisation: post.organisation.name,
    channel: `${post.organisation.name} on ${post.platformLabel} (${post.channel.handle})`,
    campaign: post.campaign.name,
  });
}
