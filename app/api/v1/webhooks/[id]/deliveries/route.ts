import { listDeliveriesEndpoint } from '@/lib/api/endpoints/webhooks';
import { handle } from '@/lib/api/handle';
import { listDeliveries } from '@/lib/webhooks/list-webhooks';

export const GET = handle(listDeliveriesEndpoint, ({ actor, params, query }) =>
  listDeliveries(actor, params.id, query),
);
