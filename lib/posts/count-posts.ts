// How many posts the actor can see are in each status, for the Schedule page's tabs and the
// dashboard.
import { organisationScope, type Actor } from '../auth/permissions';
import { db } from '../db';
import { POST_STATUSES, type PostStatus } from './state-machine';

export async function countPostsByStatus(
  actor: Actor,
  where: { campaignId?: string } = {},
): Promise<Record<PostStatus, number>> {
  const scope = organisationScope(actor, 'post.read');
  const groups = await db.post.groupBy({
    by: ['status'],
    where: { ...(scope === 'all' ? {} : { organisationId: { in: scope } }), ...where },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(POST_STATUSES.map((status) => [status, 0])) as Record<
    PostStatus,
    number
  >;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}
