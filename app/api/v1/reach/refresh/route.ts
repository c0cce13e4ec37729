import { refreshReachEndpoint } from '@/lib/api/endpoints/reach-refresh';
import { handle } from '@/lib/api/handle';
import { refreshReach } from '@/lib/reach/refresh-reach';

export const POST = handle(refreshReachEndpoint, ({ actor, body }) => refreshReach(actor, body));
