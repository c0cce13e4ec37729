// A post's reach starts when it is published: its row of latest figures (empty until the first
// poll) and its first poll, written in the same statement or transaction that marks it published,
// so no published post is ever without a polling plan.
import type { Prisma } from '@/prisma/generated/client';
import { nextPollAt } from './poll-plan';

/**
 * SQL that inserts the post's `post_reach` row; `$post` and `$publishedAt` name the parameters.
 * Reads the post's organisation, campaign, message and platform, which publishing never changes,
 * so it can run as a CTE beside the statement that marks the post published.
 */
export const insertPostReachSql = (post: string, publishedAt: string) => `
  INSERT INTO post_reach ("postId", "organisationId", "campaignId", "messageId", theme, platform, "publishedAt")
  SELECT p.id, p."organisationId", p."campaignId", p."messageId", m.theme, p.platform, ${publishedAt}
  FROM posts p JOIN messages m ON m.id = p."messageId" WHERE p.id = ${post}
  ON CONFLICT ("postId") DO NOTHING`;

/** The first poll of a post published at `publishedAt`. */
export const firstPollAt = (publishedAt: Date) => nextPollAt(publishedAt, 0);

/** For callers inside a Prisma transaction (a post found on the platform after an unknown outcome). */
export async function startReach(tx: Prisma.TransactionClient, postId: string, publishedAt: Date) {
  await tx.$executeRawUnsafe(insertPostReachSql('$1', '$2'), postId, publishedAt);
  await tx.post.update({
    where: { id: postId },
    data: { nextPollAt: firstPollAt(publishedAt), pollsDone: 0 },
  });
}
