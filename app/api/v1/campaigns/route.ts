import { createCampaignEndpoint, listCampaignsEndpoint } from '@/lib/api/endpoints/campaigns';
import { handle } from '@/lib/api/handle';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { listCampaigns } from '@/lib/campaigns/list-campaigns';

export const POST = handle(createCampaignEndpoint, ({ actor, body }) =>
  createCampaign(actor, body),
);

export const GET = handle(listCampaignsEndpoint, ({ actor, query }) => listCampaigns(actor, query));
