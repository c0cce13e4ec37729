// A post's reach starts when it is published: its row of latest figures (empty until the first
// poll) and its first poll, written in the same statement or transaction that marks it published,
// so no published post is ever without a polling plan.
import type { Prisma } from '@/prisma/generated/client';
import { UK_TIME_ZONE } from '../scheduling/london-time';
import { nextPollAt } from './poll-plan';

/** The UK day an instant (a UTC timestamp) falls on, in SQL. */
export const ukDaySql = (instant: string) =>
  `((${instant})::timestamp AT TIME ZONE 'UTC' AT TIME ZONE '${UK_TIME_ZONE}')::date`;

/**
 * Common table expressions that give a newly published post its `post_reach` row and count it in
 * its day's `reach_daily` row; `post` and `publishedAt` name the statement's parameters. They read
 * the post's organisation, campaign, message and platform, which publishing never changes, so they
 * run beside the statement that marks the post published. A post that already has its row (a
 * second call) is counted once. `onlyIf`: a condition, such as the publishing update having matched.
 */
export const startReachCtes = (post: string, publishedAt: string, onlyIf = 'TRUE') => `
  reach_row AS (
    INSERT INTO post_reach ("postId", "organisationId", "campaignId", "messageId", theme, platform, "publishedAt")
    SELECT p.id, p."organisationId", p."campaignId", p."messageId", m.theme, p.platform, (${publishedAt})::timestamp
    FROM posts p JOIN messages m ON m.id = p."messageId" WHERE p.id = ${post} AND ${onlyIf}
    ON CONFLICT ("postId") DO NOTHING
  ), reach_day AS (
    INSERT INTO reach_daily ("campaignId", day, "organisationId", platform, theme, posts)
    SELECT p."campaignId", ${ukDaySql(publishedAt)}, p."organisationId", p.platform, m.theme, 1
    FROM posts p JOIN messages m ON m.id = p."messageId"
    WHERE p.id = ${post} AND ${onlyIf} AND NOT EXISTS (SELECT 1 FROM post_reach WHERE "postId" = ${post})
    ON CONFLICT ("campaignId", day, "organisationId", platform, theme)
    DO UPDATE SET posts = reach_daily.posts + 1
  )`;

/** The whole statement, for callers not marking the post published in the same one. */
export const START_REACH_SQL = `WITH ${startReachCtes('$1', '$2')} SELECT 1`;

/** The first poll of a post published at `publishedAt`. */
export const firstPollAt = (publishedAt: Date) => nextPollAt(publishedAt, 0);

/** For callers inside a Prisma transaction (a post found on the platform after an unknown outcome). */
export async function startReach(tx: Prisma.TransactionClient, postId: string, publishedAt: Date) {
  await tx.$executeRawUnsafe(START_REACH_SQL, postId, publishedAt.toISOString());
  await tx.post.update({
    where: { id: postId },
    data: { nextPollAt: firstPollAt(publishedAt), pollsDone: 0 },
  });
}
