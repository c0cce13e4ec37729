import { compareOutcomesEndpoint } from '@/lib/api/endpoints/outcomes';
import { handle } from '@/lib/api/handle';
import { compareOutcomes } from '@/lib/outcomes/compare-outcomes';

export const GET = handle(compareOutcomesEndpoint, ({ query }) => compareOutcomes(query));
