import type { Actor } from '../auth/permissions';
import { can } from '../auth/permissions';
import { db } from '../db';
import { forbidden, notFound } from '../errors';
import { type CampaignView, toCampaignView } from './campaign-schemas';

/** One campaign. Every signed-in role may read campaigns: who takes part is no secret. */
export async function getCampaign(actor: Actor, campaignId: string): Promise<CampaignView> {
  if (!can(actor, 'campaign.read'))
    throw forbidden('Your account has no role that can see campaigns.');
  const row = await db.campaign.findUnique({ where: { id: campaignId } });
  if (!row) throw notFound('Campaign');
  return toCampaignView(row);
}
