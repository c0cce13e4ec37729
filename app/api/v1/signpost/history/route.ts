import { signpostHistoryEndpoint } from '@/lib/api/endpoints/signpost';
import { handle } from '@/lib/api/handle';
import { listSignpostHistory } from '@/lib/signpost/signpost-history';

export const GET = handle(signpostHistoryEndpoint, ({ actor, query }) =>
  listSignpostHistory(actor, query),
);
