import { reachEndpoint } from '@/lib/api/endpoints/reach';
import { handle } from '@/lib/api/handle';
import { reachView } from '@/lib/reach/reach-query';

export const GET = handle(reachEndpoint, ({ actor, query }) => reachView(actor, query));
