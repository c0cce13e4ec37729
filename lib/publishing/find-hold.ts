// Why a post must not go out now, if it must not: its organisation deactivated, a pause or
// blackout in its scope, or its channel needing re-authorising or disabled. Read fresh from the database right before the
// platform call, so a pause reaches the very next post.
import { db } from '../db';
import { deactivatedReason } from '../organisations/deactivated-reason';
import { platformRules } from '../platforms/rules';
import { pausesCovering } from '../pauses/pause-scope';
import { type BlackoutFacts, describeHold, holdReason, type PauseFacts } from '../scheduling/holds';

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
  organisation: { name: string; active: boolean };
  campaign: { name: string };
  platformLabel: string;
}

/** Why the post must not go out, given the pauses and blackouts that could apply; null if none. */
export function holdFor(
  post: HoldSubject,
  pauses: readonly PauseFacts[],
  blackouts: readonly BlackoutFacts[],
  now: Date,
): string | null {
  // Even a post queued before the deactivation: the organisation has left, nothing goes out for it.
  if (!post.organisation.active) return deactivatedReason(post.organisation.name);
  if (post.channel.status === 'needs_reauth') {
    return `The ${post.platformLabel} account ${post.channel.handle} needs re-authorising${
      post.channel.statusReason ? ` (${post.channel.statusReason})` : ''
    }.`;
  }
  if (post.channel.status === 'disabled')
    return `The ${post.platformLabel} account ${post.channel.handle} is disabled.`;
  const hold = holdReason({ pauses, blackouts, post, now });
  if (!hold) return null;
  return describeHold(hold, {
    organisation: post.organisation.name,
    channel: `${post.organisation.name} on ${post.platformLabel} (${post.channel.handle})`,
    campaign: post.campaign.name,
  });
}

/** The same, reading the pauses and blackouts from the database (for a person's release). */
export async function findHold(post: HoldSubject, now: Date): Promise<string | null> {
  const [pauses, blackouts] = await Promise.all([
    db.pause.findMany({
      where: { liftedAt: null, ...pausesCovering(post) },
    }),
    db.blackout.findMany({ where: { organisationId: post.organisationId, endsAt: { gt: now } } }),
  ]);
  return holdFor(post, pauses, blackouts, now);
}

/**
 * The pause or blackout that would hold this post at `scheduledAt`, in words, or null: asked
 * ahead when a person moves a post, so it is never moved into one (issue 10). The channel's own
 * state is left out: moving a post does not mend or break its account.
 */
export async function findPauseOrBlackoutAt(
  post: { id: string; organisationId: string; channelId: string; campaignId: string },
  scheduledAt: Date,
  now: Date,
): Promise<string | null> {
  const [subject, pauses, blackouts] = await Promise.all([
    db.post.findUniqueOrThrow({
      where: { id: post.id },
      select: {
        platform: true,
        channel: { select: { handle: true } },
        organisation: { select: { name: true } },
        campaign: { select: { name: true } },
      },
    }),
    db.pause.findMany({ where: { liftedAt: null, ...pausesCovering(post) } }),
    db.blackout.findMany({ where: { organisationId: post.organisationId, endsAt: { gt: now } } }),
  ]);
  const hold = holdReason({ pauses, blackouts, post: { ...post, scheduledAt }, now });
  if (!hold) return null;
  return describeHold(hold, {
    organisation: subject.organisation.name,
    channel: `${subject.organisation.name} on ${platformRules[subject.platform].label} (${subject.channel.handle})`,
    campaign: subject.campaign.name,
  });
}
