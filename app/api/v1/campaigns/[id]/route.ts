import { getCampaignEndpoint, updateCampaignEndpoint } from '@/lib/api/endpoints/campaigns';
import { handle } from '@/lib/api/handle';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { updateCampaign } from '@/lib/campaigns/update-campaign';

export const GET = handle(getCampaignEndpoint, ({ actor, params }) =>
  getCampaign(actor, params.id),
);

export const PATCH = handle(updateCampaignEndpoint, ({ actor, params, body }) =>
  updateCampaign(actor, params.id, body),
);
