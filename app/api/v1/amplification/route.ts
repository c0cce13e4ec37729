import { amplificationEndpoint } from '@/lib/api/endpoints/amplification';
import { handle } from '@/lib/api/handle';
import { loadAmplification } from '@/lib/amplification/load-amplification';

export const GET = handle(amplificationEndpoint, ({ actor, query }) =>
  loadAmplification(actor, query),
);
