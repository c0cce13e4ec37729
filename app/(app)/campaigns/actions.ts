'use server';

import { archiveCampaign } from '@/lib/campaigns/archive-campaign';
import { CampaignChange, CampaignInput } from '@/lib/campaigns/campaign-schemas';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { updateCampaign } from '@/lib/campaigns/update-campaign';
import { act, parseInput } from '../action-result';

export async function createCampaignAction(input: unknown) {
  const parsed = parseInput(CampaignInput, input);
  if (!parsed.ok) return parsed;
  return act(async (actor) => {
    const campaign = await createCampaign(actor, parsed.data);
    return { id: campaign.id };
  }, 'Campaign created. Add its first message.');
}

export async function updateCampaignAction(campaignId: string, change: unknown) {
  const parsed = parseInput(CampaignChange, change);
  if (!parsed.ok) return parsed;
  return act(
    async (actor) => void (await updateCampaign(actor, campaignId, parsed.data)),
    'Campaign saved.',
  );
}

export async function archiveCampaignAction(campaignId: string) {
  return act(
    async (actor) => void (await archiveCampaign(actor, campaignId)),
    'Campaign archived. Its messages and posts stay readable.',
  );
}
