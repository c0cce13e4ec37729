import { postMetricsEndpoint } from '@/lib/api/endpoints/reach';
import { handle } from '@/lib/api/handle';
import { postMetrics } from '@/lib/reach/post-metrics';

export const GET = handle(postMetricsEndpoint, ({ actor, params }) =>
  postMetrics(actor, params.id),
);
