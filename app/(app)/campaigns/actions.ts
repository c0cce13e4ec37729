'use server';

import { z } from 'zod';
import { RecordId } from '@/lib/api/record-id';
import { archiveCampaign } from '@/lib/campaigns/archive-campaign';
import { CampaignChange, CampaignInput } from '@/lib/campaigns/campaign-schemas';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { updateCampaign } from '@/lib/campaigns/update-campaign';
import { serverAction } from '../action-result';

export const createCampaignAction = serverAction(
  z.tuple([CampaignInput]),
  async (actor, [input]) => {
    const campaign = await createCampaign(actor, input);
    return { id: campaign.id };
  },
  'Campaign created. Add its first message.',
);

export const updateCampaignAction = serverAction(
  z.tuple([RecordId.describe('campaignId'), CampaignChange]),
  async (actor, [campaignId, change]) => void (await updateCampaign(actor, campaignId, change)),
  'Campaign saved.',
);

export const archiveCampaignAction = serverAction(
  z.tuple([RecordId.describe('campaignId')]),
  async (actor, [campaignId]) => void (await archiveCampaign(actor, campaignId)),
  'Campaign archived. Its messages and posts stay readable.',
);
