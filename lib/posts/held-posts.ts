// "Release all held (N)" on the Schedule page: the held posts the person may release, with when
// each would go out if released now (lib/scheduling/release-spread.ts), so the confirmation can
// say it before anything is done. At most a bulk request's worth at a time.
import { organisationScope, type Actor } from '../auth/permissions';
import { db } from '../db';
import { spreadReleases } from '../scheduling/release-spread';
import { MAX_BULK_POSTS } from './bulk-posts';

export interface HeldToRelease {
  /** Every held post the person may release, counted; `ids` holds the first MAX_BULK_POSTS. */
  total: number;
  ids: string[];
  /** "“Help is available” on @LancsPolice (Lancashire Constabulary)", by id, for the result. */
  labels: Record<string, string>;
  first: string;
  last: string;
}

export async function heldToRelease(actor: Actor, now = new Date()): Promise<HeldToRelease | null> {
  const scope = organisationScope(actor, 'post.manage');
  if (scope !== 'all' && scope.length === 0) return null;
  const where = {
    status: 'held' as const,
    ...(scope === 'all' ? {} : { organisationId: { in: scope } }),
  };
  const [total, held] = await Promise.all([
    db.post.count({ where }),
    db.post.findMany({
      where,
      select: {
        id: true,
        channelId: true,
        scheduledAt: true,
        message: { select: { title: true } },
        channel: { select: { handle: true } },
        organisation: { select: { name: true } },
      },
      orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
      take: MAX_BULK_POSTS,
    }),
  ]);
  if (held.length === 0) return null;
  const times = [...spreadReleases(held, now).values()].map((time) => time.getTime());
  return {
    total,
    ids: held.map((post) => post.id),
    labels: Object.fromEntries(
      held.map((post) => [
        post.id,
        `“${post.message.title}” on ${post.channel.handle} (${post.organisation.name})`,
      ]),
    ),
    first: new Date(Math.min(...times)).toISOString(),
    last: new Date(Math.max(...times)).toISOString(),
  };
}
