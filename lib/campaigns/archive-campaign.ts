// Archiving ends a campaign's life in the composer: no new messages, no edits. Its messages, posts
// and figures stay readable, because the reach report still needs them.
import { type CurrentActor, auditActor } from '../auth/actor';
import { can } from '../auth/permissions';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { conflict, forbidden, notFound } from '../errors';
import { type CampaignView, toCampaignView } from './campaign-schemas';

export async function archiveCampaign(
  actor: CurrentActor,
  campaignId: string,
): Promise<CampaignView> {
  if (!can(actor, 'campaign.update'))
    throw forbidden('Only campaign leads can archive a campaign.');
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM campaigns WHERE id = ${campaignId} FOR UPDATE`;
    const current = await tx.campaign.findUnique({ where: { id: campaignId } });
    if (!current) throw notFound('Campaign');
    if (current.status === 'archived') throw conflict('This campaign is already archived.');
    const row = await tx.campaign.update({
      where: { id: campaignId },
      data: { status: 'archived' },
    });
    const before = toCampaignView(current);
    const after = toCampaignView(row);
    await recordAudit(tx, auditActor(actor), {
      action: 'campaign.archive',
      entityId: campaignId,
      before,
      after,
    });
    return after;
  });
}
