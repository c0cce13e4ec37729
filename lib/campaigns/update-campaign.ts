// A campaign lead changes a campaign's name, description, dates or themes. A theme that messages
// already use cannot be taken away: those messages would be left with a theme their campaign no
// longer has.
import { type CurrentActor, auditActor } from '../auth/actor';
import { can } from '../auth/permissions';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { conflict, forbidden, invalid, notFound } from '../errors';
import { type CampaignChange, type CampaignView, toCampaignView } from './campaign-schemas';

export async function updateCampaign(
  actor: CurrentActor,
  campaignId: string,
  change: CampaignChange,
): Promise<CampaignView> {
  if (!can(actor, 'campaign.update')) throw forbidden('Only campaign leads can change a campaign.');
  return db.$transaction(async (tx) => {
    // Locked, so two edits at once apply one after the other and each audit "before" is true.
    await tx.$queryRaw`SELECT 1 FROM campaigns WHERE id = ${campaignId} FOR UPDATE`;
    const current = await tx.campaign.findUnique({ where: { id: campaignId } });
    if (!current) throw notFound('Campaign');
    if (current.status === 'archived')
      throw conflict('This campaign is archived, so it can no longer be changed.');

    const startsAt = change.startsAt ?? current.startsAt;
    const endsAt = change.endsAt ?? current.endsAt;
    if (endsAt <= startsAt) {
      throw invalid(
        `The campaign would end (${endsAt.toISOString()}) before it starts (${startsAt.toISOString()}).`,
        {
          [change.endsAt ? 'endsAt' : 'startsAt']: change.endsAt
            ? 'must be after startsAt'
            : 'must be before endsAt',
        },
      );
    }
    if (change.themes) {
      const removed = current.themes.filter((theme) => !change.themes?.includes(theme));
      const inUse = removed.length
        ? await tx.message.groupBy({
            by: ['theme'],
            where: { campaignId, theme: { in: removed } },
            _count: { _all: true },
          })
        : [];
      if (inUse.length) {
        const list = inUse
          .map((group) => `${group.theme} (${group._count._all} messages)`)
          .join(', ');
        throw conflict(
          `Messages of this campaign use the themes you removed: ${list}. Move or archive them first.`,
        );
      }
    }

    const row = await tx.campaign.update({
      where: { id: campaignId },
      data: {
        name: change.name,
        description: change.description,
        startsAt: change.startsAt,
        endsAt: change.endsAt,
        themes: change.themes,
      },
    });
    const before = toCampaignView(current);
    const after = toCampaignView(row);
    await recordAudit(tx, auditActor(actor), {
      action: 'campaign.update',
      entityId: campaignId,
      before,
      after,
    });
    return after;
  });
}
