import { meEndpoint } from '@/lib/api/endpoints/foundation';
import { handle } from '@/lib/api/handle';

export const GET = handle(meEndpoint, async ({ actor }) => ({
  user: actor.user,
  memberships: actor.memberships.map(({ organisation, role }) => ({ organisation, role })),
}));
