// One post's figures over time (GET /posts/:id/metrics and the post's details): the latest and
// every snapshot, oldest first. Visible exactly when the post is: another force's post is
// "not found", so a comms officer never receives another force's per-post figures.
import { z } from 'zod';
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { findVisiblePost } from '../posts/change-post';
import { engagementsOf } from './figures';

const Figure = z.number().int().nullable();

export const SnapshotView = z.object({
  collectedAt: z.iso.datetime(),
  views: Figure,
  reactions: Figure,
  comments: Figure,
  shares: Figure,
  linkClicks: Figure,
  engagements: Figure,
});
export type SnapshotView = z.infer<typeof SnapshotView>;

export const PostMetricsView = z.object({
  latest: SnapshotView.nullable(),
  snapshots: z.array(SnapshotView),
  removed: z.boolean().meta({
    description: 'the platform says the post no longer exists; its last figures are kept',
  }),
});
export type PostMetricsView = z.infer<typeof PostMetricsView>;

export async function postMetrics(actor: Actor, postId: string): Promise<PostMetricsView> {
  await findVisiblePost(actor, postId);
  const [rows, post] = await Promise.all([
    db.reachSnapshot.findMany({
      where: { postId },
      orderBy: [{ collectedAt: 'asc' }, { id: 'asc' }],
      select: {
        collectedAt: true,
        views: true,
        reactions: true,
        comments: true,
        shares: true,
        linkClicks: true,
      },
    }),
    db.post.findUniqueOrThrow({ where: { id: postId }, select: { removedAt: true } }),
  ]);
  const snapshots = rows.map((row) => ({
    ...row,
    collectedAt: row.collectedAt.toISOString(),
    engagements: engagementsOf(row),
  }));
  return { latest: snapshots.at(-1) ?? null, snapshots, removed: post.removedAt !== null };
}
