import { archiveCampaignEndpoint } from '@/lib/api/endpoints/campaigns';
import { handle } from '@/lib/api/handle';
import { archiveCampaign } from '@/lib/campaigns/archive-campaign';

export const POST = handle(archiveCampaignEndpoint, ({ actor, params }) =>
  archiveCampaign(actor, params.id),
);
