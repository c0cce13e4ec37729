// Whether an organisation may share a campaign's messages now: the same hold rules the publish
// worker applies (lib/scheduling/holds.ts), asked for "now" and for no channel in particular, so
// a blackout (a pre-election period) or a pause stops the share pack and the copied text as it
// stops scheduled posts.
import { db } from '../db';
import { pausesCovering } from '../pauses/pause-scope';
import { describeHold, holdReason } from '../scheduling/holds';

export interface QuietSubject {
  organisation: { id: string; name: string };
  campaign: { id: string; name: string };
}

/** Why nothing may be shared for these campaigns now, by campaign id; absent when it may. */
export async function quietReasons(
  organisation: QuietSubject['organisation'],
  campaigns: readonly QuietSubject['campaign'][],
  now: Date,
): Promise<Map<string, string>> {
  const unique = [...new Map(campaigns.map((campaign) => [campaign.id, campaign])).values()];
  const [pauses, blackouts] = await Promise.all([
    db.pause.findMany({
      where: {
        liftedAt: null,
        OR: unique.map((campaign) =>
          pausesCovering({
            organisationId: organisation.id,
            channelId: '',
            campaignId: campaign.id,
          }),
        ),
      },
    }),
    db.blackout.findMany({ where: { organisationId: organisation.id, endsAt: { gt: now } } }),
  ]);
  const reasons = new Map<string, string>();
  for (const campaign of unique) {
    const hold = holdReason({
      pauses,
      blackouts,
      // No channel: a share outside Signpost is on the organisation's own accounts.
      post: {
        organisationId: organisation.id,
        channelId: '',
        campaignId: campaign.id,
        scheduledAt: now,
      },
      now,
    });
    if (hold)
      reasons.set(
        campaign.id,
        describeHold(hold, { organisation: organisation.name, campaign: campaign.name }),
      );
  }
  return reasons;
}
